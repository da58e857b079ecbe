import { createExecutionContext, createScheduledController, env, waitOnExecutionContext } from "cloudflare:test";
import { pruneExpiredIdempotencyKeys } from "@dream-api/shared/db";
import { describe, expect, it } from "vitest";
import worker from "../../../src/index";
import { client, expectErrorShape, MID_MONTH, midMonthClock, seedPlatform, storedCount } from "../../harness";

/** Counting tests run at a fixed mid-month instant (harness MID_MONTH): no period boundary falls between their calls, whatever the date. */
const call = client(midMonthClock);

const track = (key: string, secretKey: string, body: Record<string, unknown>, at = call) => at("POST", "/api/usage/track", { key: secretKey, body, headers: { "Idempotency-Key": key } });

describe("idempotent track (Idempotency-Key)", () => {
  it("replays the first response for a retry and counts once", async () => {
    const platform = await seedPlatform();
    const first = await track("retry-1", platform.secretKey, { userId: "u", amount: 2 });
    const again = await track("retry-1", platform.secretKey, { userId: "u", amount: 2 });
    expect(first.status).toBe(200);
    expect(first.headers.get("Idempotent-Replayed")).toBeNull();
    expect(again.status).toBe(200);
    expect(again.headers.get("Idempotent-Replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    expect(await storedCount(platform.platformId, "u")).toBe(2);
    expect((await track("retry-2", platform.secretKey, { userId: "u", amount: 2 })).body.usage.count).toBe(4);
  });

  it("counts once under 10 concurrent requests with the same key", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "c" } });
    const results = await Promise.all(Array.from({ length: 10 }, () => track("burst", platform.secretKey, { userId: "c", amount: 1 })));
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(results.filter((result) => result.headers.get("Idempotent-Replayed") === null)).toHaveLength(1);
    expect(await storedCount(platform.platformId, "c")).toBe(2);
  });

  it("replays a refusal too, and registers a new user once", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 1 }] });
    const first = await track("new-user", platform.secretKey, { userId: "fresh", amount: 1 });
    expect(first.body.usage.count).toBe(1);
    expect((await track("new-user", platform.secretKey, { userId: "fresh", amount: 1 })).body.usage.count).toBe(1);
    const refused = await track("over", platform.secretKey, { userId: "fresh", amount: 1 });
    expectErrorShape(refused, 403, "usage_limit_exceeded");
    const replayed = await track("over", platform.secretKey, { userId: "fresh", amount: 1 });
    expect(replayed.status).toBe(403);
    expect(replayed.body).toEqual(refused.body);
    expect(await storedCount(platform.platformId, "fresh")).toBe(1);
  });

  it("refuses the same key with a different request, and takes an expired key as new", async () => {
    const platform = await seedPlatform();
    let now = new Date(MID_MONTH); // + 24 h stays in the month
    const at = client(() => now);
    await track("k", platform.secretKey, { userId: "d", amount: 1 }, at);
    expectErrorShape(await track("k", platform.secretKey, { userId: "d", amount: 3 }, at), 409, "idempotency_key_reused");
    expectErrorShape(await track("k", platform.secretKey, { userId: "other", amount: 1 }, at), 409, "idempotency_key_reused");
    now = new Date(now.getTime() + 24 * 3600 * 1000 + 1000);
    const later = await track("k", platform.secretKey, { userId: "d", amount: 1 }, at);
    expect(later.headers.get("Idempotent-Replayed")).toBeNull();
    expect(await storedCount(platform.platformId, "d")).toBe(2);
  });

  it("rejects malformed keys with 400 and counts nothing", async () => {
    const platform = await seedPlatform();
    for (const key of ["has space", "x".repeat(256), "tab\tkey", "ünïcode"]) {
      const res = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "m" }, headers: { "Idempotency-Key": key } });
      expectErrorShape(res, 400, "invalid_request");
      expect(res.body.error.param).toBe("Idempotency-Key");
    }
    expect(await storedCount(platform.platformId, "m")).toBeNull();
  });
});

describe("expired idempotency keys", () => {
  const keysOf = async (platformId: string) =>
    (await env.DB.prepare("SELECT idempotency_key FROM idempotency_keys WHERE platform_id = ?1 ORDER BY idempotency_key").bind(platformId).all<{ idempotency_key: string }>()).results.map(
      (row) => row.idempotency_key,
    );

  it("are deleted by the hourly cron once past 24 hours; live keys stay and still replay", async () => {
    const platform = await seedPlatform();
    let now = new Date("2026-11-20T10:00:00Z");
    const at = client(() => now);
    await track("old", platform.secretKey, { userId: "u" }, at);
    now = new Date("2026-11-21T09:00:00Z");
    await track("fresh", platform.secretKey, { userId: "u" }, at);
    const controller = createScheduledController({ scheduledTime: new Date("2026-11-21T10:17:00Z").getTime(), cron: "17 * * * *" });
    const ctx = createExecutionContext();
    await worker.scheduled(controller, env, ctx);
    await waitOnExecutionContext(ctx);
    expect(await keysOf(platform.platformId)).toEqual(["fresh"]);
    const replay = await track("fresh", platform.secretKey, { userId: "u" }, at);
    expect(replay.headers.get("Idempotent-Replayed")).toBe("true");
    expect(await storedCount(platform.platformId, "u")).toBe(2);
  });

  it("are pruned in bounded batches until none is left", async () => {
    const platform = await seedPlatform();
    const old = "2026-01-01T00:00:00.000Z";
    await env.DB.batch(
      Array.from({ length: 7 }, (_, index) =>
        env.DB.prepare("INSERT INTO idempotency_keys (platform_id, mode, idempotency_key, request_id, request_hash, created_at) VALUES (?1, 'test', ?2, 'req', 'hash', ?3)").bind(
          platform.platformId,
          `k${index}`,
          old,
        ),
      ),
    );
    const deleted = await pruneExpiredIdempotencyKeys(env.DB, new Date("2026-01-02T00:00:01Z"), { batchSize: 3 });
    expect(deleted).toBeGreaterThanOrEqual(7);
    expect(await keysOf(platform.platformId)).toEqual([]);
  });
});
