/**
 * Usage alerts, decided from the result of the one atomic counting
 * statement: a track's count went from `count − amount` to `count`, and
 * counts of one end-user in one period only grow, each value reached by
 * exactly one request — so the request whose interval holds a threshold's
 * level is the only one that crossed it, however many run at once. No read
 * or write is added to the track: the thresholds come from an isolate cache
 * (30 s), and the event leaves through the queue after the response. The
 * event id is derived from (end-user, period, threshold), so even a second
 * emission (a limit changed mid-period) is stored and delivered once.
 */
import { IsolateCache } from "@dream-api/shared";
import { getUsageAlertThresholds, type Usage } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { emitEvent } from "../../events/emit";

/** How long an isolate keeps a tenant's thresholds: a Settings change reaches every isolate within this. */
export const THRESHOLDS_CACHE_MS = 30_000;

/** A tenant's thresholds as loading, and once loaded (`value`): most tracks then decide synchronously that they crossed nothing. */
const thresholdsByTenant = new IsolateCache<{ loading: Promise<number[]>; value?: number[] }>(THRESHOLDS_CACHE_MS);

/** The count at which a threshold is reached: ⌈threshold × limit⌉, in whole numbers (thresholds have two decimals). */
export function thresholdLevel(threshold: number, limit: number): number {
  const percent = Math.round(threshold * 100);
  return Math.floor((percent * limit + 99) / 100);
}

/** The thresholds this count crossed: those whose level lies in (count − amount, count]. */
export function crossedThresholds(thresholds: readonly number[], usage: Pick<Usage, "count" | "limit">, amount: number): number[] {
  if (usage.limit === null || usage.limit <= 0) return [];
  const before = usage.count - amount;
  return thresholds.filter((threshold) => {
    const level = thresholdLevel(threshold, usage.limit as number);
    return before < level && level <= usage.count;
  });
}

function thresholdsOf(ctx: ServiceContext): { loading: Promise<number[]>; value?: number[] } {
  const key = `${ctx.platformId}:${ctx.mode}`;
  let entry = thresholdsByTenant.get(key);
  if (!entry) {
    const loading = getUsageAlertThresholds(ctx.env.DB, ctx.platformId, ctx.mode);
    const created: { loading: Promise<number[]>; value?: number[] } = { loading };
    thresholdsByTenant.set(key, created);
    loading.then(
      (value) => {
        created.value = value;
      },
      () => thresholdsByTenant.delete(key),
    );
    entry = created;
  }
  return entry;
}

/** After a counted track: emits usage.threshold_reached for each crossed threshold, and usage.limit_reached when the count reached the limit. */
export function noteUsageCrossings(ctx: ServiceContext, userId: string, usage: Usage, amount: number): void {
  if (usage.limit === null || usage.limit <= 0) return;
  const limit = usage.limit;
  if (usage.count - amount < limit && usage.count >= limit) noteLimitReached(ctx, userId, usage);
  const emitCrossed = (thresholds: readonly number[]) => {
    for (const threshold of crossedThresholds(thresholds, usage, amount)) {
      emitEvent(ctx, "usage.threshold_reached", { userId, threshold, usage }, { userId, onceKey: [userId, usage.periodStart, `threshold:${Math.round(threshold * 100)}`] });
    }
  };
  const thresholds = thresholdsOf(ctx);
  // Loaded: decided now, and a track that crossed nothing hands nothing to waitUntil.
  if (thresholds.value) emitCrossed(thresholds.value);
  else ctx.waitUntil(thresholds.loading.then(emitCrossed));
}

/** The end-user's allowance is used up (its count reached the limit, or a track was refused): once per period. */
export function noteLimitReached(ctx: ServiceContext, userId: string, usage: Usage): void {
  if (usage.limit === null) return;
  emitEvent(ctx, "usage.limit_reached", { userId, usage }, { userId, onceKey: [userId, usage.periodStart, "limit"] });
}

/** Forgets cached thresholds (tests, and Settings changes served by this isolate). */
export function forgetUsageAlertThresholds(): void {
  thresholdsByTenant.clear();
}
