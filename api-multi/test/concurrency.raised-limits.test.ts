/**
 * Exactness under concurrency (rate limits raised for this project): the
 * check-and-increment is one D1 statement, so no interleaving overshoots.
 */
import { describe, expect, it } from "vitest";
import { client, midMonthClock, seedPlatform, storedCount } from "./harness";

/** Fixed mid-month (harness MID_MONTH): no period boundary falls inside a burst, whatever the date. */
const call = client(midMonthClock);

async function burst(secretKey: string, userId: string, calls: number, amount: number) {
  const results = await Promise.all(Array.from({ length: calls }, () => call("POST", "/api/usage/track", { key: secretKey, body: { userId, amount } })));
  const statuses = results.map((result) => result.status);
  return {
    admitted: statuses.filter((status) => status === 200).length,
    refused: statuses.filter((status) => status === 403).length,
    other: statuses.filter((status) => status !== 200 && status !== 403),
    counts: results.filter((result) => result.status === 200).map((result) => result.body.usage.count as number),
  };
}

describe("concurrent track calls for one end-user", () => {
  it("admits exactly 50 of 200 at limit 50", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 50 }] });
    const { admitted, refused, other, counts } = await burst(platform.secretKey, "hot", 200, 1);
    expect(other).toEqual([]);
    expect(admitted).toBe(50);
    expect(refused).toBe(150);
    expect(new Set(counts).size).toBe(50);
    expect(await storedCount(platform.platformId, "hot")).toBe(50);
  });

  it("admits exactly 16 of 200 with amount 3 at limit 50", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 50 }] });
    const { admitted, refused, other } = await burst(platform.secretKey, "hot3", 200, 3);
    expect(other).toEqual([]);
    expect(admitted).toBe(16);
    expect(refused).toBe(184);
    expect(await storedCount(platform.platformId, "hot3")).toBe(48);
  });

  it("registers a brand-new user exactly once under a concurrent first burst", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 10 }] });
    const { admitted, other } = await burst(platform.secretKey, "fresh", 40, 1);
    expect(other).toEqual([]);
    expect(admitted).toBe(10);
    expect(await storedCount(platform.platformId, "fresh")).toBe(10);
  });
});
