/**
 * A developer cancels the $15 subscription and subscribes again. Stripe's
 * retry of an event of the old (now canceled) subscription then arrives
 * together with the new subscription's checkout.session.completed. Both
 * deliveries read "current subscription = the old one" before either
 * writes, so a guard read before the write lets the old subscription's
 * "free" land after the new one's "paid". The guard is part of the UPDATE's
 * WHERE clause, so whichever order the two writes land in, the developer
 * ends paid on the new subscription (in D1 and in Clerk).
 */
import { env } from "cloudflare:test";
import { newPlatformId } from "@dream-api/shared";
import { insertPlatformStatement, updateDeveloperSubscriptionStatement, type DeveloperSubscriptionState } from "@dream-api/shared/db";
import Stripe from "stripe";
import { describe, expect, inject, it } from "vitest";
import { awaitDeliveries, call, clerkPlanOf, createDeveloper, deliver, inboxCursor, payCheckout, standInStripeOptions, type Delivery, type Developer } from "../harness";

const stripe = new Stripe(inject("stripeSecretKey"), { ...standInStripeOptions(), httpClient: Stripe.createFetchHttpClient() });

const RACE_ATTEMPTS = 5;

function subscriptionOf(delivery: Delivery): string {
  return (JSON.parse(delivery.body) as { data: { object: { subscription: string } } }).data.object.subscription;
}

async function delivered(developer: Developer, cursor: number, type: string): Promise<Delivery> {
  const found = (await awaitDeliveries(cursor, [type])).find((delivery) => delivery.type === type && delivery.body.includes(developer.id));
  if (!found) throw new Error(`no ${type} for ${developer.id}`);
  return found;
}

async function subscribe(developer: Developer): Promise<Delivery> {
  const cursor = await inboxCursor();
  const checkout = await call("POST", "/checkout", { token: developer.token });
  if (checkout.status !== 201) throw new Error(`checkout: ${checkout.status} ${JSON.stringify(checkout.body)}`);
  await payCheckout(checkout.body.url);
  return delivered(developer, cursor, "checkout.session.completed");
}

async function storedPlan(developer: Developer) {
  return env.DB.prepare("SELECT plan, stripe_subscription_id AS subscription FROM platforms WHERE developer_id = ?1")
    .bind(developer.id)
    .first<{ plan: string; subscription: string | null }>();
}

describe("platform webhook: the current-subscription guard is atomic with the write", () => {
  it("a late event of the old subscription, delivered together with the new subscription's checkout, never sets the developer back to free", async () => {
    for (let attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
      const developer = await createDeveloper();
      await call("GET", "/me", { token: developer.token });
      const first = await subscribe(developer);
      const cursor = await inboxCursor();
      await stripe.subscriptions.cancel(subscriptionOf(first));
      expect((await deliver(await delivered(developer, cursor, "customer.subscription.deleted"))).status).toBe(200);
      expect(await storedPlan(developer)).toEqual({ plan: "free", subscription: subscriptionOf(first) });

      const second = await subscribe(developer);
      const answers = await Promise.all([deliver(second), deliver(first)]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(await storedPlan(developer), `attempt ${attempt}`).toEqual({ plan: "paid", subscription: subscriptionOf(second) });
      expect(await clerkPlanOf(developer.id), `attempt ${attempt}`).toBe("paid");
    }
  });

  it("the statement refuses a non-paying state of a subscription that is not the current one, and applies a paying one", async () => {
    const platformId = newPlatformId();
    const now = new Date().toISOString();
    await insertPlatformStatement(env.DB, { platformId, developerId: `user_${platformId}`, createdAt: now, plan: "free" }).run();
    const state = (subscription: string, plan: "free" | "paid"): DeveloperSubscriptionState => ({
      plan,
      stripeCustomerId: "cus_race",
      stripeSubscriptionId: subscription,
      subscriptionStatus: plan === "paid" ? "active" : "canceled",
      cancelAtPeriodEnd: false,
      planPeriodEnd: null,
      canceledAt: null,
    });
    const write = async (subscription: string, plan: "free" | "paid") =>
      (await updateDeveloperSubscriptionStatement(env.DB, platformId, state(subscription, plan), now).run()).meta.changes;
    const row = () => env.DB.prepare("SELECT plan, stripe_subscription_id AS subscription FROM platforms WHERE platform_id = ?1").bind(platformId).first();

    expect(await write("sub_old", "free")).toBe(1); // no current subscription yet
    expect(await write("sub_new", "paid")).toBe(1); // a paying subscription becomes the current one
    expect(await write("sub_old", "free")).toBe(0); // the old one's late "canceled" is refused
    expect(await row()).toEqual({ plan: "paid", subscription: "sub_new" });
    expect(await write("sub_new", "free")).toBe(1); // the current one ending does apply
    expect(await row()).toEqual({ plan: "free", subscription: "sub_new" });
  });
});
