/**
 * The KV caches (src/caches): their key names are deployed data and must
 * never change; each has one TTL for its read and its refresh; the API-key
 * read keeps its isolate, negative and per-IP rules. Run against in-memory
 * fakes of KV, D1 and the rate-limit binding.
 */
import { beforeEach, describe, expect, it } from "vitest";
import {
  ACCOUNT_CACHE_KV_TTL_SECONDS,
  KEY_CACHE_KV_TTL_SECONDS,
  TIER_CACHE_KV_TTL_SECONDS,
  accountCacheKvKey,
  clearApiKeyIsolateCache,
  getCachedConnectedAccount,
  getPlatformTiers,
  keyCacheKvKey,
  refreshAccountCache,
  refreshTierCache,
  resolveSecretKey,
  tierCacheKvKey,
} from "../src/caches";

class FakeKv {
  readonly entries = new Map<string, { value: string; ttl: number | undefined }>();
  reads = 0;

  async get(key: string): Promise<unknown> {
    this.reads++;
    const entry = this.entries.get(key);
    return entry === undefined ? null : JSON.parse(entry.value);
  }

  async put(key: string, value: string, options?: { expirationTtl?: number }): Promise<void> {
    this.entries.set(key, { value, ttl: options?.expirationTtl });
  }
}

/** A D1 stand-in answering every statement with `rows` (and counting statements). */
function fakeDb(rows: () => Record<string, unknown>[]) {
  const db = {
    statements: 0,
    prepare: () => ({
      bind: () => ({
        first: async () => {
          db.statements++;
          return rows()[0] ?? null;
        },
        all: async () => {
          db.statements++;
          return { results: rows() };
        },
      }),
    }),
  };
  return db;
}

const noWait = { waitUntil: (promise: Promise<unknown>) => void promise };

describe("KV key names (deployed data)", () => {
  it("stay sk:<hash>, tiers:<platformId>:<mode> and account:<platformId>", () => {
    expect(keyCacheKvKey("ab12")).toBe("sk:ab12");
    expect(tierCacheKvKey({ platformId: "plt_x", mode: "test" })).toBe("tiers:plt_x:test");
    expect(tierCacheKvKey({ platformId: "plt_x", mode: "live" })).toBe("tiers:plt_x:live");
    expect(accountCacheKvKey("plt_x")).toBe("account:plt_x");
  });

  it("have one TTL each", () => {
    expect([KEY_CACHE_KV_TTL_SECONDS, TIER_CACHE_KV_TTL_SECONDS, ACCOUNT_CACHE_KV_TTL_SECONDS]).toEqual([300, 3600, 3600]);
  });
});

const tierRow = {
  name: "free",
  display_name: "Free",
  kind: "subscription",
  price: 0,
  currency: "usd",
  monthly_limit: 5,
  price_id: null,
  product_id: null,
  features: "[]",
  popular: 0,
  inventory: null,
  image_url: null,
  description: null,
  sort_order: 0,
  archived_at: null,
};

describe("tier cache", () => {
  it("reads KV, else D1 and writes the entry back with its TTL; the refresh writes with the same TTL", async () => {
    const kv = new FakeKv();
    const db = fakeDb(() => [tierRow]);
    const env = { DB: db as unknown as D1Database, TIER_CACHE: kv as unknown as KVNamespace };
    const written: Promise<unknown>[] = [];
    const tiers = await getPlatformTiers(env, { waitUntil: (promise) => void written.push(promise) }, { platformId: "plt_1", mode: "test" });
    await Promise.all(written);
    expect(tiers.map((tier) => tier.name)).toEqual(["free"]);
    expect(kv.entries.get("tiers:plt_1:test")?.ttl).toBe(3600);
    expect(await getPlatformTiers(env, noWait, { platformId: "plt_1", mode: "test" })).toEqual(tiers);
    expect(db.statements).toBe(1);
    kv.entries.clear();
    expect(await refreshTierCache(env.DB, env.TIER_CACHE, { platformId: "plt_1", mode: "test" })).toEqual(tiers);
    expect(kv.entries.get("tiers:plt_1:test")).toEqual({ value: JSON.stringify(tiers), ttl: 3600 });
  });
});

