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

export async function findApiKeyBySecretHash(db: D1Database, secretHash: string): Promise<ApiKeyRecord | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM api_keys WHERE secret_hash = ?1`).bind(secretHash).first<ApiKeyRow>();
  return row ? toApiKey(row) : null;
}

export async function findApiKeyByPublishableKey(db: D1Database, publishableKey: string): Promise<ApiKeyRecord | null> {
  const row = await db
    .prepare(`SELECT ${COLUMNS} FROM api_keys WHERE publishable_key = ?1`)
    .bind(publishableKey)
    .first<ApiKeyRow>();
  return row ? toApiKey(row) : null;
}

export async function listApiKeys(db: D1Database, platformId: string): Promise<ApiKeyRecord[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM api_keys WHERE platform_id = ?1 ORDER BY created_at DESC, key_id`)
    .bind(platformId)
    .all<ApiKeyRow>();
  return results.map(toApiKey);
}

export function insertApiKeyStatement(
  db: D1Database,
  input: { keyId: string; platformId: string; pair: IssuedKeyPair; createdAt: string },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO api_keys (key_id, platform_id, mode, publishable_key, secret_hash, secret_prefix, created_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`,
    )
    .bind(input.keyId, input.platformId, input.pair.mode, input.pair.publishableKey, input.pair.secretHash, input.pair.secretPrefix, input.createdAt);
}
