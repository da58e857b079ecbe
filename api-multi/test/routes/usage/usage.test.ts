import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { client, expectErrorShape, MID_MONTH, midMonthClock, seedPlatform, storedCount, tableCounts } from "../../harness";

/** Counting tests run at a fixed mid-month instant (harness MID_MONTH): no period boundary falls between their calls, whatever the date. */
const call = client(midMonthClock);

describe("POST /api/usage/track", () => {
  it("counts against the stored plan's limit and refuses the call that would pass it", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 3 }] });
    const results = [];
    for (let i = 0; i < 4; i++) {
      results.push(await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "alice" } }));
    }
    expect(results.slice(0, 3).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(results[2]!.body.usage).toMatchObject({ count: 3, limit: 3, remaining: 0, plan: "free" });
    expectErrorShape(results[3]!, 403, "usage_limit_exceeded");
    expect(results[3]!.body.usage).toMatchObject({ count: 3, limit: 3, remaining: 0 });
    expect(await storedCount(platform.platformId, "alice")).toBe(3);
  });

  it("returns the usage object with the calendar-month period", async () => {
    const platform = await seedPlatform();
    const at = new Date("2026-11-23T10:00:00Z");
    const res = await client(() => at)("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "u1", amount: 2 } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      usage: { count: 2, limit: 5, remaining: 3, credits: 0, plan: "free", periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" },
      mode: "preview",
    });
  });

  it("registers an unknown userId on the platform's lowest tier, in D1 only", async () => {
    const platform = await seedPlatform({
      tiers: [
        { name: "pro", price: 900, limit: 100 },
        { name: "starter", price: 0, limit: 10 },
      ],
    });
    const res = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "newcomer" } });
    expect(res.status).toBe(200);
    expect(res.body.usage).toMatchObject({ count: 1, limit: 10, plan: "starter" });
    const row = await env.DB.prepare("SELECT plan, clerk_user_id FROM end_users WHERE platform_id = ?1 AND user_id = ?2").bind(platform.platformId, "newcomer").first();
    expect(row).toEqual({ plan: "starter", clerk_user_id: null });
  });

  it("accepts the userId from the X-User-Id header", async () => {
    const platform = await seedPlatform();
    const res = await call("POST", "/api/usage/track", { key: platform.secretKey, headers: { "X-User-Id": "header-user" } });
    expect(res.status).toBe(200);
    expect(await storedCount(platform.platformId, "header-user")).toBe(1);
  });

  it("consumes nothing when an amount would pass the limit, even below it", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 5 }] });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "bob", amount: 4 } });
    const over = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "bob", amount: 2 } });
    expectErrorShape(over, 403, "usage_limit_exceeded");
    expect(await storedCount(platform.platformId, "bob")).toBe(4);
    const fits = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "bob", amount: 1 } });
    expect(fits.body.usage).toMatchObject({ count: 5, remaining: 0 });
  });

  it("treats a tier without a limit as unlimited", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "unlimited", limit: null }] });
    for (let i = 0; i < 3; i++) {
      await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "whale", amount: 1000 } });
    }
    const res = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "whale", amount: 1000 } });
    expect(res.status).toBe(200);
    expect(res.body.usage).toMatchObject({ count: 4000, limit: null, remaining: null, plan: "unlimited" });
  });

  it("enforces the stored plan and ignores X-User-Plan", async () => {
    const platform = await seedPlatform({
      tiers: [
        { name: "free", limit: 1 },
        { name: "pro", limit: 1000, price: 900 },
      ],
    });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "sneaky" } });
    const res = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "sneaky" }, headers: { "X-User-Plan": "pro" } });
    expectErrorShape(res, 403, "usage_limit_exceeded");
    expect(res.body.usage.plan).toBe("free");
  });

  it("refuses to register users on a platform without tiers", async () => {
    const platform = await seedPlatform({ tiers: [] });
    const res = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "lost" } });
    expectErrorShape(res, 409, "no_tiers_configured");
    expect((await tableCounts(platform.platformId)).end_users).toBe(0);
  });
});

describe("period rollover", () => {
  it("does not count last month's usage this month", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 3 }] });
    let now = new Date("2026-10-31T23:59:59Z");
    const at = client(() => now);
    for (let i = 0; i < 3; i++) await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "monthly" } });
    expectErrorShape(await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "monthly" } }), 403, "usage_limit_exceeded");

    now = new Date("2026-11-01T00:00:00Z");
    const before = await at("GET", "/api/usage", { key: platform.secretKey, headers: { "X-User-Id": "monthly" } });
    expect(before.body.usage).toMatchObject({ count: 0, remaining: 3, periodStart: "2026-11-01T00:00:00.000Z" });
    const first = await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "monthly" } });
    expect(first.status).toBe(200);
    expect(first.body.usage).toMatchObject({ count: 1, periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" });
    expect(await storedCount(platform.platformId, "monthly")).toBe(1);
  });

  it("never lets a late request from the old period reopen it", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 3 }] });
    let now = new Date("2026-11-01T00:00:01Z");
    const at = client(() => now);
    await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "skew" } });
    now = new Date("2026-10-31T23:59:59Z");
    const late = await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "skew" } });
    expect(late.body.usage).toMatchObject({ count: 2, periodStart: "2026-11-01T00:00:00.000Z" });
  });
});

describe("GET /api/usage", () => {
  it("reads usage without consuming", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "reader", amount: 2 } });
    for (let i = 0; i < 3; i++) {
      const res = await call("GET", "/api/usage", { key: platform.secretKey, headers: { "X-User-Id": "reader" } });
      expect(res.body.usage).toMatchObject({ count: 2, limit: 5, remaining: 3, plan: "free" });
    }
    expect(await storedCount(platform.platformId, "reader")).toBe(2);
  });

  it("is 404 for an unknown user and 400 without a user", async () => {
    const platform = await seedPlatform();
    expectErrorShape(await call("GET", "/api/usage", { key: platform.secretKey, headers: { "X-User-Id": "ghost" } }), 404, "customer_not_found");
    expectErrorShape(await call("GET", "/api/usage", { key: platform.secretKey }), 400, "invalid_request");
  });
});

describe("GET /api/tiers", () => {
  it("lists the platform's active tiers only", async () => {
    const platform = await seedPlatform({
      tiers: [
        { name: "free", limit: 5 },
        { name: "old", limit: 1 },
      ],
    });
    await env.DB.prepare("UPDATE tiers SET archived_at = ?2 WHERE platform_id = ?1 AND name = 'old'").bind(platform.platformId, MID_MONTH).run();
    const res = await call("GET", "/api/tiers", { key: platform.secretKey });
    expect(res.status).toBe(200);
    expect(res.body.tiers.map((t: { name: string }) => t.name)).toEqual(["free"]);
    expect(res.body.tiers[0]).toMatchObject({ name: "free", limit: 5, kind: "subscription", price: 0, currency: "usd" });
  });
});
