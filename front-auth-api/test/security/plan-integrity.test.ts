/**
 * A developer's plan moves only for a subscription to the platform price
 * that front-auth-api's own checkout made for that developer. End-users'
 * preview checkouts run on the same (platform) Stripe account, so their
 * events reach this endpoint too, and they may name anyone — the
 * developer's own Clerk id, or a victim's — as the end-user.
 */
import { env } from "cloudflare:test";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { awaitDeliveries, call, clerkPlanOf, createDeveloper, deliver, inboxCursor, payCheckout, type Delivery, type Developer, standInStripe } from "../harness";

const stripe = standInStripe();

async function signedUp(): Promise<Developer & { platformId: string }> {
  const developer = await createDeveloper();
  const me = await call("GET", "/me", { token: developer.token });
  return { ...developer, platformId: me.body.platformId };
}

/** Pays a subscription checkout on the platform account and hands every resulting delivery for `marker` to the worker. */
async function payAndDeliver(params: Stripe.Checkout.SessionCreateParams, marker: string): Promise<Delivery[]> {
  const cursor = await inboxCursor();
  const session = await stripe.checkout.sessions.create(params);
  await payCheckout(session.url!);
  const deliveries = (await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"])).filter((delivery) => delivery.body.includes(marker));
  expect(deliveries.map((delivery) => delivery.type)).toEqual(expect.arrayContaining(["checkout.session.completed", "customer.subscription.created"]));
  for (const delivery of deliveries) expect((await deliver(delivery)).status).toBe(200);
  return deliveries;
}

/** What api-multi's preview checkout asks Stripe for: a $1 tier as an inline monthly price. */
function previewCheckout(input: { platformId: string; userId: string; metadata?: Record<string, string>; clientReferenceId?: string }): Stripe.Checkout.SessionCreateParams {
  const metadata = input.metadata ?? { dreamApiPurpose: "end_user", platformId: input.platformId, userId: input.userId, tier: "cheap" };
  return {
    mode: "subscription",
    line_items: [{ price_data: { currency: "usd", unit_amount: 100, recurring: { interval: "month" }, product_data: { name: "Cheap" } }, quantity: 1 }],
    ...(input.clientReferenceId ? { client_reference_id: input.clientReferenceId } : {}),
    metadata,
    subscription_data: { metadata },
    success_url: "http://127.0.0.1:5173/p/x?checkout=success",
    cancel_url: "http://127.0.0.1:5173/p/x?checkout=canceled",
  };
}

async function billingRow(developerId: string) {
  return env.DB.prepare("SELECT plan, stripe_customer_id, stripe_subscription_id, subscription_status FROM platforms WHERE developer_id = ?1")
    .bind(developerId)
    .first<{ plan: string; stripe_customer_id: string | null; stripe_subscription_id: string | null; subscription_status: string | null }>();
}

async function expectStillFree(developer: Developer): Promise<void> {
  expect(await billingRow(developer.id)).toEqual({ plan: "free", stripe_customer_id: null, stripe_subscription_id: null, subscription_status: null });
  expect((await call("GET", "/me", { token: developer.token })).body.plan).toBe("free");
  expect(await clerkPlanOf(developer.id)).not.toBe("paid");
  const credentials = await call("POST", "/credentials", { token: developer.token, body: {} });
  expect(credentials.body.keys.map((key: { mode: string }) => key.mode)).toEqual(["test"]);
}

describe("the developer plan moves only for the developer's own platform subscription", () => {
  it("a free developer's preview checkout naming their own Clerk id (as userId and client_reference_id) does not make them paid", async () => {
    const developer = await signedUp();
    await payAndDeliver(previewCheckout({ platformId: developer.platformId, userId: developer.id, clientReferenceId: developer.id }), developer.id);
    await expectStillFree(developer);
  });

  it("nor does an unmarked checkout naming the developer (the shape preview checkouts had before they were marked)", async () => {
    const developer = await signedUp();
    const legacy = { platformId: developer.platformId, userId: developer.id, tier: "cheap", developerId: developer.id };
    await payAndDeliver(previewCheckout({ platformId: developer.platformId, userId: developer.id, metadata: legacy, clientReferenceId: developer.id }), developer.id);
    await expectStillFree(developer);
  });

  it("a subscription marked as this developer's plan but not on the platform price changes nothing", async () => {
    const developer = await signedUp();
    const forged = { dreamApiPurpose: "developer_plan", developerId: developer.id, platformId: developer.platformId };
    await payAndDeliver(previewCheckout({ platformId: developer.platformId, userId: developer.id, metadata: forged }), developer.id);
    await expectStillFree(developer);
  });

  it("a checkout naming a paying victim as the end-user leaves the victim's Stripe customer and subscription untouched", async () => {
    const victim = await signedUp();
    const cursor = await inboxCursor();
    const checkout = await call("POST", "/checkout", { token: victim.token });
    expect(checkout.status).toBe(201);
    await payCheckout(checkout.body.url);
    const paid = (await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"])).filter((d) => d.body.includes(victim.id));
    for (const delivery of paid) expect((await deliver(delivery)).status).toBe(200);
    const before = await billingRow(victim.id);
    expect(before).toMatchObject({ plan: "paid", subscription_status: "active" });

    const attacker = await signedUp();
    await payAndDeliver(previewCheckout({ platformId: attacker.platformId, userId: victim.id, clientReferenceId: victim.id }), victim.id);
    expect(await billingRow(victim.id)).toEqual(before);
    await expectStillFree(attacker);
  });

  it("the developer's own checkout marks the session and the subscription with the purpose, developer and platform", async () => {
    const developer = await signedUp();
    const checkout = await call("POST", "/checkout", { token: developer.token });
    await payCheckout(checkout.body.url);
    const session = await stripe.checkout.sessions.retrieve(checkout.body.id);
    const marks = { dreamApiPurpose: "developer_plan", developerId: developer.id, platformId: developer.platformId };
    expect(session.metadata).toEqual(marks);
    expect((await stripe.subscriptions.retrieve(session.subscription as string)).metadata).toEqual(marks);
  });
});
