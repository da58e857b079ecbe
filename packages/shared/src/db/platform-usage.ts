/**
 * Developer metering in platform_usage (free 5 / paid 500 calls a month by
 * default): the same single-statement guarded counting as end-user usage,
 * with the limit read from the developer's stored plan in that statement.
 */
import type { BillingPeriod } from "../periods";
import { periodCounterConflictClause } from "./period-counter";
import { type PeriodUsage, periodUsageFromCounter } from "./usage";

export interface PlatformLimits {
  free: number;
  paid: number;
}

const METER_SQL = `
WITH p AS (SELECT plan, IIF(plan = 'paid', ?5, ?6) AS lim FROM platforms WHERE developer_id = ?1)
INSERT INTO platform_usage (developer_id, period_start, period_end, usage_count, updated_at)
SELECT ?1, ?2, ?3, 1, ?4 FROM p WHERE 1 <= p.lim
${periodCounterConflictClause({ table: "platform_usage", keyColumns: ["developer_id"], limitSql: "SELECT lim FROM p" })}
RETURNING usage_count, period_start, period_end, (SELECT plan FROM p) AS plan, (SELECT lim FROM p) AS usage_limit`;

interface MeterRow {
  usage_count: number;
  period_start: string;
  period_end: string;
  plan: string;
  usage_limit: number;
}

/** Counts one metered call; null when the developer is at the limit (nothing counted). */
export async function meterPlatformCall(db: D1Database, input: { developerId: string; period: BillingPeriod; now: string; limits: PlatformLimits }): Promise<PeriodUsage | null> {
  const row = await db.prepare(METER_SQL).bind(input.developerId, input.period.start, input.period.end, input.now, input.limits.paid, input.limits.free).first<MeterRow>();
  if (!row) return null;
  return {
    count: row.usage_count,
    limit: row.usage_limit,
    remaining: Math.max(0, row.usage_limit - row.usage_count),
    plan: row.plan,
    periodStart: row.period_start,
    periodEnd: row.period_end,
  };
}

/** The developer's metered usage this period, without counting. */
export async function readPlatformUsage(db: D1Database, input: { developerId: string; plan: string; period: BillingPeriod; now: Date; limits: PlatformLimits }): Promise<PeriodUsage> {
  const row = await db
    .prepare("SELECT usage_count, period_start, period_end FROM platform_usage WHERE developer_id = ?1")
    .bind(input.developerId)
    .first<{ usage_count: number; period_start: string; period_end: string }>();
  return periodUsageFromCounter(
    {
      plan: input.plan,
      limit: input.plan === "paid" ? input.limits.paid : input.limits.free,
      count: row?.usage_count ?? null,
      periodStart: row?.period_start ?? null,
      periodEnd: row?.period_end ?? null,
    },
    input.period,
    input.now,
  );
}
