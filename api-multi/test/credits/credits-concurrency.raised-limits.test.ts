/**
 * Credits under concurrency (rate limits raised for this project): a user
 * with limit 100 and 50 credits gets exactly 150 of 300 concurrent tracks,
 * the grants end at 0, and one credits.exhausted is stored; tracks racing
 * deductions never take the balance below zero.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { client, midMonthClock, seedPlatform } from "../harness";
import { eventually, storedEvents } from "../outbound-webhooks/helpers";

const midMonth = client(midMonthClock);

async function setUp(limit: number, credits: number[]) {
  const platform = await seedPlatform({ tiers: [{ name: "free", limit }] });
  const created = await midMonth("POST", "/api/customers", { key: platform.secretKey, body: { userId: "hot", email: `hot.${crypto.randomUUID().slice(0, 8)}@example.com` } });
  expect(created.status).toBe(201);
  for (const amount of credits) {
    expect((await midMonth("POST", "/api/customers/hot/credits", { key: platform.secretKey, body: { amount, reason: "load" } })).status).toBe(201);
  }
  return platform;
}

async function state(platformId: string) {
  const counter = await env.DB.prepare("SELECT usage_count, credit_count FROM usage_counts WHERE platform_id = ?1 AND user_id = 'hot'")
    .bind(platformId)
    .first<{ usage_count: number; credit_count: number }>();
  const grants = await env.DB.prepare("SELECT amount, remaining FROM credit_grants WHERE platform_id = ?1 ORDER BY amount").bind(platformId).all<{ amount: number; remaining: number }>();
  return { counter, grants: grants.results };
}

describe("credits under concurrency", () => {
  it("admits exactly allowance + credits of 300 concurrent tracks, and says once that credits ran out", async () => {
    const platform = await setUp(100, [20, 30]);
    const results = await Promise.all(Array.from({ length: 300 }, () => midMonth("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "hot" } })));
    expect(results.filter((result) => result.status !== 200 && result.status !== 403)).toEqual([]);
    expect(results.filter((result) => result.status === 200)).toHaveLength(150);
    expect(await state(platform.platformId)).toEqual({
      counter: { usage_count: 150, credit_count: 50 },
      grants: [
        { amount: 20, remaining: 0 },
        { amount: 30, remaining: 0 },
      ],
    });
    const exhausted = await eventually(
      async () => (await storedEvents(platform.platformId)).filter((event) => event.type === "credits.exhausted"),
      (events) => events.length >= 1,
      "credits.exhausted",
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await storedEvents(platform.platformId)).filter((event) => event.type === "credits.exhausted")).toHaveLength(exhausted.length);
    expect(exhausted).toHaveLength(1);
  });

  it("tracks racing deductions: every admitted unit is paid for, and the balance never goes below zero", async () => {
    const platform = await setUp(10, [100]);
    const calls = [
      ...Array.from({ length: 120 }, () => midMonth("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "hot", amount: 1 } })),
      ...Array.from({ length: 10 }, () => midMonth("POST", "/api/customers/hot/credits", { key: platform.secretKey, body: { amount: -7, reason: "race" } })),
    ];
    const results = await Promise.all(calls);
    expect(results.filter((result) => ![200, 201, 403, 409].includes(result.status))).toEqual([]);
    const admitted = results.slice(0, 120).filter((result) => result.status === 200).length;
    const deducted = results.slice(120).filter((result) => result.status === 201).length * 7;
    const { counter, grants } = await state(platform.platformId);
    expect(counter?.usage_count).toBe(admitted);
    const remaining = grants.reduce((sum, grant) => sum + grant.remaining, 0);
    expect(remaining).toBeGreaterThanOrEqual(0);
    // What credits paid, what deductions took, and what is left add up to what was granted.
    expect((counter?.credit_count ?? 0) + deducted + remaining).toBe(100);
    expect(Math.max(0, admitted - 10)).toBe(counter?.credit_count);
  });
});
