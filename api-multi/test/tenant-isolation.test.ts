/**
 * Two platforms; every api-multi route tried with platform A's key on
 * platform B's users: 404 (never 403, never B's data), and B unchanged.
 */
import { describe, expect, it } from "vitest";
import { call, expectErrorShape, seedPlatform, storedCount, tableCounts } from "./harness";

async function twoPlatforms() {
  const a = await seedPlatform({
    tiers: [
      { name: "free", limit: 5 },
      { name: "pro", limit: 50, price: 500 },
    ],
  });
  const b = await seedPlatform({
    tiers: [
      { name: "free", limit: 5 },
      { name: "pro", limit: 50, price: 500 },
      { name: "b-secret-tier", limit: 9, price: 1 },
    ],
  });
  await call("POST", "/api/customers", { key: b.secretKey, body: { userId: "b-user", email: `b.${crypto.randomUUID().slice(0, 8)}@example.com` } });
  await call("POST", "/api/usage/track", { key: b.secretKey, body: { userId: "b-user", amount: 3 } });
  return { a, b };
}

describe("tenant isolation", () => {
  it("GET /api/customers/:userId of another tenant's user is 404", async () => {
    const { a } = await twoPlatforms();
    expectErrorShape(await call("GET", "/api/customers/b-user", { key: a.secretKey }), 404, "customer_not_found");
  });

  it("PATCH /api/customers/:userId of another tenant's user is 404 and changes nothing", async () => {
    const { a, b } = await twoPlatforms();
    expectErrorShape(await call("PATCH", "/api/customers/b-user", { key: a.secretKey, body: { plan: "pro" } }), 404, "customer_not_found");
    expect((await call("GET", "/api/customers/b-user", { key: b.secretKey })).body.customer.plan).toBe("free");
  });

  it("GET /api/usage of another tenant's user is 404", async () => {
    const { a } = await twoPlatforms();
    expectErrorShape(await call("GET", "/api/usage", { key: a.secretKey, headers: { "X-User-Id": "b-user" } }), 404, "customer_not_found");
  });

  it("POST /api/usage/track with another tenant's userId counts only in the caller's own tenant", async () => {
    const { a, b } = await twoPlatforms();
    const res = await call("POST", "/api/usage/track", { key: a.secretKey, body: { userId: "b-user" } });
    expect(res.body.usage.count).toBe(1);
    expect(await storedCount(b.platformId, "b-user")).toBe(3);
    expect(await storedCount(a.platformId, "b-user")).toBe(1);
  });

  it("POST /api/customers with another tenant's userId creates the caller's own customer", async () => {
    const { a, b } = await twoPlatforms();
    const before = await tableCounts(b.platformId);
    const res = await call("POST", "/api/customers", { key: a.secretKey, body: { userId: "b-user", email: `a.${crypto.randomUUID().slice(0, 8)}@example.com` } });
    expect(res.status).toBe(201);
    expect(res.body.customer.usage.count).toBe(0);
    expect(await tableCounts(b.platformId)).toEqual(before);
  });

  it("lists, tiers and dashboard show only the caller's data", async () => {
    const { a, b } = await twoPlatforms();
    const list = await call("GET", "/api/customers", { key: a.secretKey });
    expect(list.body.data).toEqual([]);
    const tiers = await call("GET", "/api/tiers", { key: a.secretKey });
    expect(tiers.body.tiers.map((t: { name: string }) => t.name)).toEqual(["free", "pro"]);
    const dashboard = await call("GET", "/api/dashboard", { key: a.secretKey });
    const text = JSON.stringify(dashboard.body);
    expect(dashboard.body.platformId).toBe(a.platformId);
    for (const secret of [b.platformId, b.publishableKey, "b-user", "b-secret-tier"]) expect(text).not.toContain(secret);
  });
});
