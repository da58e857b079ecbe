/**
 * The one counting rule of dream-api, shared by end-user usage
 * (usage_counts) and developer metering (platform_usage): a counter row per
 * subject holding (period_start, period_end, usage_count). An UPSERT adds
 * `excluded.usage_count` and stores `excluded.updated_at` (= now):
 *
 * - the count starts over once the stored period has ended (now >= period_end);
 * - otherwise it carries on, and the row takes the period that applies now
 *   (a calendar month, or the subscription's period after an upgrade — so an
 *   upgrade mid-period keeps the count) — unless that period lies entirely
 *   before the stored one (a late request from an older period never
 *   reopens it);
 * - nothing is written when the new count would pass `limitSql` (NULL =
 *   unlimited).
 *
 * As one statement it is atomic on D1's single writer: no overshoot under
 * any concurrency. `counterAfter` below is the same rule in TypeScript, for
 * reads.
 */
export function periodCounterConflictClause(options: {
  table: string;
  keyColumns: string[];
  limitSql: string;
  extraSets?: string[];
  /** Replaces the limit guard when admission depends on more than the count (credits, db/usage.ts). */
  admitSql?: string;
}): string {
  const { table, keyColumns, limitSql } = options;
  const ended = `excluded.updated_at >= ${table}.period_end`;
  const keepStoredPeriod = `(NOT (${ended}) AND excluded.period_end <= ${table}.period_start)`;
  const newCount = `excluded.usage_count + IIF(${ended}, 0, ${table}.usage_count)`;
  const sets = [
    `usage_count = ${newCount}`,
    `period_start = IIF(${keepStoredPeriod}, ${table}.period_start, excluded.period_start)`,
    `period_end = IIF(${keepStoredPeriod}, ${table}.period_end, excluded.period_end)`,
    `updated_at = excluded.updated_at`,
    ...(options.extraSets ?? []),
  ];
  return `ON CONFLICT (${keyColumns.join(", ")}) DO UPDATE SET
  ${sets.join(",\n  ")}
WHERE ${options.admitSql ?? `(${limitSql}) IS NULL OR ${newCount} <= (${limitSql})`}`;
}

export interface StoredCounter {
  count: number | null;
  periodStart: string | null;
  periodEnd: string | null;
}

/** What a counter reads as at `now` (ISO) when `applicable` is the period that applies now: the SQL rule above, without the increment. */
export function counterAfter(stored: StoredCounter, applicable: { start: string; end: string }, now: string): { count: number; start: string; end: string } {
  const live = stored.periodEnd !== null && stored.periodStart !== null && now < stored.periodEnd;
  if (live && applicable.end <= stored.periodStart!) return { count: stored.count ?? 0, start: stored.periodStart!, end: stored.periodEnd! };
  return { count: live ? (stored.count ?? 0) : 0, start: applicable.start, end: applicable.end };
}
