/**
 * The end-user journey on the real stand-ins: register → free limit reached
 * → Checkout on the hosted page with 4242… → webhook → paid limit → portal
 * cancel at period end → still paid → advance to period end → free.
 */
import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import {
  advanceSubscription,
  awaitDeliveries,
  call,
  countRows,
  deliverAll,
  expectErrorShape,
  inboxCursor,
  payCheckout,
  portalAction,
  saveSettings,
  seedConnectedPlatform,
  stripe,
  subscriptionIdFrom,
  membershipPlanOf,
  tenantOrganizationOf,
} from "./harness";

describe("end-user billing journey", () => {
  it("free → paid → cancels at period end → free, with limits, periods and Clerk following", async () => {
    const platform = await seedConnectedPlatform();
    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"] });
    const key = platform.secretKey;
    const created = await call("POST", "/api/customers", { key, body: { userId: "alice", email: `alice.${crypto.randomUUID().slice(0, 8)}@example.com` } });
    const clerkUserId = created.body.customer.clerkUserId;
    const organizationId = (await tenantOrganizationOf(platform)) ?? "";
    /** The plan on the person's membership of this platform: Clerk follows D1. */
    const clerkPlan = (id: string) => membershipPlanOf(id, organizationId);
    for (let i = 0; i < 5; i++) expect((await call("POST", "/api/usage/track", { key, body: { userId: "alice" } })).status).toBe(200);
    expectErrorShape(await call("POST", "/api/usage/track", { key, body: { userId: "alice" } }), 403, "usage_limit_exceeded");

    const cursor = await inboxCursor("connect");
    const checkout = await call("POST", "/api/checkout", { key, body: { userId: "alice", tier: "pro", successUrl: "https://app.example/thanks" } });
    expect(checkout.status).toBe(201);
    expect(checkout.body).toMatchObject({ id: expect.stringMatching(/^cs_/), url: expect.stringContaining("/checkout/cs_"), mode: "test" });
    const session = await stripe.checkout.sessions.retrieve(checkout.body.id, {}, { stripeAccount: platform.account });
    expect(session).toMatchObject({ mode: "subscription", client_reference_id: null, metadata: { dreamApiPurpose: "end_user", platformId: platform.platformId, userId: "alice", tier: "pro" } });

    const paid = await payCheckout(checkout.body.url);
    expect(paid.status).toBe(303);
    expect(paid.headers.get("Location")).toBe("https://app.example/thanks");
    const deliveries = await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created", "invoice.paid"], "connect");
    expect(deliveries.every((delivery) => delivery.body.includes(platform.account))).toBe(true);
    await deliverAll(deliveries);

    const upgraded = await call("GET", "/api/customers/alice", { key });
    expect(upgraded.body.customer).toMatchObject({ plan: "pro", usage: { count: 5, limit: 1000 }, subscription: { status: "active", cancelAtPeriodEnd: false } });
    expect(await clerkPlan(clerkUserId)).toBe("pro");
    const sixth = await call("POST", "/api/usage/track", { key, body: { userId: "alice" } });
    expect(sixth.body.usage).toMatchObject({ count: 6, limit: 1000, plan: "pro" });
    const subscriptionId = subscriptionIdFrom(deliveries);
    const stored = await env.DB.prepare("SELECT current_period_start, current_period_end FROM subscriptions WHERE subscription_id = ?1")
      .bind(subscriptionId)
      .first<{ current_period_start: string; current_period_end: string }>();
    expect(sixth.body.usage.periodStart).toBe(stored?.current_period_start);
    expect(sixth.body.usage.periodEnd).toBe(stored?.current_period_end);

    const portal = await call("POST", "/api/portal", { key, body: { userId: "alice" } });
    expect(portal.status).toBe(201);
    const cancelCursor = await inboxCursor("connect");
    await portalAction(portal.body.url, "cancel_at_period_end");
    await deliverAll(await awaitDeliveries(cancelCursor, ["customer.subscription.updated"], "connect"));
    const canceling = await call("GET", "/api/customers/alice", { key });
    expect(canceling.body.customer).toMatchObject({ plan: "pro", subscription: { status: "active", cancelAtPeriodEnd: true } });
    expect(await clerkPlan(clerkUserId)).toBe("pro");

    const endCursor = await inboxCursor("connect");
    await advanceSubscription(subscriptionId);
    await deliverAll(await awaitDeliveries(endCursor, ["customer.subscription.deleted"], "connect"));
    const ended = await call("GET", "/api/customers/alice", { key });
    expect(ended.body.customer).toMatchObject({ plan: "free", usage: { limit: 5 }, subscription: { status: "canceled" } });
    expect(await clerkPlan(clerkUserId)).toBe("free");

    const dashboard = await call("GET", "/api/dashboard", { key });
    expect(dashboard.body.totals).toMatchObject({ activeSubscriptions: 0, mrr: [] });
    expect(dashboard.body.subscriptions[0]).toMatchObject({ userId: "alice", status: "canceled", cancelAtPeriodEnd: true });
    expect(dashboard.body.recentEvents.length).toBeGreaterThanOrEqual(5);
    expect(dashboard.body.recentEvents[0].outcome).toMatch(/canceled/);
    expect(await countRows("events", "platform_id = ?1", platform.platformId)).toBe(dashboard.body.recentEvents.length);
  });

  it("changes nothing on a declined card", async () => {
    const platform = await seedConnectedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "bob" } });
    const cursor = await inboxCursor("connect");
    const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "bob", tier: "pro" } });
    const declined = await payCheckout(checkout.body.url, "4000 0000 0000 0002");
    expect(declined.status).toBeGreaterThanOrEqual(400);
    expect(await declined.text()).toMatch(/declined/i);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const delivered = (await (await fetch(`${inject("inboxUrl")}/connect?after=${cursor}`)).json()) as { body: string; type: string }[];
    expect(delivered.filter((d) => d.body.includes(platform.account) && d.type === "checkout.session.completed")).toEqual([]);
    expect((await call("GET", "/api/customers/bob", { key: platform.secretKey })).body.customer).toMatchObject({ plan: "free", subscription: null });
  });

  it("records a one-off purchase, decrements inventory, and refuses when sold out", async () => {
    const platform = await seedConnectedPlatform();
    const key = platform.secretKey;
    await call("POST", "/api/usage/track", { key, body: { userId: "reader" } });
    for (let i = 0; i < 2; i++) {
      const cursor = await inboxCursor("connect");
      const checkout = await call("POST", "/api/checkout", { key, body: { userId: "reader", tier: "ebook" } });
      expect(checkout.status).toBe(201);
      await payCheckout(checkout.body.url);
      await deliverAll(await awaitDeliveries(cursor, ["checkout.session.completed"], "connect"));
    }
    const tier = await env.DB.prepare("SELECT inventory FROM tiers WHERE platform_id = ?1 AND name = 'ebook'").bind(platform.platformId).first<{ inventory: number }>();
    expect(tier?.inventory).toBe(0);
    expect(await countRows("purchases", "platform_id = ?1 AND user_id = 'reader'", platform.platformId)).toBe(2);
    expectErrorShape(await call("POST", "/api/checkout", { key, body: { userId: "reader", tier: "ebook" } }), 409, "sold_out");
    const dashboard = await call("GET", "/api/dashboard", { key });
    expect(dashboard.body.totals.oneOffRevenue).toEqual([{ currency: "usd", amount: 1000, purchases: 2 }]);
    expect((await call("GET", "/api/customers/reader", { key })).body.customer.plan).toBe("free");
  });
});
