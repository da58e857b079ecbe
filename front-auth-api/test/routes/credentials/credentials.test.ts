import { env } from "cloudflare:test";
import { sha256Hex } from "@dream-api/shared";
import { keyCacheKvKey } from "@dream-api/shared/caches";
import { describe, expect, it } from "vitest";
import { call, client, createDeveloper, expectError, harnessClock } from "../../harness";

async function keyRows(platformId: string) {
  const { results } = await env.DB.prepare("SELECT key_id, mode, secret_hash, secret_prefix, expires_at, revoked_at FROM api_keys WHERE platform_id = ?1 ORDER BY created_at")
    .bind(platformId)
    .all<{ key_id: string; mode: string; secret_hash: string; secret_prefix: string; expires_at: string | null; revoked_at: string | null }>();
  return results;
}

describe("POST /credentials", () => {
  it("issues a test pair once: the secret only in the first response, only its hash in D1", async () => {
    const dev = await createDeveloper();
    const first = await call("POST", "/credentials", { token: dev.token });
    expect(first.status).toBe(201);
    expect(first.body.platformId).toMatch(/^plt_/);
    expect(first.body.keys).toHaveLength(1);
    const [key] = first.body.keys;
    expect(key).toMatchObject({ mode: "test", publishableKey: expect.stringMatching(/^pk_test_/), secretKey: expect.stringMatching(/^sk_test_/) });
    expect(key.secretPrefix).toBe(`${key.secretKey.slice(0, 12)}…`);

    const rows = await keyRows(first.body.platformId);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.secret_hash).toBe(await sha256Hex(key.secretKey));
    expect(JSON.stringify(rows)).not.toContain(key.secretKey);

    const again = await call("POST", "/credentials", { token: dev.token });
    expect(again.status).toBe(200);
    expect(again.body.keys).toEqual([{ ...key, secretKey: undefined }].map(({ secretKey: _s, ...rest }) => rest));
    const me = await call("GET", "/me", { token: dev.token });
    expect(me.body.credentials.keys[0].secretPrefix).toBe(key.secretPrefix);
    expect(JSON.stringify(me.body)).not.toContain(key.secretKey);
  });

  it("creates exactly one pair under 10 concurrent first calls", async () => {
    const dev = await createDeveloper();
    const results = await Promise.all(Array.from({ length: 10 }, () => call("POST", "/credentials", { token: dev.token })));
    expect(results.every((r) => r.status === 200 || r.status === 201)).toBe(true);
    const withSecret = results.flatMap((r) => r.body.keys).filter((k: { secretKey?: string }) => k.secretKey);
    expect(withSecret).toHaveLength(1);
    expect(await keyRows(results[0]!.body.platformId)).toHaveLength(1);
  });

  it("adds a live pair once the developer is paid, keeping the same platformId", async () => {
    const dev = await createDeveloper();
    const test = await call("POST", "/credentials", { token: dev.token });
    await env.DB.prepare("UPDATE platforms SET plan = 'paid' WHERE developer_id = ?1").bind(dev.id).run();
    const live = await call("POST", "/credentials", { token: dev.token });
    expect(live.status).toBe(201);
    expect(live.body.platformId).toBe(test.body.platformId);
    const created = live.body.keys.filter((k: { secretKey?: string }) => k.secretKey);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ mode: "live", publishableKey: expect.stringMatching(/^pk_live_/), secretKey: expect.stringMatching(/^sk_live_/) });
  });

  it("rejects a body with fields", async () => {
    const dev = await createDeveloper();
    expectError(await call("POST", "/credentials", { token: dev.token, body: { mode: "live" } }), 400, "invalid_request");
    expectError(await call("POST", "/credentials", { token: dev.token, rawBody: "{", headers: { "Content-Type": "application/json" } }), 400, "invalid_json");
  });
});

describe("POST /credentials/rotate", () => {
  it("revokes the old pair at once by default and refreshes api-multi's cached entry", async () => {
    const dev = await createDeveloper();
    const issued = await call("POST", "/credentials", { token: dev.token });
    const old = issued.body.keys[0];
    const rotated = await call("POST", "/credentials/rotate", { token: dev.token, body: { mode: "test" } });
    expect(rotated.status).toBe(201);
    expect(rotated.body.platformId).toBe(issued.body.platformId);
    expect(rotated.body.keys).toHaveLength(1);
    expect(rotated.body.keys[0].secretKey).toMatch(/^sk_test_/);
    expect(rotated.body.keys[0].publishableKey).not.toBe(old.publishableKey);

    const rows = await keyRows(issued.body.platformId);
    const oldRow = rows.find((row) => row.key_id === old.keyId)!;
    expect(oldRow.revoked_at).not.toBeNull();
    const cached = await env.KEY_CACHE.get<{ revokedAt: string | null }>(keyCacheKvKey(oldRow.secret_hash), { type: "json" });
    expect(cached?.revokedAt).toBe(oldRow.revoked_at);
  });

  it("keeps the old pair working for the grace period, then not", async () => {
    const dev = await createDeveloper();
    const issued = await call("POST", "/credentials", { token: dev.token });
    const old = issued.body.keys[0];
    let now = harnessClock(); // the instant `call` issued the keys at (pinned under DREAM_TEST_NOW)
    const at = client(() => now);
    const rotated = await at("POST", "/credentials/rotate", { token: dev.token, body: { gracePeriodSeconds: 3600 } });
    expect(rotated.body.keys).toHaveLength(2);
    const oldView = rotated.body.keys.find((k: { keyId: string }) => k.keyId === old.keyId);
    expect(new Date(oldView.expiresAt).getTime()).toBe(now.getTime() + 3600_000);
    now = new Date(now.getTime() + 3600_001);
    const later = await at("GET", "/me", { token: dev.token });
    expect(later.body.credentials.keys.map((k: { keyId: string }) => k.keyId)).not.toContain(old.keyId);
    const cached = await env.KEY_CACHE.get<{ expiresAt: string }>(keyCacheKvKey((await keyRows(issued.body.platformId)).find((row) => row.key_id === old.keyId)!.secret_hash), { type: "json" });
    expect(cached?.expiresAt).toBe(oldView.expiresAt);
  });

  it("lets only one of two concurrent rotations win", async () => {
    const dev = await createDeveloper();
    const issued = await call("POST", "/credentials", { token: dev.token });
    const results = await Promise.all([1, 2].map(() => call("POST", "/credentials/rotate", { token: dev.token })));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409]);
    const current = (await keyRows(issued.body.platformId)).filter((row) => row.revoked_at === null && row.expires_at === null);
    expect(current).toHaveLength(1);
  });

  it("rejects bad input and a rotation before any credentials", async () => {
    const dev = await createDeveloper();
    expectError(await call("POST", "/credentials/rotate", { token: dev.token }), 404, "not_found");
    await call("POST", "/credentials", { token: dev.token });
    for (const body of [{ gracePeriodSeconds: -1 }, { gracePeriodSeconds: 1e9 }, { gracePeriodSeconds: "60" }, { mode: "prod" }, { extra: 1 }]) {
      expectError(await call("POST", "/credentials/rotate", { token: dev.token, body }), 400, "invalid_request");
    }
  });
});
