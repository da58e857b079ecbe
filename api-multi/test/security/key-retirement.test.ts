/**
 * When a retired key stops working, as the README promises it: an isolate
 * that cached a key before its rotation or revocation learns of it within
 * KEY_CACHE_TTL_SECONDS (plus KV's propagation, none locally) — the
 * revocation bound. A grace period longer than that bound ends exactly; a
 * shorter one ends within the bound. The clock is the test's own.
 */
import { env } from "cloudflare:test";
import { refreshApiKeyCache } from "@dream-api/shared/caches";
import { retireApiKeyStatement, revokeApiKeyStatement } from "@dream-api/shared/db";
import { describe, expect, it } from "vitest";
import { client, expectErrorShape, seedPlatform, type SeededPlatform } from "../harness";

const TTL_SECONDS = 30; // KEY_CACHE_TTL_SECONDS in api-multi/wrangler.jsonc
const T0 = Date.parse("2026-11-16T12:00:00.000Z");

function at() {
  let now = T0;
  const call = client(() => new Date(now));
  return {
    set: (offsetMs: number) => {
      now = T0 + offsetMs;
    },
    track: (platform: SeededPlatform) => call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "u" } }),
    tiers: (publishableKey: string) => call("GET", `/api/public/tiers?pk=${publishableKey}`),
  };
}

/** What front-auth-api does on a rotation: retire the key in D1 (revoked now, or expiring after the grace period) and rewrite the KV records. */
async function rotateOut(platform: SeededPlatform, atMs: number, graceSeconds: number): Promise<void> {
  const expiresAt = graceSeconds > 0 ? new Date(atMs + graceSeconds * 1000).toISOString() : null;
  await retireApiKeyStatement(env.DB, { platformId: platform.platformId, keyId: platform.keyId, now: new Date(atMs).toISOString(), expiresAt }).run();
  await refreshApiKeyCache(env.DB, env.KEY_CACHE, platform.platformId);
}

const s = (seconds: number) => seconds * 1000;

describe("a rotated-out key (grace period) and a revoked key", () => {
  it("a grace period shorter than the cache TTL ends within the bound: refused once the cached copy is older than the TTL", async () => {
    const platform = await seedPlatform();
    const clock = at();
    expect((await clock.track(platform)).status).toBe(200); // cached before the rotation
    await rotateOut(platform, T0, 5);
    clock.set(s(TTL_SECONDS) + 1);
    expectErrorShape(await clock.track(platform), 401, "invalid_api_key");
  });

  it("a grace period longer than the cache TTL ends exactly", async () => {
    const platform = await seedPlatform();
    const clock = at();
    expect((await clock.track(platform)).status).toBe(200);
    await rotateOut(platform, T0, 120);
    clock.set(s(TTL_SECONDS) + 1);
    expect((await clock.track(platform)).status).toBe(200); // reloaded: knows its end now
    clock.set(s(120) - 1);
    expect((await clock.track(platform)).status).toBe(200);
    clock.set(s(120));
    expectErrorShape(await clock.track(platform), 401, "invalid_api_key");
  });

  it("a key revoked during its grace period is refused within the bound", async () => {
    const platform = await seedPlatform();
    const clock = at();
    await rotateOut(platform, T0, 3600);
    expect((await clock.track(platform)).status).toBe(200);
    await revokeApiKeyStatement(env.DB, { platformId: platform.platformId, keyId: platform.keyId, now: new Date(T0 + 1000).toISOString() }).run();
    await refreshApiKeyCache(env.DB, env.KEY_CACHE, platform.platformId);
    clock.set(s(TTL_SECONDS) + 1);
    expectErrorShape(await clock.track(platform), 401, "invalid_api_key");
  });

  it("a revoked publishable key serves no public pricing (within the same bound)", async () => {
    const platform = await seedPlatform();
    const clock = at();
    expect((await clock.tiers(platform.publishableKey)).status).toBe(200);
    await rotateOut(platform, T0, 0);
    clock.set(s(TTL_SECONDS) + 1);
    const refused = await clock.tiers(platform.publishableKey);
    expectErrorShape(refused, 401, "invalid_api_key");
    expect(refused.body.error.param).toBe("pk");
  });
});
