/**
 * A developer cancels the $15 subscription and subscribes again. Stripe's
 * retry of an event of the old (now canceled) subscription then arrives
 * together with the new subscription's checkout.session.completed.
 *
 * D1: both deliveries may read "current subscription = the old one" before
 * either writes, so a guard read before the write would let the old
 * subscription's "free" land after the new one's "paid". The guard is part
 * of the UPDATE's WHERE clause, so whichever order the two writes land in,
 * the developer ends paid on the new subscription.
 *
 * Clerk: its copy of the plan must end on D1's final state whatever the
 * interleaving of the two deliveries' D1 writes and Clerk writes. The
 * interleavings that used to leave Clerk stale are produced on purpose
 * (a D1 binding that lets the other delivery run at a chosen moment of this
 * one), so each case proves the same thing on every run.
 */
import { env } from "cloudflare:test";
import { newPlatformId } from "@dream-api/shared";
import { insertPlatformStatement, updateDeveloperSubscriptionStatement, type DeveloperSubscriptionState } from "@dream-api/shared/db";
import { describe, expect, it } from "vitest";
import { awaitDeliveries, call, clerkPlanOf, createDeveloper, deliver, inboxCursor, payCheckout, type Delivery, type Developer, standInStripe } from "../harness";

const stripe = standInStripe();

const RACE_ATTEMPTS = 3;

type Moment = "before its batch" | "after it reads the plan to copy to Clerk";

/**
 * The D1 binding a delivery runs with, which runs `concurrent` (the other
 * delivery, start to finish) once, at `moment` of this delivery: just before
 * its batch, or just after its first read of the platform row once its batch
 * is written (the read whose plan it then copies to Clerk).
 */
function interleaved(db: D1Database, moment: Moment, concurrent: () => Promise<unknown>): { db: D1Database; ran: () => boolean } {
  let batched = false;
  let fired = false;
  const fire = async () => {
    if (fired) return;
    fired = true;
    await concurrent();
  };
  const readOfPlatform = (statement: D1PreparedStatement): D1PreparedStatement =>
    new Proxy(statement, {
      get(target, property) {
        if (property === "bind") return (...values: unknown[]) => readOfPlatform(target.bind(...values));
        if (property === "first") {
          return async (...args: [string?]) => {
            const row = await target.first(...(args as []));
            if (batched && moment === "after it reads the plan to copy to Clerk") await fire();
            return row;
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  const proxy = new Proxy(db, {
    get(target, property) {
      if (property === "batch") {
        return async (statements: D1PreparedStatement[]) => {
          if (moment === "before its batch") await fire();
          const results = await target.batch(statements);
          batched = true;
          return results;
        };
      }
      if (property === "prepare") {
        return (sql: string) => {
          const statement = target.prepare(sql);
          return /FROM platforms WHERE platform_id = \?1/.test(sql) ? readOfPlatform(statement) : statement;
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { db: proxy, ran: () => fired };
}

/** A developer whose first subscription was canceled (delivered) and who has just paid a second one (not yet delivered). */
async function resubscribed() {
  const developer = await createDeveloper();
  await call("GET", "/me", { token: developer.token });
  const first = await subscribe(developer);
  const cursor = await inboxCursor();
  await stripe.subscriptions.cancel(subscriptionOf(first));
  expect((await deliver(await delivered(developer, cursor, "customer.subscription.deleted"))).status).toBe(200);
  expect(await storedPlan(developer)).toEqual({ plan: "free", subscription: subscriptionOf(first) });
  const second = await subscribe(developer);
  return { developer, first, second };
}

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
  return env.DB.prepare("SELECT plan, stripe_subscription_id AS subscription FROM platforms WHERE developer_id = ?1").bind(developer.id).first<{ plan: string; subscription: string | null }>();
}

describe("platform webhook: the current-subscription guard is atomic with the write", () => {
  it("a late event of the old subscription, delivered together with the new subscription's checkout, never sets the developer back to free", async () => {
    for (let attempt = 0; attempt < RACE_ATTEMPTS; attempt++) {
      const { developer, first, second } = await resubscribed();
      const answers = await Promise.all([deliver(second), deliver(first)]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      expect(await storedPlan(developer), `attempt ${attempt}`).toEqual({ plan: "paid", subscription: subscriptionOf(second) });
      expect(await clerkPlanOf(developer.id), `attempt ${attempt}`).toBe("paid");
    }
  });

  it.each([
    ["the new subscription's delivery", "before its batch"],
    ["the new subscription's delivery", "after it reads the plan to copy to Clerk"],
    ["the old subscription's late event", "before its batch"],
    ["the old subscription's late event", "after it reads the plan to copy to Clerk"],
  ] as const)("Clerk ends on D1's state when the other delivery runs while %s is %s", async (whose, moment) => {
    const { developer, first, second } = await resubscribed();
    const [outer, inner] = whose === "the new subscription's delivery" ? [second, first] : [first, second];
    const binding = interleaved(env.DB, moment, () => deliver(inner));
    const answer = await deliver(outer, { envOverrides: { DB: binding.db } });
    expect(answer.status).toBe(200);
    expect(binding.ran()).toBe(true);
    expect((await deliver(inner)).body.duplicate).toBe(true);
    expect(await storedPlan(developer)).toEqual({ plan: "paid", subscription: subscriptionOf(second) });
    expect(await clerkPlanOf(developer.id)).toBe("paid");
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
    const write = async (subscription: string, plan: "free" | "paid") => (await updateDeveloperSubscriptionStatement(env.DB, platformId, state(subscription, plan), now).run()).meta.changes;
    const row = () => env.DB.prepare("SELECT plan, stripe_subscription_id AS subscription FROM platforms WHERE platform_id = ?1").bind(platformId).first();

    expect(await write("sub_old", "free")).toBe(1); // no current subscription yet
    expect(await write("sub_new", "paid")).toBe(1); // a paying subscription becomes the current one
    expect(await write("sub_old", "free")).toBe(0); // the old one's late "canceled" is refused
    expect(await row()).toEqual({ plan: "paid", subscription: "sub_new" });
    expect(await write("sub_new", "free")).toBe(1); // the current one ending does apply
    expect(await row()).toEqual({ plan: "free", subscription: "sub_new" });
  });
});
