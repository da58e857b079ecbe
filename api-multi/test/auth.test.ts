import { env } from "cloudflare:test";
import { hashSecretKey, issueKeyPair, newId } from "@dream-api/shared";
import { keyCacheKvKey } from "@dream-api/shared/caches";
import { insertApiKeyStatement } from "@dream-api/shared/db";
import { describe, expect, it } from "vitest";
import { clearApiKeyIsolateCache } from "@dream-api/shared/caches";
import { call, client, expectErrorShape, seedPlatform } from "./harness";

describe("secret-key authentication", () => {
  it("accepts the platform's secret key", async () => {
    const platform = await seedPlatform();
    const res = await call("GET", "/api/tiers", { key: platform.secretKey });
    expect(res.status).toBe(200);
  });

  it.each([
    ["a malformed key", "sk_test_short"],
    ["a publishable key", "pk_test_0123456789012345678901234567"],
    ["an unknown key", "sk_test_0123456789abcdefghijABCDEFGHIJ0123456789"],
    ["a key with a bad mode", "sk_prod_0123456789abcdefghijABCDEFGHIJ0123456789"],
  ])("rejects %s with 401 invalid_api_key", async (_label, key) => {
    expectErrorShape(await call("GET", "/api/tiers", { key }), 401, "invalid_api_key");
  });

  it("rejects a missing or non-Bearer Authorization header", async () => {
    expectErrorShape(await call("GET", "/api/tiers"), 401, "unauthorized");
    const platform = await seedPlatform();
    expectErrorShape(await call("GET", "/api/tiers", { headers: { Authorization: `Basic ${platform.secretKey}` } }), 401, "invalid_api_key");
  });

  it("rejects a revoked key once the isolate cache entry is gone", async () => {
    const platform = await seedPlatform();
    expect((await call("GET", "/api/tiers", { key: platform.secretKey })).status).toBe(200);
    const hash = await hashSecretKey(platform.secretKey);
    await env.DB.prepare("UPDATE api_keys SET revoked_at = ?2 WHERE secret_hash = ?1").bind(hash, new Date().toISOString()).run();
    await env.KEY_CACHE.delete(keyCacheKvKey(hash));
    clearApiKeyIsolateCache();
    expectErrorShape(await call("GET", "/api/tiers", { key: platform.secretKey }), 401, "invalid_api_key");
  });

  it("stops accepting a rotated key when its grace period ends, even while cached", async () => {
    const platform = await seedPlatform();
    const graceEnd = new Date(Date.now() + 60_000);
    await env.DB.prepare("UPDATE api_keys SET expires_at = ?2 WHERE key_id = ?1").bind(platform.keyId, graceEnd.toISOString()).run();
    clearApiKeyIsolateCache();
    let now = new Date();
    const at = client(() => now);
    expect((await at("GET", "/api/tiers", { key: platform.secretKey })).status).toBe(200);
    now = new Date(graceEnd.getTime() + 1);
    expectErrorShape(await at("GET", "/api/tiers", { key: platform.secretKey }), 401, "invalid_api_key");
  });

  it("serves warm requests without reading D1 or KV for the key", async () => {
    const platform = await seedPlatform();
    expect((await call("GET", "/api/tiers", { key: platform.secretKey })).status).toBe(200);
    // Remove the key from both stores: only the in-isolate cache can still answer.
    const hash = await hashSecretKey(platform.secretKey);
    await env.KEY_CACHE.delete(keyCacheKvKey(hash));
    await env.DB.prepare("UPDATE api_keys SET secret_hash = ?2 WHERE key_id = ?1").bind(platform.keyId, `gone-${hash}`).run();
    expect((await call("GET", "/api/tiers", { key: platform.secretKey })).status).toBe(200);
    clearApiKeyIsolateCache();
    expectErrorShape(await call("GET", "/api/tiers", { key: platform.secretKey }), 401, "invalid_api_key");
  });

  it("falls back to KV before D1 and fills KV from D1", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const pair = await issueKeyPair("live");
    const keyId = newId("apiKey");
    await insertApiKeyStatement(env.DB, { keyId, platformId: platform.platformId, pair, createdAt: new Date().toISOString() }).run();
    expect((await call("GET", "/api/tiers", { key: pair.secretKey })).status).toBe(200);
    const cached = await env.KEY_CACHE.get(keyCacheKvKey(pair.secretHash), { type: "json" });
    expect(cached).toMatchObject({ platformId: platform.platformId, keyId, mode: "live" });
    expect(JSON.stringify(cached)).not.toContain(pair.secretKey);
  });
});
