/**
 * api-multi's cron (wrangler.jsonc `triggers.crons`, hourly): deletes
 * idempotency keys past their 24 h window, so the table holds about one
 * day of keyed track calls; and adds the Clerk memberships of end-users who
 * belonged to a developer before organizations (migration 0015), a batch
 * per run until none is left; deletes request-log lines older than 7 days
 * and outbound webhook events (with their delivery logs) older than 30 days;
 * and re-enqueues webhook deliveries whose queue message was lost.
 */
import { overdueWebhookDeliveries, pruneExpiredIdempotencyKeys, pruneRequestLogs, pruneWebhookEvents } from "@dream-api/shared/db";
import type { WebhookQueueMessage } from "./events/emit";
import { backfillMemberships } from "./services/customers/memberships";

/** Memberships added per run, one at a time, so a run stays well inside the Backend API rate limit of Clerk. */
export const MEMBERSHIP_BACKFILL_BATCH = 100;

/** How long outbound events and their delivery attempts are kept. */
export const WEBHOOK_EVENT_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** A pending delivery untouched this long after its attempt was due has lost its queue message. */
export const WEBHOOK_DELIVERY_OVERDUE_MS = 15 * 60 * 1000;
/** Deliveries re-enqueued per run (a queue batch holds at most 100 messages). */
export const WEBHOOK_SWEEP_BATCH = 100;

export async function runScheduled(controller: Pick<ScheduledController, "scheduledTime" | "cron">, env: Env): Promise<void> {
  const now = new Date(controller.scheduledTime);
  const deleted = await pruneExpiredIdempotencyKeys(env.DB, now);
  console.log(`[cron ${controller.cron}] pruned ${deleted} expired idempotency keys`);
  const logLines = await pruneRequestLogs(env.DB, now);
  console.log(`[cron ${controller.cron}] pruned ${logLines} request-log lines older than 7 days`);
  const events = await pruneWebhookEvents(env.DB, new Date(now.getTime() - WEBHOOK_EVENT_RETENTION_MS).toISOString());
  console.log(`[cron ${controller.cron}] pruned ${events} webhook events older than 30 days`);
  const overdue = await overdueWebhookDeliveries(env.DB, new Date(now.getTime() - WEBHOOK_DELIVERY_OVERDUE_MS).toISOString(), WEBHOOK_SWEEP_BATCH);
  if (overdue.length > 0) {
    await env.WEBHOOK_QUEUE.sendBatch(overdue.map(({ deliveryId, attempt }) => ({ body: { kind: "attempt", deliveryId, attempt } satisfies WebhookQueueMessage })));
    console.log(`[cron ${controller.cron}] re-enqueued ${overdue.length} overdue webhook deliveries`);
  }
  const backfill = await backfillMemberships(env, now, MEMBERSHIP_BACKFILL_BATCH);
  if (backfill.added + backfill.failed > 0) console.log(`[cron ${controller.cron}] memberships: ${backfill.added} added, ${backfill.failed} to retry`);
}
