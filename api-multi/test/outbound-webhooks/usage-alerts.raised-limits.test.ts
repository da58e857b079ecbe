/**
 * Usage alerts are decided from the atomic count (rate limits raised for
 * this project): when 300 concurrent tracks cross a threshold together,
 * exactly one usage.threshold_reached per threshold (and one
 * usage.limit_reached) is stored and delivered; a new period fires again;
 * an unlimited tier never fires; the platform's own thresholds apply.
 */
import { describe, expect, it } from "vitest";
import { crossedThresholds, thresholdLevel } from "../../src/services/outbound-webhooks/usage-alerts";
import { call as harnessCall, client, midMonthClock, saveSettings, seedPlatform } from "../harness";
import { eventually, inboxBox, receivedAtLeast, storedEvents } from "./helpers";

const midMonth = client(midMonthClock);
const nextMonth = client(() => new Date("2026-12-16T12:00:00.000Z"));

async function subscribeToUsage(key: string) {
  const box = inboxBox();
  const created = await harnessCall("POST", "/api/webhook-endpoints", { key, body: { url: box.url, events: ["usage.threshold_reached", "usage.limit_reached"] } });
  expect(created.status).toBe(201);
  return box;
}

async function burst(call: typeof midMonth, key: string, userId: string, calls: number) {
  const results = await Promise.all(Array.from({ length: calls }, () => call("POST", "/api/usage/track", { key, body: { userId } })));
  expect(results.filter((result) => result.status !== 200 && result.status !== 403)).toEqual([]);
  return results.filter((result) => result.status === 200).length;
}

/** The usage alerts stored for one end-user, as [type, threshold, periodStart]. */
async function alertsOf(platformId: string, userId: string) {
  return (await storedEvents(platformId))
    .filter((event) => event.user_id === userId && event.type.startsWith("usage."))
    .map((event) => {
      const { type, data } = JSON.parse(event.payload) as { type: string; data: { threshold?: number; usage: { periodStart: string; count: number } } };
      return [type, data.threshold ?? null, data.usage.periodStart] as const;
    })
    .sort((a, b) => `${a}`.localeCompare(`${b}`));
}

describe("usage alerts", () => {
  it("fires each threshold exactly once when 300 concurrent tracks cross it, and again in the next period", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 100 }] });
    const box = await subscribeToUsage(platform.secretKey);
    expect(await burst(midMonth, platform.secretKey, "hot", 300)).toBe(100);
    const november = "2026-11-01T00:00:00.000Z";
    const expected = [
      ["usage.limit_reached", null, november],
      ["usage.threshold_reached", 0.8, november],
      ["usage.threshold_reached", 1, november],
    ];
    await eventually(
      () => alertsOf(platform.platformId, "hot"),
      (alerts) => alerts.length >= 3,
      "three alerts",
    );
    const delivered = await receivedAtLeast(box, 3);
    // Let any straggler (a refused track's limit_reached, a duplicate) land before counting.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await alertsOf(platform.platformId, "hot")).toEqual(expected);
    expect((await box.received()).length).toBe(3);
    const at80 = delivered.map((delivery) => JSON.parse(delivery.body)).find((event) => event.data.threshold === 0.8);
    expect(at80.data).toMatchObject({ userId: "hot", usage: { count: 80, limit: 100, remaining: 20, plan: "free" } });

    expect(await burst(nextMonth, platform.secretKey, "hot", 120)).toBe(100);
    await eventually(
      () => alertsOf(platform.platformId, "hot"),
      (alerts) => alerts.length >= 6,
      "the next period's alerts",
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const december = "2026-12-01T00:00:00.000Z";
    expect(await alertsOf(platform.platformId, "hot")).toEqual([...expected, ...expected.map(([type, threshold]) => [type, threshold, december])].sort((a, b) => `${a}`.localeCompare(`${b}`)));
  });

  it("never fires for an unlimited tier", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: null }] });
    await subscribeToUsage(platform.secretKey);
    expect(await burst(midMonth, platform.secretKey, "unlimited", 50)).toBe(50);
    await eventually(
      () => storedEvents(platform.platformId),
      (events) => events.some((event) => event.type === "customer.created"),
      "customer.created",
    );
    expect(await alertsOf(platform.platformId, "unlimited")).toEqual([]);
  });

  it("uses the platform's own thresholds, and none when they are turned off", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 10 }] });
    await saveSettings(platform.platformId, { mode: "test", usageAlertThresholds: [0.5] });
    expect(await burst(midMonth, platform.secretKey, "half", 6)).toBe(6);
    await eventually(
      () => alertsOf(platform.platformId, "half"),
      (alerts) => alerts.length >= 1,
      "the 50 % alert",
    );
    expect(await alertsOf(platform.platformId, "half")).toEqual([["usage.threshold_reached", 0.5, "2026-11-01T00:00:00.000Z"]]);

    const quiet = await seedPlatform({ tiers: [{ name: "free", limit: 10 }] });
    await saveSettings(quiet.platformId, { mode: "test", usageAlertThresholds: [] });
    expect(await burst(midMonth, quiet.secretKey, "quiet", 9)).toBe(9);
    await eventually(
      () => storedEvents(quiet.platformId),
      (events) => events.some((event) => event.type === "customer.created"),
      "customer.created",
    );
    expect(await alertsOf(quiet.platformId, "quiet")).toEqual([]);
  });
});

describe("crossing arithmetic", () => {
  it("puts each threshold at ⌈threshold × limit⌉ without floating-point drift", () => {
    expect(thresholdLevel(0.7, 100)).toBe(70);
    expect(thresholdLevel(0.8, 100)).toBe(80);
    expect(thresholdLevel(0.8, 7)).toBe(6);
    expect(thresholdLevel(1, 3)).toBe(3);
    expect(thresholdLevel(0.01, 1)).toBe(1);
  });

  it("finds every threshold a single track's amount jumps over, and only those", () => {
    expect(crossedThresholds([0.8, 1], { count: 100, limit: 100 }, 30)).toEqual([0.8, 1]);
    expect(crossedThresholds([0.8, 1], { count: 80, limit: 100 }, 1)).toEqual([0.8]);
    expect(crossedThresholds([0.8, 1], { count: 81, limit: 100 }, 1)).toEqual([]);
    expect(crossedThresholds([0.8, 1], { count: 79, limit: 100 }, 1)).toEqual([]);
    expect(crossedThresholds([0.8, 1], { count: 5, limit: null }, 5)).toEqual([]);
  });
});
