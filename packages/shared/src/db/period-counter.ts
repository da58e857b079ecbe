/**
 * The one counting rule of dream-api, shared by end-user usage
 * (usage_counts) and developer metering (platform_usage): a counter row per
 * subject holding (period_start, period_end, usage_count). An UPSERT adds
 * `excluded.usage_count` to the stored count — or starts over when a newer
 * period begins — and only while the result stays within `limitSql`
 * (NULL = unlimited). A late request from an older period never reopens it.
 * As one statement it is atomic on D1's single writer: no overshoot under
 * any concurrency.
 */
export function periodCounterConflictClause(options: { table: string; keyColumns: string[]; limitSql: string; extraSets?: string[] }): string {
  const { table, keyColumns, limitSql } = options;
  const newCount = `excluded.usage_count + IIF(${table}.period_start < excluded.period_start, 0, ${table}.usage_count)`;
  const sets = [
    `usage_count = ${newCount}`,
    `period_start = MAX(${table}.period_start, excluded.period_start)`,
    `period_end = MAX(${table}.period_end, excluded.period_end)`,
    `updated_at = excluded.updated_at`,
    ...(options.extraSets ?? []),
  ];
  return `ON CONFLICT (${keyColumns.join(", ")}) DO UPDATE SET
  ${sets.join(",\n  ")}
WHERE (${limitSql}) IS NULL OR ${newCount} <= (${limitSql})`;
}
