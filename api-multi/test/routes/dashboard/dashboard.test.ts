import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { client, MID_MONTH, midMonthClock, seedPlatform } from "../../harness";

/** The totals test runs at a fixed mid-month instant (harness MID_MONTH): no period boundary falls between its calls and the day is known, whatever the date. */
const call = client(midMonthClock);

describe("GET /api/dashboard", () => {
  it("aggregates customers with usage, tiers, key prefixes and totals", async () => {
    const platform = await seedPlatform({
      tiers: [
        { name: "free", limit: 5 },
        { name: "pro", limit: 100, price: 1900 },
      ],
    });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "one", amount: 2 } });
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "two", amount: 3 } });
    const now = MID_MONTH;
    await env.DB.prepare(
      `INSERT INTO subscriptions (subscription_id, platform_id, user_id, plan, status, created_at, updated_at)
       VALUES (?1, ?2, 'one', 'pro', 'active', ?3, ?3)`,
    )
      .bind(`sub_${crypto.randomUUID()}`, platform.platformId, now)
      .run();

    const res = await call("GET", "/api/dashboard", { key: platform.secretKey });
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({
      customers: 2,
      callsThisPeriod: 5,
      activeSubscriptions: 1,
      mrr: [{ currency: "usd", amount: 1900 }],
      activeByTier: [{ tier: "pro", subscribers: 1 }],
      oneOffRevenue: [],
    });
    expect(res.body.subscriptions).toHaveLength(1);
    expect(res.body.subscriptions[0]).toMatchObject({ userId: "one", plan: "pro", status: "active", lastPaymentError: null });
    expect(res.body.recentEvents).toEqual([]);
    expect(res.body.dailyUsage).toHaveLength(30);
    expect(res.body.dailyUsage.at(-1)).toEqual({ day: MID_MONTH.slice(0, 10), calls: 5 });
    expect(res.body.dailyUsage.slice(0, -1).every((d: { calls: number }) => d.calls === 0)).toBe(true);
    expect(res.body.tiers.map((t: { name: string }) => t.name)).toEqual(["free", "pro"]);
    expect(res.body.customers.map((c: { userId: string; usage: { count: number } }) => [c.userId, c.usage.count]).sort()).toEqual([
      ["one", 2],
      ["two", 3],
    ]);
    expect(res.body.keys).toHaveLength(1);
    expect(res.body.keys[0]).toMatchObject({ publishableKey: platform.publishableKey, active: true });
    expect(res.body.keys[0].secretPrefix).toMatch(/^sk_test_.{4}…$/);
    expect(JSON.stringify(res.body)).not.toContain(platform.secretKey);
  });
});

describe("daily usage series", () => {
  it("counts every admitted call on its UTC day, across period resets, and nothing refused", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 3 }] });
    let now = new Date("2026-10-31T12:00:00Z");
    const at = client(() => now);
    await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "d", amount: 2 } });
    await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "d", amount: 2 } }); // refused: 4 > 3
    now = new Date("2026-11-01T00:00:01Z");
    await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "d", amount: 3 } });
    await at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "e", amount: 1 } });
    const res = await at("GET", "/api/dashboard", { key: platform.secretKey });
    const byDay = Object.fromEntries(res.body.dailyUsage.map((d: { day: string; calls: number }) => [d.day, d.calls]));
    expect(byDay["2026-10-31"]).toBe(2);
    expect(byDay["2026-11-01"]).toBe(4);
    expect(res.body.dailyUsage.at(-1).day).toBe("2026-11-01");
  });

  it("keeps every day exact whether or not an end-user counts again later, and never moves a count to an earlier day", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 1000 }] });
    let now = new Date("2026-11-10T08:00:00Z");
    const at = client(() => now);
    const track = (userId: string, amount: number) => at("POST", "/api/usage/track", { key: platform.secretKey, body: { userId, amount } });
    await track("once", 7); // never counts again: its day stays on its usage_counts row
    await track("daily", 1);
    now = new Date("2026-11-11T08:00:00Z");
    await track("daily", 2); // moves 11-10 into usage_daily
    await track("daily", 2);
    now = new Date("2026-11-12T23:59:59Z");
    await track("daily", 4);
    now = new Date("2026-11-13T00:00:00.500Z");
    await track("daily", 8);
    now = new Date("2026-11-12T23:59:59.900Z"); // an isolate whose clock is a moment behind: counted on the stored day
    await track("daily", 16);
    now = new Date("2026-11-13T00:00:01Z");
    const byDay = Object.fromEntries((await at("GET", "/api/dashboard", { key: platform.secretKey })).body.dailyUsage.map((d: { day: string; calls: number }) => [d.day, d.calls]));
    expect([byDay["2026-11-10"], byDay["2026-11-11"], byDay["2026-11-12"], byDay["2026-11-13"]]).toEqual([8, 4, 4, 24]);
    const rolledUp = await env.DB.prepare("SELECT day, calls FROM usage_daily WHERE platform_id = ?1 ORDER BY day").bind(platform.platformId).all();
    expect(rolledUp.results).toEqual([
      { day: "2026-11-10", calls: 1 },
      { day: "2026-11-11", calls: 4 },
      { day: "2026-11-12", calls: 4 },
    ]);
  });
});
