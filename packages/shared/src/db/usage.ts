/**
 * Usage counting — the one module that writes usage_counts, so that moving
 * hot counters to per-tenant D1 or Durable Objects later stays local
 * (DESIGN §6).
 *
 * `trackUsageStatement` is the whole check-and-increment: a single
 * INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING (period-counter.ts)
 * that reads the user's plan and the plan's limit in the same statement.
 */
import type { Tenant } from "../ids";
import { calendarMonthPeriod, type BillingPeriod } from "../periods";
import { counterAfter, periodCounterConflictClause, type StoredCounter } from "./period-counter";

export interface Usage {
  count: number;
  limit: number | null;
  remaining: number | null;
  plan: string;
  periodStart: string;
  periodEnd: string;
}

/**
 * The period that applies is the end-user's active subscription's current
 * period when there is one covering now, else the calendar month (?3, ?4).
 */
/**
 * The end-user's calls of the UTC day it last counted on: a later day starts
 * over (and the usage_daily_on_new_day trigger moves the finished day into
 * usage_daily); a request stamped a moment before the stored day (clocks of
 * two isolates around midnight) counts on the stored day, so a day never
 * moves backwards. SQLite evaluates every SET against the row as it was.
 */
const NEW_DAY = "(usage_counts.day IS NULL OR excluded.day > usage_counts.day)";
const DAY_SETS = [`day_count = IIF(${NEW_DAY}, excluded.day_count, usage_counts.day_count + excluded.day_count)`, `day = IIF(${NEW_DAY}, excluded.day, usage_counts.day)`];

const trackSql = (guard: string) => `
WITH u AS (
  SELECT e.plan AS plan, t.monthly_limit AS lim,
         COALESCE(s.current_period_start, ?4) AS ps, COALESCE(s.current_period_end, ?5) AS pe
  FROM end_users e
  JOIN tiers t ON t.platform_id = e.platform_id AND t.mode = e.mode AND t.name = e.plan
  LEFT JOIN subscriptions s ON s.platform_id = e.platform_id AND s.mode = e.mode AND s.user_id = e.user_id
       AND s.status IN ('active', 'trialing') AND s.current_period_start <= ?7 AND s.current_period_end > ?7
  WHERE e.platform_id = ?1 AND e.mode = ?2 AND e.user_id = ?3
  ORDER BY s.current_period_end DESC
  LIMIT 1
)
INSERT INTO usage_counts (platform_id, mode, user_id, period_start, period_end, usage_count, plan, usage_limit, updated_at, day, day_count)
SELECT ?1, ?2, ?3, u.ps, u.pe, ?6, u.plan, u.lim, ?7, substr(?7, 1, 10), ?6 FROM u WHERE (u.lim IS NULL OR ?6 <= u.lim)${guard}
${periodCounterConflictClause({
  table: "usage_counts",
  keyColumns: ["platform_id", "mode", "user_id"],
  limitSql: "excluded.usage_limit",
  extraSets: ["plan = excluded.plan", "usage_limit = excluded.usage_limit", ...DAY_SETS],
})}
RETURNING usage_count, usage_limit, plan, period_start, period_end`;

interface TrackRow {
  usage_count: number;
  usage_limit: number | null;
  plan: string;
  period_start: string;
  period_end: string;
}

const TRACK_SQL = trackSql("");
/** Counts only if this request (?9) holds the idempotency key (?8): a key reserved by an earlier request blocks the count. */
const IDEMPOTENT_TRACK_SQL = trackSql(" AND EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.platform_id = ?1 AND k.mode = ?2 AND k.idempotency_key = ?8 AND k.request_id = ?9)");

export interface TrackInput extends Tenant {
  userId: string;
  amount: number;
  period: BillingPeriod;
  now: string;
  /** With a key: the count happens only for the request that reserved it (see reserveIdempotencyKeyStatement). */
  idempotency?: { key: string; requestId: string } | undefined;
}

export function trackUsageStatement(db: D1Database, input: TrackInput): D1PreparedStatement {
  const params = [input.platformId, input.mode, input.userId, input.period.start, input.period.end, input.amount, input.now];
  return input.idempotency ? db.prepare(IDEMPOTENT_TRACK_SQL).bind(...params, input.idempotency.key, input.idempotency.requestId) : db.prepare(TRACK_SQL).bind(...params);
}

/**
 * Runs the counting statement. Returns the usage after the increment, or
 * null when nothing was counted: the user is unknown, its plan names no
 * tier, or the amount would pass the limit — the caller tells which apart on
 * the (cold) rejection path.
 */
export async function trackUsage(db: D1Database, input: TrackInput): Promise<Usage | null> {
  const row = await trackUsageStatement(db, input).first<TrackRow>();
  return row ? trackRowToUsage(row) : null;
}

export function trackRowToUsage(row: TrackRow): Usage {
  return {
    count: row.usage_count,
    limit: row.usage_limit,
    remaining: row.usage_limit === null ? null : Math.max(0, row.usage_limit - row.usage_count),
    plan: row.plan,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  };
}

export function firstTrackRow(result: D1Result<unknown>): Usage | null {
  const row = (result.results as TrackRow[] | undefined)?.[0];
  return row ? trackRowToUsage(row) : null;
}

