/**
 * Usage counting — the one module that writes usage_counts, so that moving
 * hot counters to per-tenant D1 or Durable Objects later stays local
 * (DESIGN §6).
 *
 * `trackUsageStatement` is the whole check-and-increment: a single
 * INSERT … ON CONFLICT DO UPDATE … WHERE … RETURNING (period-counter.ts)
 * that reads the user's plan and the plan's limit in the same statement.
 */
import type { BillingPeriod } from "../periods";
import { periodCounterConflictClause } from "./period-counter";

export interface Usage {
  count: number;
  limit: number | null;
  remaining: number | null;
  plan: string;
  periodStart: string;
  periodEnd: string;
}

const TRACK_SQL = `
WITH u AS (
  SELECT e.plan AS plan, t.monthly_limit AS lim
  FROM end_users e
  JOIN tiers t ON t.platform_id = e.platform_id AND t.name = e.plan
  WHERE e.platform_id = ?1 AND e.user_id = ?2
)
INSERT INTO usage_counts (platform_id, user_id, period_start, period_end, usage_count, plan, usage_limit, updated_at)
SELECT ?1, ?2, ?3, ?4, ?5, u.plan, u.lim, ?6 FROM u WHERE u.lim IS NULL OR ?5 <= u.lim
${periodCounterConflictClause({
  table: "usage_counts",
  keyColumns: ["platform_id", "user_id"],
  limitSql: "excluded.usage_limit",
  extraSets: ["plan = excluded.plan", "usage_limit = excluded.usage_limit"],
})}
RETURNING usage_count, usage_limit, plan, period_start, period_end`;

interface TrackRow {
  usage_count: number;
  usage_limit: number | null;
  plan: string;
  period_start: string;
  period_end: string;
}

export interface TrackInput {
  platformId: string;
  userId: string;
  amount: number;
  period: BillingPeriod;
  now: string;
}

export function trackUsageStatement(db: D1Database, input: TrackInput): D1PreparedStatement {
  return db
    .prepare(TRACK_SQL)
    .bind(input.platformId, input.userId, input.period.start, input.period.end, input.amount, input.now);
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
 * The usage object for a stored counter read at `period`: a counter from an
 * older period counts as 0 in the current one.
 */
export function usageFromCounter(
  counter: { plan: string; limit: number | null; count: number | null; periodStart: string | null; periodEnd: string | null },
  period: BillingPeriod,
): Usage {
  const current = counter.periodStart !== null && counter.periodStart >= period.start;
  const count = current ? (counter.count ?? 0) : 0;
  return {
    count,
    limit: counter.limit,
    remaining: counter.limit === null ? null : Math.max(0, counter.limit - count),
    plan: counter.plan,
    periodStart: current && counter.periodStart ? counter.periodStart : period.start,
    periodEnd: current && counter.periodEnd ? counter.periodEnd : period.end,
  };
}

/** Calls counted this period across a platform's end-users. */
export async function sumUsageThisPeriod(db: D1Database, platformId: string, period: BillingPeriod): Promise<number> {
  const row = await db
    .prepare("SELECT COALESCE(SUM(usage_count), 0) AS total FROM usage_counts WHERE platform_id = ?1 AND period_start >= ?2")
    .bind(platformId, period.start)
    .first<{ total: number }>();
  return row?.total ?? 0;
}
