/**
 * Usage counting — the one module that writes usage_counts, so that moving
 * hot counters to per-tenant D1 or Durable Objects later stays local
 * (DESIGN §6).
 *
 * `trackUsageStatement` is the whole check-and-increment within the
 * period's allowance: a single INSERT … ON CONFLICT DO UPDATE … WHERE …
 * RETURNING (period-counter.ts) that reads the user's plan and the plan's
 * limit in the same statement. When the allowance cannot cover a call,
 * `trackWithCreditsStatements` counts it against allowance plus unexpired
 * credits and spends the credits, in one batch (credits.ts).
 */
import type { Tenant } from "../ids";
import { calendarMonthPeriod, type BillingPeriod } from "../periods";
import { creditBalanceSql, spendCreditsStatement } from "./credits";
import { counterAfter, periodCounterConflictClause, type StoredCounter } from "./period-counter";

/** What a counting statement returns: the usage after it, and how many credits it spent. */
export type CountedUsage = Usage & { creditsSpent: number };

/** A count against a monthly limit in a period: a developer's metered calls (platform-usage.ts), and the base of an end-user's usage. */
export interface PeriodUsage {
  count: number;
  limit: number | null;
  remaining: number | null;
  plan: string;
  periodStart: string;
  periodEnd: string;
}