/**
 * The usage object for a stored counter read at `now`, when `applicable` is
 * the period that applies now (same rule as the counting statement): an
 * ended period counts as 0.
 */
export function usageFromCounter(counter: StoredCounter & { plan: string; limit: number | null }, applicable: BillingPeriod, now: Date): Usage {
  const { count, start, end } = counterAfter(counter, applicable, now.toISOString());
  return {
    count,
    limit: counter.limit,
    remaining: counter.limit === null ? null : Math.max(0, counter.limit - count),
    plan: counter.plan,
    periodStart: start,
    periodEnd: end,
  };
}

/** Calls counted in the periods running at `now` across a tenant's end-users. */
export async function sumUsageThisPeriod(db: D1Database, tenant: Tenant, now: Date): Promise<number> {
  const row = await db
    .prepare("SELECT COALESCE(SUM(usage_count), 0) AS total FROM usage_counts WHERE platform_id = ?1 AND mode = ?2 AND period_end > ?3")
    .bind(tenant.platformId, tenant.mode, now.toISOString())
    .first<{ total: number }>();
  return row?.total ?? 0;
}

/** Calls per UTC day over the `days` days up to `now` (zeros filled in), oldest first. */
export async function dailyUsage(db: D1Database, tenant: Tenant, now: Date, days = 30): Promise<{ day: string; calls: number }[]> {
  const first = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - (days - 1)));
  // Finished days are in usage_daily; each end-user's latest day is still on its usage_counts row (migration 0009).
  const { results } = await db
    .prepare(
      `SELECT day, SUM(calls) AS calls FROM (
         SELECT day, calls FROM usage_daily WHERE platform_id = ?1 AND mode = ?2 AND day >= ?3
         UNION ALL
         SELECT day, day_count AS calls FROM usage_counts WHERE platform_id = ?1 AND mode = ?2 AND day >= ?3
       ) GROUP BY day ORDER BY day`,
    )
    .bind(tenant.platformId, tenant.mode, first.toISOString().slice(0, 10))
    .all<{ day: string; calls: number }>();
  const byDay = new Map(results.map((row) => [row.day, row.calls]));
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(first.getTime() + index * 86_400_000).toISOString().slice(0, 10);
    return { day, calls: byDay.get(day) ?? 0 };
  });
}

/**
 * An end-user's usage at `now` without counting: one lean statement (the
 * user's plan and limit, its counter, and the active subscription's period
 * if any) — GET /api/usage's whole storage cost. null: no such end-user.
 */
export async function readUsage(db: D1Database, tenant: Tenant, userId: string, now: Date): Promise<(Usage & { planExists: boolean }) | null> {
  const nowIso = now.toISOString();
  const row = await db
    .prepare(
      `SELECT e.plan, t.name AS tier_name, t.monthly_limit AS lim, u.usage_count, u.period_start, u.period_end,
              s.current_period_start AS sub_start, s.current_period_end AS sub_end
       FROM end_users e
       LEFT JOIN tiers t ON t.platform_id = e.platform_id AND t.mode = e.mode AND t.name = e.plan
       LEFT JOIN usage_counts u ON u.platform_id = e.platform_id AND u.mode = e.mode AND u.user_id = e.user_id
       LEFT JOIN subscriptions s ON s.platform_id = e.platform_id AND s.mode = e.mode AND s.user_id = e.user_id
            AND s.status IN ('active', 'trialing') AND s.current_period_start <= ?4 AND s.current_period_end > ?4
       WHERE e.platform_id = ?1 AND e.mode = ?2 AND e.user_id = ?3
       ORDER BY s.current_period_end DESC
       LIMIT 1`,
    )
    .bind(tenant.platformId, tenant.mode, userId, nowIso)
    .first<{
      plan: string;
      tier_name: string | null;
      lim: number | null;
      usage_count: number | null;
      period_start: string | null;
      period_end: string | null;
      sub_start: string | null;
      sub_end: string | null;
    }>();
  if (!row) return null;
  const applicable = row.sub_start && row.sub_end ? { start: row.sub_start, end: row.sub_end } : calendarMonthPeriod(now);
  return {
    ...usageFromCounter({ plan: row.plan, limit: row.lim, count: row.usage_count, periodStart: row.period_start, periodEnd: row.period_end }, applicable, now),
    planExists: row.tier_name !== null,
  };
}

/**
 * Deleting an end-user's counter: today's calls move into usage_daily first
 * (the trigger that does so at a day change never fires for a deleted row),
 * so the platform's call history keeps them. For a DB.batch with the
 * end-user's delete.
 */
export function deleteUsageCounterStatements(db: D1Database, tenant: Tenant, userId: string): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO usage_daily (platform_id, mode, day, calls)
         SELECT platform_id, mode, day, day_count FROM usage_counts
         WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3 AND day IS NOT NULL AND day_count > 0
         ON CONFLICT (platform_id, mode, day) DO UPDATE SET calls = calls + excluded.calls`,
      )
      .bind(tenant.platformId, tenant.mode, userId),
    db.prepare("DELETE FROM usage_counts WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3").bind(tenant.platformId, tenant.mode, userId),
  ];
}
