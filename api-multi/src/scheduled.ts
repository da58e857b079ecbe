/**
 * api-multi's cron (wrangler.jsonc `triggers.crons`, hourly): deletes
 * idempotency keys past their 24 h window, so the table holds about one
 * day of keyed track calls.
 */
import { pruneExpiredIdempotencyKeys } from "@dream-api/shared/db";

export async function runScheduled(controller: Pick<ScheduledController, "scheduledTime" | "cron">, env: Env): Promise<void> {
  const deleted = await pruneExpiredIdempotencyKeys(env.DB, new Date(controller.scheduledTime));
  console.log(`[cron ${controller.cron}] pruned ${deleted} expired idempotency keys`);
}
