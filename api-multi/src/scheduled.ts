/**
 * api-multi's cron (wrangler.jsonc `triggers.crons`, hourly): deletes
 * idempotency keys past their 24 h window, so the table holds about one
 * day of keyed track calls; and adds the Clerk memberships of end-users who
 * belonged to a developer before organizations (migration 0015), a batch
 * per run until none is left; deletes request-log lines older than 7 days
 * and outbound webhook events (with their delivery logs) older than 30 days.
 */
import { pruneExpiredIdempotencyKeys, pruneRequestLogs, pruneWebhookEvents } from "@dream-api/shared/db";
import { backfillMemberships } from "./services/customers/memberships";

/** Memberships added per run, one at a time, so a run stays well inside the Backend API rate limit of Clerk. */
export const MEMBERSHIP_BACKFILL_BATCH = 100;

/** How long outbound events and their delivery attempts are kept. */
export const WEBHOOK_EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

export async function runScheduled(controller: Pick<ScheduledController, "scheduledTime" | "cron">, env: Env): Promise<void> {
  const now = new Date(controller.scheduledTime);
  const deleted = await pruneExpiredIdempotencyKeys(env.DB, now);
  console.log(`[cron ${controller.cron}] pruned ${deleted} expired idempotency keys`);
  const logLines = await pruneRequestLogs(env.DB, now);
  console.log(`[cron ${controller.cron}] pruned ${logLines} request-log lines older than 7 days`);
  const events = await pruneWebhookEvents(env.DB, new Date(now.getTime() - WEBHOOK_EVENT_RETENTION_MS).toISOString());
  console.log(`[cron ${controller.cron}] pruned ${events} webhook events older than 30 days`);
  const backfill = await backfillMemberships(env, now, MEMBERSHIP_BACKFILL_BATCH);
  if (backfill.added + backfill.failed > 0) console.log(`[cron ${controller.cron}] memberships: ${backfill.added} added, ${backfill.failed} to retry`);
}
