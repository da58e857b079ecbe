/** dashboard.get against the real api-multi. */
import { describe, expect, it } from "vitest";
import { client, stack, uniqueId } from "./support/stack.js";

describe("dashboard", () => {
  it("returns keys (prefixes only), tiers, customers, totals and 30 days of usage", async () => {
    const dream = client();
    const userId = uniqueId("dash");
    // api-multi runs on the system clock here: a UTC midnight may pass between these lines.
    const dayBefore = new Date().toISOString().slice(0, 10);
    await dream.usage.track({ userId, amount: 2 });

    const dashboard = await dream.dashboard.get();
    const dayAfter = new Date().toISOString().slice(0, 10);
    expect(dashboard.mode).toBe("test");
    expect(dashboard.platformId).toMatch(/^plt_/);
    expect(Date.parse(dashboard.period.end)).toBeGreaterThan(Date.parse(dashboard.period.start));
    expect(dashboard.keys).toHaveLength(1);
    expect(dashboard.keys[0]).toMatchObject({ mode: "test", publishableKey: stack.publishableKey, active: true, expiresAt: null });
    expect(dashboard.keys[0]?.secretPrefix).toBe(`${stack.secretKey.slice(0, 12)}…`);
    expect(JSON.stringify(dashboard)).not.toContain(stack.secretKey);
    expect(dashboard.tiers.map((tier) => tier.name)).toEqual(expect.arrayContaining(["free", "pro", "lifetime"]));
    expect(dashboard.customers.find((customer) => customer.userId === userId)?.usage.count).toBe(2);
    expect(dashboard.totals.customers).toBeGreaterThanOrEqual(2);
    expect(dashboard.totals.callsThisPeriod).toBeGreaterThanOrEqual(2);
    expect(dashboard.totals).toMatchObject({ activeSubscriptions: 0, mrr: [], activeByTier: [], oneOffRevenue: [] });
    expect(dashboard.subscriptions).toEqual([]);
    expect(dashboard.recentEvents).toEqual([]);
    expect(dashboard.dailyUsage).toHaveLength(30);
    expect([dayBefore, dayAfter]).toContain(dashboard.dailyUsage.at(-1)?.day);
    const callsSinceDayBefore = dashboard.dailyUsage.filter((entry) => entry.day >= dayBefore).reduce((sum, entry) => sum + entry.calls, 0);
    expect(callsSinceDayBefore).toBeGreaterThanOrEqual(2);
  });
});
