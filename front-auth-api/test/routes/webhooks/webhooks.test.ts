/**
 * The platform webhook: signatures, exactly-once effects, out-of-order
 * delivery, failures that Stripe's retry repairs. Events are the Stripe
 * stand-in's real signed deliveries.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { inject } from "vitest";
import {
  advanceSubscription,
  awaitDeliveries,
  call,
  clerkPlanOf,
  createDeveloper,
  deliver,
  deliverAll,
  eventRows,
  expectError,
  inboxCursor,
  payCheckout,
  cancelSubscriptionNow,
  subscriptionIdFrom,
  type Delivery,
} from "../../harness";

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const signature = await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(message));
  return [...new Uint8Array(signature)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function signedHeader(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Promise<string> {
  return `t=${timestamp},v1=${await hmacHex(secret, `${timestamp}.${body}`)}`;
}

/** A developer who has paid; returns the deliveries of the payment (not yet handed to the worker). */
async function paidDeveloper() {
  const dev = await createDeveloper();
  await call("GET", "/me", { token: dev.token });
  const cursor = await inboxCursor();
  const checkout = await call("POST", "/checkout", { token: dev.token });
  await payCheckout(checkout.body.url);
  const deliveries = await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
  return { dev, deliveries: deliveries.filter((d) => d.body.includes(dev.id) || d.type === "invoice.paid" || d.type === "customer.created") };
}

function byType(deliveries: Delivery[], type: string): Delivery {
  const found = deliveries.find((delivery) => delivery.type === type);
  if (!found) throw new Error(`no ${type}`);
  return found;
}

async function platformState(developerId: string) {
  return env.DB.prepare("SELECT plan, subscription_status, cancel_at_period_end FROM platforms WHERE developer_id = ?1")
    .bind(developerId)
    .first<{ plan: string; subscription_status: string | null; cancel_at_period_end: number }>();
}

describe("POST /webhook/stripe", () => {
  it("applies a checkout.session.completed delivered 5 times (and 5 times at once) exactly once", async () => {
    const { dev, deliveries } = await paidDeveloper();
    const completed = byType(deliveries, "checkout.session.completed");
    const sequential = [];
    for (let i = 0; i < 5; i++) sequential.push(await deliver(completed));
    expect(sequential.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(sequential.map((r) => r.body.duplicate)).toEqual([false, true, true, true, true]);
    const concurrent = await Promise.all(Array.from({ length: 5 }, () => deliver(completed)));
    expect(concurrent.every((r) => r.status === 200 && r.body.duplicate)).toBe(true);
    expect(await eventRows(completed.eventId!)).toBe(1);
    expect(await platformState(dev.id)).toMatchObject({ plan: "paid", subscription_status: "active" });
    expect(await clerkPlanOf(dev.id)).toBe("paid");
  });

  it("ends in Stripe's state when a subscription's events arrive in reverse order", async () => {
    const { dev, deliveries } = await paidDeveloper();
    const portal = await call("POST", "/portal", { token: dev.token, envOverrides: {} });
    expect(portal.status).toBe(404); // no customer recorded yet: nothing delivered so far
    const subscriptionId = subscriptionIdFrom(deliveries);
    const cursor = await inboxCursor();
    await advanceSubscription(subscriptionId); // renews: updated + invoice.paid
    const renewal = await awaitDeliveries(cursor, ["customer.subscription.updated"]);
    const all = [...deliveries, ...renewal];
    await deliverAll([...all].reverse());
    expect(await platformState(dev.id)).toMatchObject({ plan: "paid", subscription_status: "active", cancel_at_period_end: 0 });
    expect(all.every((d) => d.eventId !== null)).toBe(true);
    for (const delivery of all) expect(await eventRows(delivery.eventId!)).toBe(1);
  });

  it("never moves a canceled developer back to paid when older events arrive last", async () => {
    const { dev, deliveries } = await paidDeveloper();
    await deliverAll(deliveries);
    const cursor = await inboxCursor();
    await cancelSubscriptionNow(subscriptionIdFrom(deliveries));
    const deleted = await awaitDeliveries(cursor, ["customer.subscription.deleted"]);
    // Deliver the deletion first, then replay the original payment events as stale retries.
    await deliverAll(deleted);
    expect(await platformState(dev.id)).toMatchObject({ plan: "free", subscription_status: "canceled" });
    const replayCursor = await inboxCursor();
    const completed = byType(deliveries, "checkout.session.completed");
    await fetch(`${inject("stripeApiBase")}/_emulator/events/${completed.eventId}/replay`, { method: "POST" });
    const replayed = await awaitDeliveries(replayCursor, ["checkout.session.completed"]);
    expect((await deliver(replayed[0]!)).body.duplicate).toBe(true);
    expect(await platformState(dev.id)).toMatchObject({ plan: "free" });
    expect(await clerkPlanOf(dev.id)).toBe("free");
  });

  it("answers 500 and stores nothing when Stripe fails, and the retry succeeds", async () => {
    const { dev, deliveries } = await paidDeveloper();
    const completed = byType(deliveries, "checkout.session.completed");
    const failed = await deliver(completed, { envOverrides: { STRIPE_API_BASE: "http://127.0.0.1:9" } });
    expect(failed.status).toBe(500);
    expect(await eventRows(completed.eventId!)).toBe(0);
    expect((await platformState(dev.id))?.plan).toBe("free");
    const retried = await deliver(completed);
    expect(retried.status).toBe(200);
    expect(retried.body.duplicate).toBe(false);
    expect((await platformState(dev.id))?.plan).toBe("paid");
  });

  it("records unknown event types and ignores them", async () => {
    const body = JSON.stringify({
      id: `evt_${crypto.randomUUID().replace(/-/g, "")}`,
      object: "event",
      type: "product.created",
      data: { object: { id: "prod_x", object: "product" } },
      created: 1,
      livemode: false,
      api_version: "2026-10-28.endive",
      pending_webhooks: 1,
      request: null,
    });
    const res = await call("POST", "/webhook/stripe", { rawBody: body, headers: { "Stripe-Signature": await signedHeader(body, inject("platformWebhookSecret")) } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ received: true, duplicate: false, outcome: "ignored" });
    expect(await eventRows(JSON.parse(body).id)).toBe(1);
  });
});

describe("webhook signatures", () => {
  async function sample(): Promise<Delivery> {
    const { deliveries } = await paidDeveloper();
    return byType(deliveries, "checkout.session.completed");
  }

  it.each([
    ["a body altered after signing", async (d: Delivery) => ({ body: d.body.replace('"checkout.session.completed"', '"checkout.session.expired"'), signature: d.signature! })],
    ["a missing signature", async (d: Delivery) => ({ body: d.body, signature: "" })],
    ["a signature with the wrong secret", async (d: Delivery) => ({ body: d.body, signature: await signedHeader(d.body, "whsec_wrong") })],
    ["a timestamp older than 5 minutes", async (d: Delivery) => ({ body: d.body, signature: await signedHeader(d.body, inject("platformWebhookSecret"), Math.floor(Date.now() / 1000) - 301) })],
    ["garbage", async () => ({ body: "not json", signature: "t=1,v1=00" })],
  ])("rejects %s with 400 and stores nothing", async (_label, tamper) => {
    const delivery = await sample();
    const { body, signature } = await tamper(delivery);
    const res = await call("POST", "/webhook/stripe", { rawBody: body, headers: signature ? { "Stripe-Signature": signature } : {} });
    expectError(res, 400, "invalid_signature");
    expect(await eventRows(delivery.eventId!)).toBe(0);
  });
});