/** An end-user's usage: the period's count, and credits beyond the allowance. */
export interface Usage extends PeriodUsage {
  /** What the allowance has left plus the unexpired credits; null on an unlimited tier. */
  remaining: number | null;
  /** Unexpired credits (spent only once the allowance is used up). */
  credits: number;
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

/** The statement's tenant, user and clock parameters (see trackUsageStatement). */
const BALANCE = creditBalanceSql({ platform: "?1", mode: "?2", user: "?3", now: "?7" });
const ENDED = "excluded.updated_at >= usage_counts.period_end";
/** Of the stored count, the units the allowance paid for (credits paid the rest); 0 once the period has ended. */
const ALLOWANCE_USED = `IIF(${ENDED}, 0, usage_counts.usage_count - usage_counts.credit_count)`;
/** What credits must pay of this call: what the allowance cannot (never on an unlimited tier). */
const CREDIT_TAKE = `IIF(excluded.usage_limit IS NULL, 0, MAX(0, excluded.usage_count - MAX(0, excluded.usage_limit - ${ALLOWANCE_USED})))`;

const userPlanCte = `
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
)`;

const RETURNED = `usage_count, usage_limit, plan, period_start, period_end, credit_count`;

/**
 * Within the allowance: counts only if the allowance covers the whole
 * amount. The units credits already paid for this period raise the ceiling
 * of the count by as much; a new period starts them at 0.
 */
const trackSql = (guard: string) => `${userPlanCte}
INSERT INTO usage_counts (platform_id, mode, user_id, period_start, period_end, usage_count, plan, usage_limit, updated_at, day, day_count)
SELECT ?1, ?2, ?3, u.ps, u.pe, ?6, u.plan, u.lim, ?7, substr(?7, 1, 10), ?6 FROM u WHERE (u.lim IS NULL OR ?6 <= u.lim)${guard}
${periodCounterConflictClause({
  table: "usage_counts",
  keyColumns: ["platform_id", "mode", "user_id"],
  limitSql: `excluded.usage_limit + IIF(${ENDED}, 0, usage_counts.credit_count)`,
  extraSets: ["plan = excluded.plan", "usage_limit = excluded.usage_limit", `credit_count = IIF(${ENDED}, 0, usage_counts.credit_count)`, ...DAY_SETS],
})}
RETURNING ${RETURNED}, ${BALANCE} AS credits`;

/**
 * Past the allowance: counts if allowance plus unexpired credits cover the
 * whole amount, and records what credits pay (credit_take) under this
 * request's id (?8), which the spending statement of the same batch reads.
 */
const creditTrackSql = (guard: string) => `${userPlanCte}
INSERT INTO usage_counts (platform_id, mode, user_id, period_start, period_end, usage_count, plan, usage_limit, updated_at, day, day_count, credit_count, credit_take, credit_take_request)
SELECT ?1, ?2, ?3, u.ps, u.pe, ?6, u.plan, u.lim, ?7, substr(?7, 1, 10), ?6, IIF(u.lim IS NULL, 0, MAX(0, ?6 - u.lim)), IIF(u.lim IS NULL, 0, MAX(0, ?6 - u.lim)), ?8
FROM u WHERE (u.lim IS NULL OR ?6 <= u.lim OR ?6 - u.lim <= ${BALANCE})${guard}
${periodCounterConflictClause({
  table: "usage_counts",
  keyColumns: ["platform_id", "mode", "user_id"],
  limitSql: "excluded.usage_limit",
  admitSql: `excluded.usage_limit IS NULL OR ${CREDIT_TAKE} <= ${BALANCE}`,
  extraSets: [
    "plan = excluded.plan",
    "usage_limit = excluded.usage_limit",
    `credit_count = IIF(${ENDED}, 0, usage_counts.credit_count) + ${CREDIT_TAKE}`,
    `credit_take = ${CREDIT_TAKE}`,
    "credit_take_request = excluded.credit_take_request",
    ...DAY_SETS,
  ],
})}
RETURNING ${RETURNED}, ${BALANCE} - credit_take AS credits, credit_take`;

interface TrackRow {
  usage_count: number;
  usage_limit: number | null;
  plan: string;
  period_start: string;
  period_end: string;
  credit_count: number;
  credits: number;
  credit_take?: number;
}

/** Counts only if this request (?9 / ?10) holds the idempotency key (?8 / ?9): a key reserved by an earlier request blocks the count. */
const holdsKey = (key: string, request: string) =>
  ` AND EXISTS (SELECT 1 FROM idempotency_keys k WHERE k.platform_id = ?1 AND k.mode = ?2 AND k.idempotency_key = ${key} AND k.request_id = ${request})`;
const TRACK_SQL = trackSql("");
const IDEMPOTENT_TRACK_SQL = trackSql(holdsKey("?8", "?9"));
const CREDIT_TRACK_SQL = creditTrackSql("");
const IDEMPOTENT_CREDIT_TRACK_SQL = creditTrackSql(holdsKey("?9", "?10"));

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
 * The count past the allowance, for a DB.batch: the counting statement
 * (admitted only if allowance plus unexpired credits cover the amount) and
 * the statement that spends what it took from credits, expiring-first.
 * `requestId` ties the two together: the spending reads only this
 * request's take. Read the outcome with `firstTrackRow` on the first result.
 */
export function trackWithCreditsStatements(db: D1Database, input: TrackInput & { requestId: string }): [D1PreparedStatement, D1PreparedStatement] {
  const params = [input.platformId, input.mode, input.userId, input.period.start, input.period.end, input.amount, input.now, input.requestId];
  const count = input.idempotency ? db.prepare(IDEMPOTENT_CREDIT_TRACK_SQL).bind(...params, input.idempotency.key, input.idempotency.requestId) : db.prepare(CREDIT_TRACK_SQL).bind(...params);
  return [count, spendCreditsStatement(db, input, { fromTrackRequest: input.requestId })];
}

/**
 * Runs the counting statement. Returns the usage after the increment, or
 * null when nothing was counted: the user is unknown, its plan names no
 * tier, or the amount would pass the limit — the caller tells which apart on
 * the (cold) rejection path.
 */
export async function trackUsage(db: D1Database, input: TrackInput): Promise<CountedUsage | null> {
  const row = await trackUsageStatement(db, input).first<TrackRow>();
  return row ? trackRowToUsage(row) : null;
}

export function trackRowToUsage(row: TrackRow): CountedUsage {
  return {
    count: row.usage_count,
    limit: row.usage_limit,
    remaining: remainingOf(row.usage_limit, row.usage_count, row.credit_count, row.credits),
    credits: row.credits,
    plan: row.plan,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    creditsSpent: row.credit_take ?? 0,
  };
}

/** What the allowance has left (its part of `count` is count − creditCount) plus the credits; null when unlimited. */
function remainingOf(limit: number | null, count: number, creditCount: number, credits: number): number | null {
  return limit === null ? null : Math.max(0, limit - (count - creditCount)) + credits;
}

export function firstTrackRow(result: D1Result<unknown>): CountedUsage | null {
  const row = (result.results as TrackRow[] | undefined)?.[0];
  return row ? trackRowToUsage(row) : null;
}

/**
 * The usage object for a stored counter read at `now`, when `applicable` is
 * the period that applies now (same rule as the counting statement): an
 * ended period counts as 0.
 */
export function usageFromCounter(counter: StoredCounter & { plan: string; limit: number | null; creditCount: number | null; credits: number }, applicable: BillingPeriod, now: Date): Usage {
  const usage = periodUsageFromCounter(counter, applicable, now);
  // An ended period's count reads as 0, and so does what credits paid of it.
  const creditCount = usage.count === 0 ? 0 : (counter.creditCount ?? 0);
  return { ...usage, remaining: remainingOf(counter.limit, usage.count, creditCount, counter.credits), credits: counter.credits };
}

/** The same rule without credits: a developer's metered calls. */
export function periodUsageFromCounter(counter: StoredCounter & { plan: string; limit: number | null }, applicable: BillingPeriod, now: Date): PeriodUsage {
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
      `SELECT e.plan, t.name AS tier_name, t.monthly_limit AS lim, u.usage_count, u.period_start, u.period_end, u.credit_count,
              s.current_period_start AS sub_start, s.current_period_end AS sub_end,
              ${creditBalanceSql({ platform: "e.platform_id", mode: "e.mode", user: "e.user_id", now: "?4" })} AS credits
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
      credit_count: number | null;
      sub_start: string | null;
      sub_end: string | null;
      credits: number;
    }>();
  if (!row) return null;
  const applicable = row.sub_start && row.sub_end ? { start: row.sub_start, end: row.sub_end } : calendarMonthPeriod(now);
  return {
    ...usageFromCounter(
      { plan: row.plan, limit: row.lim, count: row.usage_count, periodStart: row.period_start, periodEnd: row.period_end, creditCount: row.credit_count, credits: row.credits },
      applicable,
      now,
    ),
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
