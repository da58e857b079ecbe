/**
 * Retries with one Idempotency-Key that arrive while the first request is
 * still working — here, registering a new end-user — get the first
 * response (after a short wait) or 409 `idempotency_key_in_progress` with
 * Retry-After, never an answer the first request did not give (such as 404
 * for the end-user it is registering).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, expectErrorShape, failingBatches, seedPlatform, storedCount } from "../../harness";

const track = (secretKey: string, key: string, userId: string, options: { envOverrides?: Partial<Env> } = {}) =>
  call("POST", "/api/usage/track", { key: secretKey, body: { userId }, headers: { "Idempotency-Key": key }, ...options });

/** A D1 binding whose `batch` goes through `handle`, with the batch's number (1 for the first) and the real batch to run. */
function interceptBatches(db: D1Database, handle: (n: number, run: () => Promise<D1Result[]>) => Promise<D1Result[]>): D1Database {
  let seen = 0;
  return new Proxy(db, {
    get(target, property) {
      if (property === "batch") return (statements: D1PreparedStatement[]) => handle(++seen, () => target.batch(statements));
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

/** Batches after the first `fast` ones take `delayMs` longer (the first request's registration of the user). */
const slowBatches = (db: D1Database, fast: number, delayMs: number) =>
  interceptBatches(db, async (n, run) => {
    if (n > fast) await new Promise((resolve) => setTimeout(resolve, delayMs));
    return run();
  });

const after = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Idempotency-Key retries while the first request is in progress", () => {
  it("10 concurrent retries for an unregistered end-user: one counts, the rest replay it or are told to retry; none is 404", async () => {
    const platform = await seedPlatform();
    const results = await Promise.all(Array.from({ length: 10 }, () => track(platform.secretKey, "burst-new", "newbie")));
    const first = results.filter((result) => result.status === 200 && result.headers.get("Idempotent-Replayed") === null);
    expect(first).toHaveLength(1);
    for (const result of results) {
      if (result.status === 200) expect(result.body).toEqual(first[0]!.body);
      else {
        expectErrorShape(result, 409, "idempotency_key_in_progress");
        expect(result.headers.get("Retry-After")).toBe("1");
      }
    }
    expect(await storedCount(platform.platformId, "newbie")).toBe(1);
  });

  it("a retry while the first is still registering the user is 409 idempotency_key_in_progress; once it is done, the retry replays it", async () => {
    const platform = await seedPlatform();
    const slow = track(platform.secretKey, "slow-1", "fresh", { envOverrides: { DB: slowBatches(env.DB, 1, 2_000) } });
    await after(150);
    const early = await track(platform.secretKey, "slow-1", "fresh");
    expectErrorShape(early, 409, "idempotency_key_in_progress");
    expect(early.headers.get("Retry-After")).toBe("1");
    const original = await slow;
    expect(original.status).toBe(200);
    const late = await track(platform.secretKey, "slow-1", "fresh");
    expect(late.headers.get("Idempotent-Replayed")).toBe("true");
    expect(late.body).toEqual(original.body);
    expect(await storedCount(platform.platformId, "fresh")).toBe(1);
  });

  it("a retry shortly after the first waits for its answer and replays it", async () => {
    const platform = await seedPlatform();
    const slow = track(platform.secretKey, "slow-2", "fresh", { envOverrides: { DB: slowBatches(env.DB, 1, 250) } });
    await after(50);
    const retry = await track(platform.secretKey, "slow-2", "fresh");
    const original = await slow;
    expect(retry.status).toBe(200);
    expect(retry.headers.get("Idempotent-Replayed")).toBe("true");
    expect(retry.body).toEqual(original.body);
    expect(await storedCount(platform.platformId, "fresh")).toBe(1);
  });

  it("a first request that fails before counting gives the key up, so the retry counts once", async () => {
    const platform = await seedPlatform();
    // The reservation batch goes through (the user is unknown: nothing counted); the registration batch fails.
    const failing = interceptBatches(env.DB, (n, run) => (n === 1 ? run() : failingBatches(env.DB).batch([])));
    const failed = await track(platform.secretKey, "fails-1", "fresh", { envOverrides: { DB: failing } });
    expect(failed.status).toBe(500);
    const retry = await track(platform.secretKey, "fails-1", "fresh");
    expect(retry.status).toBe(200);
    expect(retry.headers.get("Idempotent-Replayed")).toBeNull();
    expect(retry.body.usage.count).toBe(1);
    expect(await storedCount(platform.platformId, "fresh")).toBe(1);
  });
});
