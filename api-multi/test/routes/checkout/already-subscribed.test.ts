/**
 * One running subscription per end-user and platform: a second checkout
 * for any subscription tier is 409 `already_subscribed` with a billing-portal
 * URL (where plans change), so nobody ends up paying twice and MRR counts
 * each subscriber once.
 */
import { describe, expect, it } from "vitest";
import { awaitDeliveries, call, deliverAll, expectErrorShape, inboxCursor, mintToken, payCheckout, seedConnectedPlatform, tier } from "../../harness";
import { env } from "cloudflare:test";
import { insertTierStatement } from "@dream-api/shared/db";

async function subscribedCustomer() {
  const platform = await seedConnectedPlatform();
  await env.DB.batch([insertTierStatement(env.DB, platform, tier({ name: "team", limit: 5000, price: 4900, priceId: platform.proPriceId }, 9), new Date().toISOString())]);
  const email = `sub.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "sam", email } });
  expect(created.status).toBe(201);
  const cursor = await inboxCursor("connect");
  const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "sam", tier: "pro" } });
  expect(checkout.status).toBe(201);
  await payCheckout(checkout.body.url);
  await deliverAll(await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"], "connect"));
  expect((await call("GET", "/api/customers/sam", { key: platform.secretKey })).body.customer).toMatchObject({ plan: "pro", subscription: { status: "active" } });
  return { platform, clerkUserId: created.body.customer.clerkUserId as string };
}

describe("POST /api/checkout for an end-user who is already subscribed", () => {
  it("is 409 already_subscribed with a portal URL, for the same tier and for another subscription tier, with a secret key or the end-user's session", async () => {
    const { platform, clerkUserId } = await subscribedCustomer();
    const session = await mintToken(clerkUserId, { instance: "end-user-api", azp: "https://app.developer.example" });
    const attempts = [
      await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "sam", tier: "pro" } }),
      await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "sam", tier: "team" } }),
      await call("POST", "/api/checkout", { key: session, body: { tier: "pro" } }),
    ];
    for (const refused of attempts) {
      expectErrorShape(refused, 409, "already_subscribed");
      expect(refused.body.error.param).toBe("tier");
      expect(refused.body.portalUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/portal\//);
    }
    const portalPage = await fetch(attempts[0]!.body.portalUrl);
    expect(portalPage.status).toBe(200);
  });

  it("still sells one-off products to a subscriber", async () => {
    const { platform } = await subscribedCustomer();
    const purchase = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "sam", tier: "ebook" } });
    expect(purchase.status).toBe(201);
  });

  it("opens checkout again once the subscription has ended", async () => {
    const { platform } = await subscribedCustomer();
    await env.DB.prepare("UPDATE subscriptions SET status = 'canceled' WHERE platform_id = ?1").bind(platform.platformId).run();
    expect((await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "sam", tier: "pro" } })).status).toBe(201);
  });
});
