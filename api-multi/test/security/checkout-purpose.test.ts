/**
 * End-users' checkouts and developers' $15 plan can both run on the
 * platform's own Stripe account (preview mode), and Stripe sends every event
 * of that account to api-multi's preview endpoint too. Only an end-user
 * checkout made by api-multi may touch end-users, and nothing in it may be
 * read as naming a developer.
 */
import { describe, expect, it } from "vitest";
import { awaitDeliveries, call, countRows, deliver, inboxCursor, payCheckout, seedPlatform, stripe } from "../harness";

const PRO = { name: "pro", limit: 1000, price: 1900 };

async function previewPlatformWithCustomer() {
  const platform = await seedPlatform({ mode: "test", plan: "free", tiers: [{ name: "free", limit: 5, price: 0 }, PRO] });
  expect((await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "u1" } })).status).toBe(200);
  return platform;
}

async function paidDeliveries(url: string, marker: string) {
  const cursor = await inboxCursor("preview");
  await payCheckout(url);
  return (await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"], "preview")).filter((d) => d.body.includes(marker));
}

describe("checkout purpose on the platform account", () => {
  it("an end-user preview checkout is marked end_user, names no developer (no client_reference_id) and moves the end-user's plan", async () => {
    const platform = await previewPlatformWithCustomer();
    const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "u1", tier: "pro" } });
    expect(checkout.status).toBe(201);
    const session = await stripe.checkout.sessions.retrieve(checkout.body.id);
    expect(session.client_reference_id).toBeNull();
    expect(session.metadata).toEqual({ dreamApiPurpose: "end_user", platformId: platform.platformId, mode: "test", userId: "u1", tier: "pro" });
    for (const delivery of await paidDeliveries(checkout.body.url, platform.platformId)) expect((await deliver(delivery)).status).toBe(200);
    expect((await call("GET", "/api/customers/u1", { key: platform.secretKey })).body.customer.plan).toBe("pro");
  });

  it("a developer-plan subscription on the platform account never touches an end-user, even one its metadata names", async () => {
    const platform = await previewPlatformWithCustomer();
    const metadata = { dreamApiPurpose: "developer_plan", developerId: "user_someone", platformId: platform.platformId, userId: "u1", tier: "pro" };
    const session = await stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price_data: { currency: "usd", unit_amount: 1900, recurring: { interval: "month" }, product_data: { name: "dream-api" } }, quantity: 1 }],
      metadata,
      subscription_data: { metadata },
      success_url: "http://127.0.0.1:5173/dashboard?checkout=success",
      cancel_url: "http://127.0.0.1:5173/dashboard?checkout=canceled",
    });
    const deliveries = await paidDeliveries(session.url!, platform.platformId);
    expect(deliveries.length).toBeGreaterThanOrEqual(2);
    for (const delivery of deliveries) {
      const answer = await deliver(delivery);
      expect(answer.status).toBe(200);
      expect(answer.body.outcome).toMatch(/^ignored/);
    }
    expect((await call("GET", "/api/customers/u1", { key: platform.secretKey })).body.customer.plan).toBe("free");
    expect(await countRows("subscriptions", "platform_id = ?1", platform.platformId)).toBe(0);
  });
});
