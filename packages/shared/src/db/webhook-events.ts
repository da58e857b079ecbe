/**
 * D1 access for the events dream-api sends (migration 0016): each event as
 * signed, its deliveries (one per endpoint) and their attempts, kept 30
 * days. Written only by api-multi's queue consumer, read by the dashboard
 * and the API.
 */
import type { Tenant } from "../ids";

export interface StoredWebhookEvent {
  eventId: string;
  type: string;
  userId: string | null;
  /** The exact JSON body that is signed and posted. */
  payload: string;
  createdAt: string;
}

export interface WebhookAttemptRecord {
  attempt: number;
  attemptedAt: string;
  responseStatus: number | null;
  latencyMs: number;
  responseBody: string | null;
  error: string | null;
}

export interface WebhookDeliveryRecord {
  deliveryId: string;
  eventId: string;
  endpointId: string;
  url: string;
  status: "pending" | "succeeded" | "failed";
  attemptCount: number;
  nextAttemptAt: string | null;
  attempts: WebhookAttemptRecord[];
}

const NEW_DELIVERY_ID = "'wdl_' || lower(hex(randomblob(12)))";

/** Endpoints of the tenant that take `type`: enabled, and subscribed to it (or to every type). */
const SUBSCRIBED = `e.platform_id = ?2 AND e.mode = ?3 AND e.enabled = 1
  AND (e.event_types IS NULL OR EXISTS (SELECT 1 FROM json_each(e.event_types) WHERE json_each.value = ?4))`;

/**
 * Stores an event and creates its deliveries, in one batch (a transaction):
 * to every subscribed endpoint, or to `onlyEndpointId` (a test ping, which
 * any enabled endpoint takes). Deliveries are made only by the emission that
 * stored the event (same `createdAt`): a second emission of an event that
 * must happen once (its id is derived from what makes it unique) stores and
 * delivers nothing; a redelivered queue message finds its deliveries made.
 */
export function storeWebhookEventStatements(db: D1Database, tenant: Tenant, event: StoredWebhookEvent & { onlyEndpointId?: string | undefined }, now: string): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO webhook_events (event_id, platform_id, mode, type, user_id, payload, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (event_id) DO NOTHING`,
      )
      .bind(event.eventId, tenant.platformId, tenant.mode, event.type, event.userId, event.payload, event.createdAt),
    db
      .prepare(
        `INSERT INTO webhook_deliveries (delivery_id, event_id, endpoint_id, platform_id, mode, status, attempt_count, next_attempt_at, created_at, updated_at)
         SELECT ${NEW_DELIVERY_ID}, ?1, e.endpoint_id, ?2, ?3, 'pending', 0, ?6, ?6, ?6 FROM webhook_endpoints e
         WHERE (CASE WHEN ?7 IS NULL THEN ${SUBSCRIBED} ELSE e.platform_id = ?2 AND e.mode = ?3 AND e.enabled = 1 AND e.endpoint_id = ?7 END)
           AND (SELECT created_at FROM webhook_events WHERE event_id = ?1) = ?5
         ON CONFLICT (event_id, endpoint_id) DO NOTHING`,
      )
      .bind(event.eventId, tenant.platformId, tenant.mode, event.type, event.createdAt, now, event.onlyEndpointId ?? null),
  ];
}

/** Deliveries of an event not attempted yet: what the consumer enqueues first attempts for. */
export async function unattemptedDeliveries(db: D1Database, eventId: string): Promise<string[]> {
  const { results } = await db.prepare("SELECT delivery_id FROM webhook_deliveries WHERE event_id = ?1 AND status = 'pending' AND attempt_count = 0").bind(eventId).all<{ delivery_id: string }>();
  return results.map((row) => row.delivery_id);
}

export interface ClaimedAttempt {
  deliveryId: string;
  eventId: string;
  endpointId: string;
  tenant: Tenant;
  payload: string;
}

/**
 * Takes attempt `attempt` of a pending delivery: only one consumer run gets
 * it (attempt_count moves from attempt − 1), so a redelivered queue message
 * attempts nothing twice. null: taken already, finished, or gone.
 */
export async function claimWebhookAttempt(db: D1Database, deliveryId: string, attempt: number, now: string): Promise<ClaimedAttempt | null> {
  const row = await db
    .prepare(
      `UPDATE webhook_deliveries SET attempt_count = ?2, updated_at = ?4
       WHERE delivery_id = ?1 AND attempt_count = ?3 AND status = 'pending'
       RETURNING delivery_id, event_id, endpoint_id, platform_id, mode,
         (SELECT payload FROM webhook_events v WHERE v.event_id = webhook_deliveries.event_id) AS payload`,
    )
    .bind(deliveryId, attempt, attempt - 1, now)
    .first<{ delivery_id: string; event_id: string; endpoint_id: string; platform_id: string; mode: "test" | "live"; payload: string | null }>();
  if (!row || row.payload === null) return null;
  return { deliveryId: row.delivery_id, eventId: row.event_id, endpointId: row.endpoint_id, tenant: { platformId: row.platform_id, mode: row.mode }, payload: row.payload };
}

/**
 * Pending deliveries nothing has touched since `before` although their next
 * attempt was due by then: their queue message was lost (the consumer stopped
 * between claiming an attempt and recording it, or between recording a
 * failure and enqueuing the retry). Each comes with the attempt to enqueue;
 * the claim keeps a late original message and the sweep's from both posting.
 */
export async function overdueWebhookDeliveries(db: D1Database, before: string, limit: number): Promise<{ deliveryId: string; attempt: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT delivery_id, attempt_count FROM webhook_deliveries
       WHERE status = 'pending' AND updated_at < ?1 AND COALESCE(next_attempt_at, updated_at) < ?1
       ORDER BY updated_at LIMIT ?2`,
    )
    .bind(before, limit)
    .all<{ delivery_id: string; attempt_count: number }>();
  return results.map((row) => ({ deliveryId: row.delivery_id, attempt: row.attempt_count + 1 }));
}

