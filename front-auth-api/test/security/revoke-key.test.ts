/**
 * POST /credentials/:keyId/revoke: the emergency stop for a leaked key,
 * including one that an earlier rotation left working in its grace period
 * (a second rotation cannot reach it: it only retires the current key).
 */
import { env } from "cloudflare:test";
import { sha256Hex } from "@dream-api/shared";
import { keyCacheKvKey } from "@dream-api/shared/caches";
import { describe, expect, it } from "vitest";
import { call, createDeveloper, expectError } from "../harness";

async function developerWithRotatedKey() {
  const dev = await createDeveloper();
  const issued = await call("POST", "/credentials", { token: dev.token });
  const leaked = issued.body.keys[0] as { keyId: string; secretKey: string };
  const rotated = await call("POST", "/credentials/rotate", { token: dev.token, body: { mode: "test", gracePeriodSeconds: 3600 } });
  expect(rotated.status).toBe(201);
  const current = (rotated.body.keys as { keyId: string; expiresAt: string | null; secretKey?: string }[]).find((key) => key.expiresAt === null)!;
  return { dev, platformId: issued.body.platformId as string, leaked, current };
}

const row = (keyId: string) => env.DB.prepare("SELECT revoked_at, expires_at FROM api_keys WHERE key_id = ?1").bind(keyId).first<{ revoked_at: string | null; expires_at: string | null }>();

describe("POST /credentials/:keyId/revoke", () => {
  it("revokes a key in its grace period at once: D1 and api-multi's cached record both say revoked, the current key goes on", async () => {
    const { dev, leaked, current } = await developerWithRotatedKey();
    expect((await row(leaked.keyId))?.expires_at).not.toBeNull();
    const revoked = await call("POST", `/credentials/${leaked.keyId}/revoke`, { token: dev.token, body: {} });
    expect(revoked.status).toBe(200);
    expect(revoked.body.keys.map((key: { keyId: string }) => key.keyId)).toEqual([current.keyId]);
    expect(revoked.body.keys.some((key: { secretKey?: string }) => key.secretKey !== undefined)).toBe(false);
    expect(JSON.stringify(revoked.body)).not.toContain(leaked.secretKey);
    expect((await row(leaked.keyId))?.revoked_at).not.toBeNull();
    const cached = await env.KEY_CACHE.get<{ revokedAt: string | null }>(keyCacheKvKey(await sha256Hex(leaked.secretKey)), { type: "json" });
    expect(cached?.revokedAt).not.toBeNull();
    expect((await call("GET", "/me", { token: dev.token })).body.credentials.keys.map((key: { keyId: string }) => key.keyId)).toEqual([current.keyId]);
  });

  it("revokes the current key too; the mode then has none until POST /credentials issues a new pair", async () => {
    const { dev, current } = await developerWithRotatedKey();
    expect((await call("POST", `/credentials/${current.keyId}/revoke`, { token: dev.token })).status).toBe(200);
    const reissued = await call("POST", "/credentials", { token: dev.token });
    expect(reissued.status).toBe(201);
    expect(reissued.body.keys.find((key: { secretKey?: string }) => key.secretKey)?.mode).toBe("test");
  });

  it("is 404 for an already revoked key, an unknown one and another developer's; 400 for a malformed id; and changes nothing", async () => {
    const { dev, leaked } = await developerWithRotatedKey();
    const other = await developerWithRotatedKey();
    expect((await call("POST", `/credentials/${leaked.keyId}/revoke`, { token: dev.token })).status).toBe(200);
    expectError(await call("POST", `/credentials/${leaked.keyId}/revoke`, { token: dev.token }), 404, "not_found");
    expectError(await call("POST", "/credentials/key_doesnotexist0000000/revoke", { token: dev.token }), 404, "not_found");
    expectError(await call("POST", `/credentials/${other.current.keyId}/revoke`, { token: dev.token }), 404, "not_found");
    expect((await row(other.current.keyId))?.revoked_at).toBeNull();
    expectError(await call("POST", "/credentials/not-a-key/revoke", { token: dev.token }), 400, "invalid_id");
    expectError(await call("POST", `/credentials/${other.leaked.keyId}/revoke`, { token: dev.token, body: { keyId: other.leaked.keyId } }), 400, "invalid_request");
    expect((await row(other.leaked.keyId))?.revoked_at).toBeNull();
  });
});
