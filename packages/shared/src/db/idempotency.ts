/**
 * Idempotency keys for track calls (24 h). A request reserves a key in the
 * same batch as its count (the count is guarded by "this request holds the
 * key"), so a retry with the same key can never count again; the response
 * is stored afterwards and replayed to later requests with that key.
 */
import type { Tenant } from "../ids";

export const IDEMPOTENCY_WINDOW_MS = 24 * 3600 * 1000;

export interface StoredIdempotentResponse {
  requestId: string;
  requestHash: string;
  status: number | null;
  body: string | null;
  createdAt: string;
}

/** Reserves `key` for this request unless a live (< 24 h) reservation exists; an expired one is taken over. */
export function reserveIdempotencyKeyStatement(db: D1Database, input: Tenant & { key: string; requestId: string; requestHash: string; now: Date }): D1PreparedStatement {
  const expiredBefore = new Date(input.now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString();
  return db
    .prepare(
      `INSERT INTO idempotency_keys (platform_id, mode, idempotency_key, request_id, request_hash, created_at)
       VALUES (?1, ?7, ?2, ?3, ?4, ?5)
       ON CONFLICT (platform_id, mode, idempotency_key) DO UPDATE SET
         request_id = excluded.request_id, request_hash = excluded.request_hash,
         response_status = NULL, response_body = NULL, created_at = excluded.created_at
       WHERE idempotency_keys.created_at <= ?6`,
    )
    .bind(input.platformId, input.key, input.requestId, input.requestHash, input.now.toISOString(), expiredBefore, input.mode);
}

export async function readIdempotencyKey(db: D1Database, tenant: Tenant, key: string): Promise<StoredIdempotentResponse | null> {
  const row = await db
    .prepare("SELECT request_id, request_hash, response_status, response_body, created_at FROM idempotency_keys WHERE platform_id = ?1 AND mode = ?2 AND idempotency_key = ?3")
    .bind(tenant.platformId, tenant.mode, key)
    .first<{ request_id: string; request_hash: string; response_status: number | null; response_body: string | null; created_at: string }>();
  return row ? { requestId: row.request_id, requestHash: row.request_hash, status: row.response_status, body: row.response_body, createdAt: row.created_at } : null;
}

export async function storeIdempotentResponse(db: D1Database, input: Tenant & { key: string; requestId: string; status: number; body: string }): Promise<void> {
  await db
    .prepare("UPDATE idempotency_keys SET response_status = ?4, response_body = ?5 WHERE platform_id = ?1 AND mode = ?6 AND idempotency_key = ?2 AND request_id = ?3")
    .bind(input.platformId, input.key, input.requestId, input.status, input.body, input.mode)
    .run();
}

/**
 * Gives a key up again: the request holding it failed before counting
 * anything (its count and reservation share one batch, and any later
 * failure counts nothing), so a retry with the key may run afresh.
 */
export async function releaseIdempotencyKey(db: D1Database, input: Tenant & { key: string; requestId: string }): Promise<void> {
  await db
    .prepare("DELETE FROM idempotency_keys WHERE platform_id = ?1 AND mode = ?4 AND idempotency_key = ?2 AND request_id = ?3 AND response_status IS NULL")
    .bind(input.platformId, input.key, input.requestId, input.mode)
    .run();
}

/**
 * Deletes keys older than the 24 h window, `batchSize` rows per statement
 * (each D1 statement stays short), until none is left or `maxBatches` ran.
 * Returns how many were deleted.
 */
export async function pruneExpiredIdempotencyKeys(db: D1Database, now: Date, options: { batchSize?: number; maxBatches?: number } = {}): Promise<number> {
  const expiredBefore = new Date(now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString();
  const batchSize = options.batchSize ?? 5_000;
  let deleted = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch++) {
    const result = await db.prepare("DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE created_at <= ?1 LIMIT ?2)").bind(expiredBefore, batchSize).run();
    deleted += result.meta.changes;
    if (result.meta.changes < batchSize) break;
  }
  return deleted;
}