/** Records an attempt and where the delivery stands after it (for a DB.batch with the endpoint's outcome). */
export function recordWebhookAttemptStatements(
  db: D1Database,
  deliveryId: string,
  attempt: WebhookAttemptRecord,
  next: { status: "pending" | "succeeded" | "failed"; nextAttemptAt: string | null },
): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, response_status, latency_ms, response_body, error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (delivery_id, attempt) DO NOTHING`,
      )
      .bind(deliveryId, attempt.attempt, attempt.attemptedAt, attempt.responseStatus, attempt.latencyMs, attempt.responseBody, attempt.error),
    db.prepare("UPDATE webhook_deliveries SET status = ?2, next_attempt_at = ?3, updated_at = ?4 WHERE delivery_id = ?1").bind(deliveryId, next.status, next.nextAttemptAt, attempt.attemptedAt),
  ];
}

/**
 * A resend: the event's deliveries to endpoints that still take it go back
 * to pending (their next attempt is the resend), and endpoints subscribed
 * since get a delivery. Returns each delivery with the attempt to make.
 */
export async function reopenWebhookDeliveries(db: D1Database, tenant: Tenant, event: { eventId: string; type: string }, now: string): Promise<{ deliveryId: string; attempt: number }[]> {
  const [, , reopened] = await db.batch([
    db
      .prepare(
        `INSERT INTO webhook_deliveries (delivery_id, event_id, endpoint_id, platform_id, mode, status, attempt_count, next_attempt_at, created_at, updated_at)
         SELECT ${NEW_DELIVERY_ID}, ?1, e.endpoint_id, ?2, ?3, 'pending', 0, ?5, ?5, ?5 FROM webhook_endpoints e
         WHERE ${SUBSCRIBED} AND ?4 <> 'ping'
         ON CONFLICT (event_id, endpoint_id) DO NOTHING`,
      )
      .bind(event.eventId, tenant.platformId, tenant.mode, event.type, now),
    db
      .prepare(
        `UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = ?4, updated_at = ?4
         WHERE event_id = ?1 AND platform_id = ?2 AND mode = ?3
           AND endpoint_id IN (SELECT endpoint_id FROM webhook_endpoints WHERE platform_id = ?2 AND mode = ?3 AND enabled = 1)`,
      )
      .bind(event.eventId, tenant.platformId, tenant.mode, now),
    db
      .prepare("SELECT delivery_id, attempt_count FROM webhook_deliveries WHERE event_id = ?1 AND platform_id = ?2 AND mode = ?3 AND status = 'pending'")
      .bind(event.eventId, tenant.platformId, tenant.mode),
  ]);
  return ((reopened?.results ?? []) as { delivery_id: string; attempt_count: number }[]).map((row) => ({ deliveryId: row.delivery_id, attempt: row.attempt_count + 1 }));
}

export interface WebhookEventPageCursor {
  createdAt: string;
  eventId: string;
}

/** A page of the tenant's events, newest first, optionally of one type or one end-user. */
export async function listWebhookEvents(
  db: D1Database,
  tenant: Tenant,
  options: { limit: number; after?: WebhookEventPageCursor | undefined; type?: string | undefined; userId?: string | undefined },
): Promise<{ events: StoredWebhookEvent[]; next: WebhookEventPageCursor | null }> {
  const { results } = await db
    .prepare(
      `SELECT event_id, type, user_id, payload, created_at FROM webhook_events
       WHERE platform_id = ?1 AND mode = ?2
         AND (?3 IS NULL OR type = ?3) AND (?4 IS NULL OR user_id = ?4)
         AND (?5 IS NULL OR created_at < ?5 OR (created_at = ?5 AND event_id < ?6))
       ORDER BY created_at DESC, event_id DESC
       LIMIT ?7`,
    )
    .bind(tenant.platformId, tenant.mode, options.type ?? null, options.userId ?? null, options.after?.createdAt ?? null, options.after?.eventId ?? null, options.limit + 1)
    .all<{ event_id: string; type: string; user_id: string | null; payload: string; created_at: string }>();
  const events = results.slice(0, options.limit).map((row) => ({ eventId: row.event_id, type: row.type, userId: row.user_id, payload: row.payload, createdAt: row.created_at }));
  const last = events.at(-1);
  return { events, next: results.length > options.limit && last ? { createdAt: last.createdAt, eventId: last.eventId } : null };
}

export async function getWebhookEvent(db: D1Database, tenant: Tenant, eventId: string): Promise<StoredWebhookEvent | null> {
  const row = await db
    .prepare("SELECT event_id, type, user_id, payload, created_at FROM webhook_events WHERE platform_id = ?1 AND mode = ?2 AND event_id = ?3")
    .bind(tenant.platformId, tenant.mode, eventId)
    .first<{ event_id: string; type: string; user_id: string | null; payload: string; created_at: string }>();
  return row ? { eventId: row.event_id, type: row.type, userId: row.user_id, payload: row.payload, createdAt: row.created_at } : null;
}

/** The deliveries (with every attempt) of the given events of the tenant, by event id. */
export async function webhookDeliveriesOf(db: D1Database, tenant: Tenant, eventIds: readonly string[]): Promise<Map<string, WebhookDeliveryRecord[]>> {
  const byEvent = new Map<string, WebhookDeliveryRecord[]>();
  if (eventIds.length === 0) return byEvent;
  const ids = JSON.stringify(eventIds);
  const [deliveries, attempts] = await db.batch([
    db
      .prepare(
        `SELECT d.delivery_id, d.event_id, d.endpoint_id, e.url, d.status, d.attempt_count, d.next_attempt_at
         FROM webhook_deliveries d JOIN webhook_endpoints e ON e.endpoint_id = d.endpoint_id
         WHERE d.platform_id = ?1 AND d.mode = ?2 AND d.event_id IN (SELECT value FROM json_each(?3))
         ORDER BY d.created_at, d.delivery_id`,
      )
      .bind(tenant.platformId, tenant.mode, ids),
    db
      .prepare(
        `SELECT a.delivery_id, a.attempt, a.attempted_at, a.response_status, a.latency_ms, a.response_body, a.error
         FROM webhook_attempts a JOIN webhook_deliveries d ON d.delivery_id = a.delivery_id
         WHERE d.platform_id = ?1 AND d.mode = ?2 AND d.event_id IN (SELECT value FROM json_each(?3))
         ORDER BY a.delivery_id, a.attempt`,
      )
      .bind(tenant.platformId, tenant.mode, ids),
  ]);
  const attemptsByDelivery = new Map<string, WebhookAttemptRecord[]>();
  for (const row of (attempts?.results ?? []) as {
    delivery_id: string;
    attempt: number;
    attempted_at: string;
    response_status: number | null;
    latency_ms: number;
    response_body: string | null;
    error: string | null;
  }[]) {
    const list = attemptsByDelivery.get(row.delivery_id) ?? [];
    list.push({ attempt: row.attempt, attemptedAt: row.attempted_at, responseStatus: row.response_status, latencyMs: row.latency_ms, responseBody: row.response_body, error: row.error });
    attemptsByDelivery.set(row.delivery_id, list);
  }
  for (const row of (deliveries?.results ?? []) as {
    delivery_id: string;
    event_id: string;
    endpoint_id: string;
    url: string;
    status: "pending" | "succeeded" | "failed";
    attempt_count: number;
    next_attempt_at: string | null;
  }[]) {
    const list = byEvent.get(row.event_id) ?? [];
    list.push({
      deliveryId: row.delivery_id,
      eventId: row.event_id,
      endpointId: row.endpoint_id,
      url: row.url,
      status: row.status,
      attemptCount: row.attempt_count,
      nextAttemptAt: row.next_attempt_at,
      attempts: attemptsByDelivery.get(row.delivery_id) ?? [],
    });
    byEvent.set(row.event_id, list);
  }
  return byEvent;
}

/** Deletes events (with their deliveries and attempts) created before `before`; returns how many events. */
export async function pruneWebhookEvents(db: D1Database, before: string): Promise<number> {
  const [, , events] = await db.batch([
    db
      .prepare("DELETE FROM webhook_attempts WHERE delivery_id IN (SELECT d.delivery_id FROM webhook_deliveries d JOIN webhook_events v ON v.event_id = d.event_id WHERE v.created_at < ?1)")
      .bind(before),
    db.prepare("DELETE FROM webhook_deliveries WHERE event_id IN (SELECT event_id FROM webhook_events WHERE created_at < ?1)").bind(before),
    db.prepare("DELETE FROM webhook_events WHERE created_at < ?1").bind(before),
  ]);
  return events?.meta.changes ?? 0;
}
