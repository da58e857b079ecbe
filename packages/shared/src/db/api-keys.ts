/** D1 access for api_keys. Secrets are looked up by SHA-256 hash only. */
import type { KeyMode } from "../ids";
import type { IssuedKeyPair } from "../keys";

export interface ApiKeyRecord {
  keyId: string;
  platformId: string;
  mode: KeyMode;
  publishableKey: string;
  secretPrefix: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** What may be shown of a key pair (never its secret or its hash): the developer's key list and the dashboard. */
export type KeyPairView = Pick<ApiKeyRecord, "keyId" | "mode" | "publishableKey" | "secretPrefix" | "createdAt" | "expiresAt">;

export function keyPairView(key: ApiKeyRecord): KeyPairView {
  return { keyId: key.keyId, mode: key.mode, publishableKey: key.publishableKey, secretPrefix: key.secretPrefix, createdAt: key.createdAt, expiresAt: key.expiresAt };
}

interface ApiKeyRow {
  key_id: string;
  platform_id: string;
  mode: KeyMode;
  publishable_key: string;
  secret_prefix: string;
  created_at: string;
  expires_at: string | null;
  revoked_at: string | null;
}

const COLUMNS = "key_id, platform_id, mode, publishable_key, secret_prefix, created_at, expires_at, revoked_at";

function toApiKey(row: ApiKeyRow): ApiKeyRecord {
  return {
    keyId: row.key_id,
    platformId: row.platform_id,
    mode: row.mode,
    publishableKey: row.publishable_key,
    secretPrefix: row.secret_prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

/** Whether a key may authenticate at `now` (not revoked, grace not over). */
export function isKeyActive(key: Pick<ApiKeyRecord, "expiresAt" | "revokedAt">, now: Date): boolean {
  if (key.revokedAt !== null) return false;
  return key.expiresAt === null || key.expiresAt > now.toISOString();
}

export async function findApiKeyByPublishableKey(db: D1Database, publishableKey: string): Promise<ApiKeyRecord | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE publishable_key = ?1`).bind(publishableKey).first<ApiKeyRow>();
  return row ? toApiKey(row) : null;
}

export async function listApiKeys(db: D1Database, platformId: string): Promise<ApiKeyRecord[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE platform_id = ?1 ORDER BY created_at DESC, key_id`).bind(platformId).all<ApiKeyRow>();
  return results.map(toApiKey);
}

/**
 * Inserts a key pair as the platform's current pair for its mode. A second
 * current pair of the same mode violates api_keys_one_current_per_mode:
 * with `ifNoCurrent` the insert then does nothing (meta.changes 0),
 * otherwise it fails — which makes a racing rotation's batch roll back.
 */
export function insertApiKeyStatement(db: D1Database, input: { keyId: string; platformId: string; pair: IssuedKeyPair; createdAt: string; ifNoCurrent?: boolean }): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO api_keys (key_id, platform_id, mode, publishable_key, secret_hash, secret_prefix, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)${input.ifNoCurrent ? " ON CONFLICT DO NOTHING" : ""}`,
    )
    .bind(input.keyId, input.platformId, input.pair.mode, input.pair.publishableKey, input.pair.secretHash, input.pair.secretPrefix, input.createdAt);
}

/**
 * What api-multi caches per secret key (in its isolate and in KV: see
 * caches/api-keys.ts): enough to authenticate without D1. `preview`
 * is true for test keys of a developer on the free plan (DESIGN: preview
 * mode); `liveWithoutPlan` for live keys of a developer no longer on the
 * paid plan, which live mode needs. front-auth-api rewrites these entries when a key is rotated or the
 * developer's plan changes.
 */
export interface CachedApiKey {
  keyId: string;
  platformId: string;
  publishableKey: string;
  mode: KeyMode;
  preview: boolean;
  /** A live key of a platform on the free plan: refused (403 live_mode_unavailable). Absent in entries cached before it existed. */
  liveWithoutPlan?: boolean;
  expiresAt: string | null;
  revokedAt: string | null;
}

const CACHED_KEY_SELECT = `
  SELECT k.secret_hash, k.key_id, k.platform_id, k.publishable_key, k.mode, k.expires_at, k.revoked_at, p.plan
  FROM api_keys k JOIN platforms p ON p.platform_id = k.platform_id`;

interface CachedKeyRow {
  secret_hash: string;
  key_id: string;
  platform_id: string;
  publishable_key: string;
  mode: KeyMode;
  expires_at: string | null;
  revoked_at: string | null;
  plan: "free" | "paid";
}

function toCachedKey(row: CachedKeyRow): CachedApiKey {
  return {
    keyId: row.key_id,
    platformId: row.platform_id,
    publishableKey: row.publishable_key,
    mode: row.mode,
    preview: row.mode === "test" && row.plan === "free",
    liveWithoutPlan: row.mode === "live" && row.plan === "free",
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
  };
}

export async function loadCachedApiKey(db: D1Database, secretHash: string): Promise<CachedApiKey | null> {
  const row = await db.prepare(`${CACHED_KEY_SELECT} WHERE k.secret_hash = ?1`).bind(secretHash).first<CachedKeyRow>();
  return row ? toCachedKey(row) : null;
}

/** The key pair a publishable key belongs to (revoked ones included: a pk only names the tenant). */
export async function loadCachedApiKeyByPublishableKey(db: D1Database, publishableKey: string): Promise<CachedApiKey | null> {
  const row = await db.prepare(`${CACHED_KEY_SELECT} WHERE k.publishable_key = ?1`).bind(publishableKey).first<CachedKeyRow>();
  return row ? toCachedKey(row) : null;
}

/** Every key of a platform as api-multi caches it, with the hash its KV entry is stored under. */
export async function listCachedApiKeys(db: D1Database, platformId: string): Promise<{ secretHash: string; key: CachedApiKey }[]> {
  const { results } = await db.prepare(`${CACHED_KEY_SELECT} WHERE k.platform_id = ?1`).bind(platformId).all<CachedKeyRow>();
  return results.map((row) => ({ secretHash: row.secret_hash, key: toCachedKey(row) }));
}

/**
 * Retires a current key: revoked now (no grace) or expiring at `expiresAt`.
 * Only a key that is still current is touched, so two racing rotations
 * cannot both retire it.
 */
export function retireApiKeyStatement(db: D1Database, input: { platformId: string; keyId: string; now: string; expiresAt: string | null }): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE api_keys SET expires_at = ?3, revoked_at = IIF(?3 IS NULL, ?4, NULL)
       WHERE platform_id = ?1 AND key_id = ?2 AND revoked_at IS NULL AND expires_at IS NULL`,
    )
    .bind(input.platformId, input.keyId, input.expiresAt, input.now);
}

/**
 * Revokes one of a platform's keys now, whether current or in its grace
 * period. Only a key that still works is touched (meta.changes 0 otherwise:
 * unknown, another platform's, already revoked or expired).
 */
export function revokeApiKeyStatement(db: D1Database, input: { platformId: string; keyId: string; now: string }): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE api_keys SET revoked_at = ?3
       WHERE platform_id = ?1 AND key_id = ?2 AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?3)`,
    )
    .bind(input.platformId, input.keyId, input.now);
}
