/**
 * D1 access for webhook events. (source, event_id) is the primary key — one
 * row per receiving endpoint — and an event's row and its effect are written
 * in one DB.batch, so a duplicate (whose insert fails) changes nothing.
 * Sources: "platform" (front-auth-api), "connect" and "preview" (api-multi's
 * Connect endpoint and its endpoint on the platform account).
 */
import type { KeyMode, Tenant } from "../ids";

export type EventSource = "platform" | "connect" | "preview";

export interface NewEvent {
  eventId: string;
  source: EventSource;
  type: string;
  account: string | null;
  platformId: string | null;
  /** The event's own mode (Stripe's `livemode`). */
  mode: KeyMode;
  payload: string;
  now: string;
  outcome: string;
}

export async function eventRecorded(db: D1Database, source: EventSource, eventId: string): Promise<boolean> {
  return (await recordedEvent(db, source, eventId)) !== null;
}

/** The recorded event's tenant (null platformId: it touched none), or null when the endpoint has not recorded it. */
export async function recordedEvent(db: D1Database, source: EventSource, eventId: string): Promise<{ platformId: string | null } | null> {
  const row = await db.prepare("SELECT platform_id FROM events WHERE source = ?1 AND event_id = ?2").bind(source, eventId).first<{ platform_id: string | null }>();
  return row ? { platformId: row.platform_id } : null;
}

/** Replaces a recorded event's outcome (when what the batch did differs from what was planned). */
export function setEventOutcomeStatement(db: D1Database, source: EventSource, eventId: string, outcome: string): D1PreparedStatement {
  return db.prepare("UPDATE events SET outcome = ?3 WHERE source = ?1 AND event_id = ?2").bind(source, eventId, outcome);
}

export function insertEventStatement(db: D1Database, event: NewEvent): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO events (event_id, source, type, account, platform_id, mode, payload, received_at, processed_at, outcome)
       VALUES (?1, ?2, ?3, ?4, ?5, ?9, ?6, ?7, ?7, ?8)`,
    )
    .bind(event.eventId, event.source, event.type, event.account, event.platformId, event.payload, event.now, event.outcome, event.mode);
}

/** True when a D1 error is the events primary key refusing a duplicate. */
export function isDuplicateEventError(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: events\.source, events\.event_id/.test(error.message);
}

export interface EventSummary {
  eventId: string;
  type: string;
  outcome: string | null;
  error: string | null;
  receivedAt: string;
}

/** A tenant's most recent end-user webhook events (Connect and preview) with their outcome (dashboard). */
export async function recentEvents(db: D1Database, tenant: Tenant, limit = 20): Promise<EventSummary[]> {
  const { results } = await db
    .prepare(
      `SELECT event_id, type, outcome, error, received_at FROM events
       WHERE platform_id = ?1 AND mode = ?3 AND source IN ('connect', 'preview') ORDER BY received_at DESC, event_id DESC LIMIT ?2`,
    )
    .bind(tenant.platformId, limit, tenant.mode)
    .all<{ event_id: string; type: string; outcome: string | null; error: string | null; received_at: string }>();
  return results.map((row) => ({ eventId: row.event_id, type: row.type, outcome: row.outcome, error: row.error, receivedAt: row.received_at }));
}
