/**
 * D1 access for request_logs: api-multi's request log, one row per request
 * that authenticated a platform, kept REQUEST_LOG_RETENTION_MS. Rows are
 * written by the queue consumer a batch at a time (never on the hot path)
 * and read by the developer, always scoped by the authenticated tenant
 * (platformId and mode).
 */
import type { KeyMode, Tenant } from "../ids";

/** How long a request's line is kept: the cron deletes older ones. */
export const REQUEST_LOG_RETENTION_MS = 7 * 24 * 3600 * 1000;

export interface RequestLogRecord {
  requestId: string;
  platformId: string;
  mode: KeyMode;
  /** The request's clock reading (ISO 8601). */
  time: string;
  method: string;
  /** The matched route pattern. */
  route: string;
  status: number;
  errorCode: string | null;
  userId: string | null;
  latencyMs: number;
  /** A secret key's display prefix, "dashboard" or "end-user session". */
  caller: string;
}

interface RequestLogRow {
  request_id: string;
  platform_id: string;
  mode: KeyMode;
  time: string;
  method: string;
  route: string;
  status: number;
  error_code: string | null;
  user_id: string | null;
  latency_ms: number;
  caller: string;
}

const COLUMNS = "request_id, platform_id, mode, time, method, route, status, error_code, user_id, latency_ms, caller";

function toRecord(row: RequestLogRow): RequestLogRecord {
  return {
    requestId: row.request_id,
    platformId: row.platform_id,
    mode: row.mode,
    time: row.time,
    method: row.method,
    route: row.route,
    status: row.status,
    errorCode: row.error_code,
    userId: row.user_id,
    latencyMs: row.latency_ms,
    caller: row.caller,
  };
}

/**
 * The statements that insert `records`, for one `DB.batch` (all land or
 * none). A request id already stored is ignored, so a queue batch delivered
 * twice writes each line once.
 */
export function insertRequestLogStatements(db: D1Database, records: readonly RequestLogRecord[]): D1PreparedStatement[] {
  const insert = db.prepare(`INSERT OR IGNORE INTO request_logs (${COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)`);
  return records.map((r) => insert.bind(r.requestId, r.platformId, r.mode, r.time, r.method, r.route, r.status, r.errorCode, r.userId, r.latencyMs, r.caller));
}

/** Where a page of the log ends: the sort key of its last (oldest) row. */
export interface RequestLogCursor {
  time: string;
  requestId: string;
}

export interface RequestLogFilter {
  /** Inclusive status range: one code (200–200) or a class (400–499). */
  status?: { from: number; to: number } | undefined;
  /** As stored (an email-shaped userId is stored hashed: pass the same hash). */
  userId?: string | undefined;
  route?: string | undefined;
}

/** One page of a tenant's log, newest first, and the cursor of the next page (null: this is the last). */
export async function listRequestLogs(
  db: D1Database,
  tenant: Tenant,
  options: { limit: number; after?: RequestLogCursor | undefined; filter?: RequestLogFilter },
): Promise<{ logs: RequestLogRecord[]; next: RequestLogCursor | null }> {
  const { after, filter = {} } = options;
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM request_logs
       WHERE platform_id = ?1 AND mode = ?2
         AND (?3 IS NULL OR time < ?3 OR (time = ?3 AND request_id < ?4))
         AND (?5 IS NULL OR status BETWEEN ?5 AND ?6)
         AND (?7 IS NULL OR user_id = ?7)
         AND (?8 IS NULL OR route = ?8)
       ORDER BY time DESC, request_id DESC LIMIT ?9`,
    )
    .bind(
      tenant.platformId,
      tenant.mode,
      after?.time ?? null,
      after?.requestId ?? null,
      filter.status?.from ?? null,
      filter.status?.to ?? null,
      filter.userId ?? null,
      filter.route ?? null,
      options.limit + 1,
    )
    .all<RequestLogRow>();
  const logs = results.slice(0, options.limit).map(toRecord);
  const last = logs.at(-1);
  return { logs, next: results.length > options.limit && last ? { time: last.time, requestId: last.requestId } : null };
}

/** One line of a tenant's log, or null (unknown, another tenant's or another mode's). */
export async function getRequestLog(db: D1Database, tenant: Tenant, requestId: string): Promise<RequestLogRecord | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM request_logs WHERE request_id = ?1 AND platform_id = ?2 AND mode = ?3`).bind(requestId, tenant.platformId, tenant.mode).first<RequestLogRow>();
  return row ? toRecord(row) : null;
}

/**
 * Deletes lines older than the retention, `batchSize` rows per statement
 * (each D1 statement stays short), until none is left or `maxBatches` ran.
 * Returns how many were deleted.
 */
export async function pruneRequestLogs(db: D1Database, now: Date, options: { batchSize?: number; maxBatches?: number } = {}): Promise<number> {
  const olderThan = new Date(now.getTime() - REQUEST_LOG_RETENTION_MS).toISOString();
  const batchSize = options.batchSize ?? 5_000;
  let deleted = 0;
  for (let batch = 0; batch < (options.maxBatches ?? 100); batch++) {
    const result = await db.prepare("DELETE FROM request_logs WHERE rowid IN (SELECT rowid FROM request_logs WHERE time < ?1 LIMIT ?2)").bind(olderThan, batchSize).run();
    deleted += result.meta.changes;
    if (result.meta.changes < batchSize) break;
  }
  return deleted;
}