describe("account cache", () => {
  it("reads KV, else D1; the refresh writes the account (or null) with the read's TTL", async () => {
    const kv = new FakeKv();
    let connected = true;
    const db = fakeDb(() => (connected ? [{ stripe_user_id: "acct_1", livemode: 0, scope: "read_write", connected_at: "2026-01-01T00:00:00.000Z" }] : []));
    const env = { DB: db as unknown as D1Database, ACCOUNT_CACHE: kv as unknown as KVNamespace };
    const written: Promise<unknown>[] = [];
    const account = await getCachedConnectedAccount(env, { waitUntil: (promise) => void written.push(promise) }, "plt_1");
    await Promise.all(written);
    expect(account).toEqual({ stripeUserId: "acct_1", livemode: false, scope: "read_write", connectedAt: "2026-01-01T00:00:00.000Z" });
    expect(kv.entries.get("account:plt_1")?.ttl).toBe(3600);
    expect(await getCachedConnectedAccount(env, noWait, "plt_1")).toEqual(account);
    expect(db.statements).toBe(1);
    connected = false;
    await refreshAccountCache(env.DB, env.ACCOUNT_CACHE, "plt_1");
    expect(kv.entries.get("account:plt_1")).toEqual({ value: "null", ttl: 3600 });
  });
});

describe("API-key cache read", () => {
  beforeEach(() => clearApiKeyIsolateCache());

  const keyRow = { secret_hash: "h", key_id: "key_1", platform_id: "plt_1", publishable_key: "pk_test_x", mode: "test", expires_at: null, revoked_at: null, plan: "free" };

  function bindings(rows: () => Record<string, unknown>[]) {
    const limiter = {
      calls: [] as string[],
      limit: async ({ key }: { key: string }) => {
        limiter.calls.push(key);
        return { success: true };
      },
    };
    const kv = new FakeKv();
    const db = fakeDb(rows);
    return { kv, db, limiter, env: { DB: db as unknown as D1Database, KEY_CACHE: kv as unknown as KVNamespace, CLIENT_IP_RATE_LIMITER: limiter as unknown as RateLimit } };
  }

  it("serves a warm key from the isolate without storage I/O or the per-IP bucket, and writes KV with its TTL on a D1 load", async () => {
    const { kv, db, limiter, env } = bindings(() => [keyRow]);
    const written: Promise<unknown>[] = [];
    const lookup = { now: new Date("2026-11-16T12:00:00.000Z"), ttlSeconds: 30, clientIp: "203.0.113.9" };
    const first = await resolveSecretKey(env, { waitUntil: (promise) => void written.push(promise) }, "sk_test_anything", lookup);
    await Promise.all(written);
    expect(first).toMatchObject({ keyId: "key_1", platformId: "plt_1", preview: true });
    expect([...kv.entries.values()].map((entry) => entry.ttl)).toEqual([300]);
    expect(await resolveSecretKey(env, noWait, "sk_test_anything", lookup)).toEqual(first);
    expect({ d1: db.statements, kv: kv.reads, ip: limiter.calls }).toEqual({ d1: 1, kv: 1, ip: ["ip:203.0.113.9"] });
  });

  it("remembers an unknown key for 60 s on the request clock, then looks again", async () => {
    const { db, limiter, env } = bindings(() => []);
    const at = (ms: number) => ({ now: new Date(Date.parse("2026-11-16T12:00:00.000Z") + ms), ttlSeconds: 30, clientIp: "203.0.113.9" });
    expect(await resolveSecretKey(env, noWait, "sk_test_unknown", at(0))).toBeNull();
    expect(await resolveSecretKey(env, noWait, "sk_test_unknown", at(59_999))).toBeNull();
    expect(db.statements).toBe(1);
    expect(await resolveSecretKey(env, noWait, "sk_test_unknown", at(60_000))).toBeNull();
    expect(db.statements).toBe(2);
    expect(limiter.calls).toHaveLength(2);
  });
});
