/**
 * Billing period arithmetic. Stripe counts periods from the billing cycle
 * anchor and clamps to the month end (anchor Jan 31 → Feb 28 → Mar 31), so a
 * period end is computed from the anchor, never by chaining from the last end.
 */
export type Interval = "day" | "week" | "month" | "year";

export const INTERVALS: readonly Interval[] = ["day", "week", "month", "year"];

const DAY = 86_400;

/** Unix seconds of the boundary `n` intervals after `anchor`. */
export function periodBoundary(anchor: number, interval: Interval, count: number, n: number): number {
  if (interval === "day") return anchor + DAY * count * n;
  if (interval === "week") return anchor + 7 * DAY * count * n;
  const start = new Date(anchor * 1000);
  const months = (interval === "year" ? 12 : 1) * count * n;
  const monthIndex = start.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(start.getUTCFullYear(), monthIndex + 1, 0)).getUTCDate();
  const boundary = Date.UTC(start.getUTCFullYear(), monthIndex, Math.min(start.getUTCDate(), lastDay), start.getUTCHours(), start.getUTCMinutes(), start.getUTCSeconds());
  return Math.floor(boundary / 1000);
}

/** First boundary strictly after `current`. */
export function nextBoundary(anchor: number, interval: Interval, count: number, current: number): number {
  for (let n = 1; ; n++) {
    const boundary = periodBoundary(anchor, interval, count, n);
    if (boundary > current) return boundary;
  }
}
