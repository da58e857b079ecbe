/**
 * Faults around billing: forged webhooks, duplicates, reordering, Stripe and
 * D1 failures — each ends in exactly one effect or none.
 */
import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import {
  advanceSubscription,
  awaitDeliveries,
  call,
  countRows,
  deliver,
  deliverAll,
  expectErrorShape,
  failingBatches,
  inboxCursor,
  payCheckout,
  cancelSubscriptionNow,
  seedConnectedPlatform,
  stripeFault,
  subscriptionIdFrom,
  type ConnectedPlatform,
  type Delivery,
  failPayment,
  stripeSignatureHeader,
} from "./harness";

async function buy(platform: ConnectedPlatform, userId: string, tier: string, types: string[]): Promise<Delivery[]> {
  await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId } });
  const cursor = await inboxCursor("connect");
  const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId, tier } });
  await payCheckout(checkout.body.url);
  return (await awaitDeliveries(cursor, types, "connect")).filter((delivery) => delivery.body.includes(platform.account));
}

const byType = (deliveries: Delivery[], type: string) => {
  const found = deliveries.find((delivery) => delivery.type === type);
  if (!found) throw new Error(`no ${type} in ${deliveries.map((d) => d.type).join(", ")}`);
  return found;
};

describe("Connect webhook faults", () => {
  it("rejects forged, stale and altered deliveries with 400 and stores nothing", async () => {
    const platform = await seedConnectedPlatform();
    const completed = byType(await buy(platform, "u1", "pro", ["checkout.session.completed"]), "checkout.session.completed");
    const now = Math.floor(Date.now() / 1000);
    const attempts = [
      { body: completed.body.replace('"checkout.session.completed"', '"checkout.session.expired"'), signature: completed.signature! },
      { body: completed.body, signature: await stripeSignatureHeader(completed.body, "whsec_forged", now) },
      { body: completed.body, signature: await stripeSignatureHeader(completed.body, inject("connectWebhookSecret"), now - 400) },
      { body: completed.body, signature: "" },
    ];
    for (const attempt of attempts) {
      const res = await call("POST", "/webhook/stripe", { rawBody: attempt.body, headers: attempt.signature ? { "Stripe-Signature": attempt.signature } : {} });
      expectErrorShape(res, 400, "invalid_signature");
    }
    expect(await countRows("events", "event_id = ?1", completed.eventId)).toBe(0);
    expect((await call("GET", "/api/customers/u1", { key: platform.secretKey })).body.customer.plan).toBe("free");
  });

  it("applies the same event ×10 once (one purchase, inventory decremented once)", async () => {
    const platform = await seedConnectedPlatform();
    const completed = byType(await buy(platform, "buyer", "ebook", ["checkout.session.completed"]), "checkout.session.completed");
    const results = await Promise.all(Array.from({ length: 10 }, () => deliver(completed)));
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(results.filter((result) => !result.body.duplicate)).toHaveLength(1);
    expect(await countRows("events", "event_id = ?1", completed.eventId)).toBe(1);
    expect(await countRows("purchases", "platform_id = ?1", platform.platformId)).toBe(1);
    const tier = await env.DB.prepare("SELECT inventory FROM tiers WHERE platform_id = ?1 AND name = 'ebook'").bind(platform.platformId).first<{ inventory: number }>();
    expect(tier?.inventory).toBe(1);
  });

  it("ends right when updated arrives before created, and deleted before updated", async () => {
    const platform = await seedConnectedPlatform();
    const purchase = await buy(platform, "carol", "pro", ["checkout.session.completed", "customer.subscription.created"]);
    const subscriptionId = subscriptionIdFrom(purchase);
    const portal = await call("POST", "/api/portal", { key: platform.secretKey, body: { userId: "carol" } });
    expectErrorShape(portal, 404, "no_billing_account"); // nothing delivered yet
    // Learn the customer through the updated event only, delivered first.
    const cursor = await inboxCursor("connect");
    await failPayment(subscriptionId);
    const failed = await awaitDeliveries(cursor, ["invoice.payment_failed", "customer.subscription.updated"], "connect");
    await deliverAll(failed.filter((d) => d.type === "customer.subscription.updated"));
    await deliverAll(purchase.filter((d) => d.type === "customer.subscription.created"));
    let row = await env.DB.prepare("SELECT status FROM subscriptions WHERE subscription_id = ?1").bind(subscriptionId).first<{ status: string }>();
    expect(row?.status).toBe("past_due");
    expect((await call("GET", "/api/customers/carol", { key: platform.secretKey })).body.customer.plan).toBe("free");
    // Renewal brings it back to active; then deletion, delivered before the renewal's update.
    const renewCursor = await inboxCursor("connect");
    await advanceSubscription(subscriptionId);
    const renewal = await awaitDeliveries(renewCursor, ["customer.subscription.updated", "invoice.paid"], "connect");
    const endCursor = await inboxCursor("connect");
    await fetch(`${inject("stripeApiBase")}/_emulator/subscriptions/${subscriptionId}/advance`, { method: "POST" }); // renews again
    await cancelSubscriptionNow(subscriptionId, { account: platform.account });
    const deleted = await awaitDeliveries(endCursor, ["customer.subscription.deleted"], "connect");
    await deliverAll(deleted.filter((d) => d.type === "customer.subscription.deleted"));
    await deliverAll(renewal);
    await deliverAll(purchase);
    row = await env.DB.prepare("SELECT status FROM subscriptions WHERE subscription_id = ?1").bind(subscriptionId).first<{ status: string }>();
    expect(row?.status).toBe("canceled");
    expect((await call("GET", "/api/customers/carol", { key: platform.secretKey })).body.customer.plan).toBe("free");
  });

  it("records a failed payment and shows it in the dashboard", async () => {
    const platform = await seedConnectedPlatform();
    const purchase = await buy(platform, "dave", "pro", ["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    await deliverAll(purchase);
    const cursor = await inboxCursor("connect");
    await failPayment(subscriptionIdFrom(purchase));
    await deliverAll((await awaitDeliveries(cursor, ["invoice.payment_failed"], "connect")).filter((d) => d.type === "invoice.payment_failed"));
    const dashboard = await call("GET", "/api/dashboard", { key: platform.secretKey });
    expect(dashboard.body.subscriptions[0]).toMatchObject({ userId: "dave", status: "past_due", lastPaymentError: expect.stringMatching(/Payment failed/) });
    expect(dashboard.body.recentEvents[0]).toMatchObject({ type: "invoice.payment_failed", outcome: expect.stringMatching(/payment failed/) });
  });

  it("derives the payment error from Stripe's latest invoice: a failure delivered after the renewal that settled it leaves no error", async () => {
    const platform = await seedConnectedPlatform();
    const purchase = await buy(platform, "fay", "pro", ["checkout.session.completed", "customer.subscription.created", "invoice.paid"]);
    await deliverAll(purchase);
    const subscriptionId = subscriptionIdFrom(purchase);
    let cursor = await inboxCursor("connect");
    await failPayment(subscriptionId);
    const failure = await awaitDeliveries(cursor, ["invoice.payment_failed", "customer.subscription.updated"], "connect");
    // The subscription's own update (past_due) shows the failure, whichever event brings it.
    await deliverAll(failure.filter((d) => d.type === "customer.subscription.updated" && d.body.includes(platform.account)));
    const subscription = async () => (await call("GET", "/api/dashboard", { key: platform.secretKey })).body.subscriptions[0];
    expect(await subscription()).toMatchObject({ status: "past_due", lastPaymentError: expect.stringMatching(/Payment failed for invoice in_/) });

    cursor = await inboxCursor("connect");
    await advanceSubscription(subscriptionId); // the next charge succeeds: active again
    await deliverAll((await awaitDeliveries(cursor, ["invoice.payment_succeeded"], "connect")).filter((d) => d.body.includes(platform.account)));
    expect(await subscription()).toMatchObject({ status: "active", lastPaymentError: null });
    // Stripe's retry of the failure's delivery, arriving last, must not bring the settled error back.
    const late = byType(
      failure.filter((d) => d.body.includes(platform.account)),
      "invoice.payment_failed",
    );
    expect((await deliver(late)).status).toBe(200);
    expect(await subscription()).toMatchObject({ status: "active", lastPaymentError: null });
  });

  it("answers 500 when D1 fails mid-webhook; Stripe's retry applies the event once", async () => {
    const platform = await seedConnectedPlatform();
    const completed = byType(await buy(platform, "erin", "ebook", ["checkout.session.completed"]), "checkout.session.completed");
    const failed = await deliver(completed, { envOverrides: { DB: failingBatches(env.DB) } });
    expect(failed.status).toBe(500);
    expect(await countRows("events", "event_id = ?1", completed.eventId)).toBe(0);
    expect(await countRows("purchases", "platform_id = ?1", platform.platformId)).toBe(0);
    const retried = await deliver(completed);
    expect(retried.body).toMatchObject({ duplicate: false });
    expect((await deliver(completed)).body.duplicate).toBe(true);
    expect(await countRows("purchases", "platform_id = ?1", platform.platformId)).toBe(1);
  });

  it("records unknown event types and ignores them", async () => {
    const platform = await seedConnectedPlatform();
    const body = JSON.stringify({
      id: `evt_${crypto.randomUUID().replace(/-/g, "")}`,
      object: "event",
      type: "charge.refunded",
      account: platform.account,
      livemode: false,
      created: 1,
      data: { object: { id: "ch_1", object: "charge" } },
      api_version: "2026-10-28.endive",
      pending_webhooks: 1,
      request: null,
    });
    const res = await call("POST", "/webhook/stripe", {
      rawBody: body,
      headers: { "Stripe-Signature": await stripeSignatureHeader(body, inject("connectWebhookSecret"), Math.floor(Date.now() / 1000)) },
    });
    expect(res.status).toBe(200);
    expect(res.body.outcome).toMatch(/^ignored/);
    expect(await countRows("events", "event_id = ?1", JSON.parse(body).id)).toBe(1);
  });
});

describe("checkout faults", () => {
  it("answers 502 stripe_error when the Stripe stand-in is down or failing, writing nothing", async () => {
    const platform = await seedConnectedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "u" } });
    const down = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "u", tier: "pro" }, envOverrides: { STRIPE_API_BASE: "http://127.0.0.1:9" } });
    expectErrorShape(down, 502, "stripe_error");
    await stripeFault({ method: "POST", pathPrefix: "/v1/checkout/sessions" });
    try {
      const failing = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "u", tier: "pro" }, envOverrides: { STRIPE_API_BASE: inject("stripeFaultyApiBase") } });
      expectErrorShape(failing, 502, "stripe_error");
    } finally {
      await stripeFault(null);
    }
    expect(await countRows("subscriptions", "platform_id = ?1", platform.platformId)).toBe(0);
  });

  it("validates the checkout request", async () => {
    const platform = await seedConnectedPlatform({ mode: "live" });
    const key = platform.secretKey;
    await call("POST", "/api/usage/track", { key, body: { userId: "v" } });
    expectErrorShape(await call("POST", "/api/checkout", { key, body: { userId: "v", tier: "gold" } }), 400, "unknown_tier");
    expectErrorShape(await call("POST", "/api/checkout", { key, body: { userId: "v", tier: "free" } }), 400, "invalid_request");
    expectErrorShape(await call("POST", "/api/checkout", { key, body: { userId: "v", tier: "pro", successUrl: "javascript:alert(1)" } }), 400, "invalid_request");
    expectErrorShape(await call("POST", "/api/checkout", { key, body: { userId: "v", tier: "pro", successUrl: "https://not-allowed.example/ok" } }), 400, "invalid_request");
    expectErrorShape(await call("POST", "/api/checkout", { key, body: { userId: "ghost", tier: "pro" } }), 404, "customer_not_found");
    expectErrorShape(await call("POST", "/api/checkout", { key, body: { tier: "pro" } }), 400, "invalid_request");
    expectErrorShape(await call("POST", "/api/portal", { key, body: { userId: "v" } }), 404, "no_billing_account");
  });
});

describe("account.application.deauthorized", () => {
  it("disconnects the account and checkout then answers 409 stripe_not_connected", async () => {
    const platform = await seedConnectedPlatform({ mode: "test", plan: "paid" });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "w" } });
    expect((await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "w", tier: "pro" } })).status).toBe(201);
    const cursor = await inboxCursor("connect");
    const deauthorized = await fetch(`${inject("stripeApiBase")}/oauth/deauthorize`, {
      method: "POST",
      headers: { Authorization: `Bearer ${inject("stripeSecretKey")}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: "ca_local_dreamapi", stripe_user_id: platform.account }),
    });
    expect(deauthorized.status).toBe(200);
    const deliveries = (await awaitDeliveries(cursor, ["account.application.deauthorized"], "connect")).filter((d) => d.body.includes(platform.account));
    await deliverAll(deliveries);
    const row = await env.DB.prepare("SELECT disconnected_at FROM stripe_accounts WHERE platform_id = ?1").bind(platform.platformId).first<{ disconnected_at: string | null }>();
    expect(row?.disconnected_at).not.toBeNull();
    expectErrorShape(await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "w", tier: "pro" } }), 409, "stripe_not_connected");
  });
});
