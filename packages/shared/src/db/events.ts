/**
 * D1 access for webhook events. event_id is the primary key: an event's row
 * and its effect are written in one DB.batch, so a duplicate (whose insert
 * fails) changes nothing.
 */
export interface NewEvent {
  eventId: string;
  source: "platform" | "connect";
  type: string;
  account: string | null;
  platformId: string | null;
  payload: string;
  now: string;
  outcome: string;
}

export async function eventRecorded(db: D1Database, eventId: string): Promise<boolean> {
  return (await db.prepare("SELECT 1 AS found FROM events WHERE event_id = ?1").bind(eventId).first()) !== null;
}

export function insertEventStatement(db: D1Database, event: NewEvent): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO events (event_id, source, type, account, platform_id, payload, received_at, processed_at, outcome)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)`,
    )
    .bind(event.eventId, event.source, event.type, event.account, event.platformId, event.payload, event.now, event.outcome);
}

/** True when a D1 error is the events primary key refusing a duplicate. */
export function isDuplicateEventError(error: unknown): boolean {
  return error instanceof Error && /UNIQUE constraint failed: events\.event_id/.test(error.message);
}

export interface EventSummary {
  eventId: string;
  type: string;
  outcome: string | null;
  error: string | null;
  receivedAt: string;
}

/** A platform's most recent webhook events with their outcome (dashboard). */
export async function recentEvents(db: D1Database, platformId: string, limit = 20): Promise<EventSummary[]> {
  const { results } = await db
    .prepare("SELECT event_id, type, outcome, error, received_at FROM events WHERE platform_id = ?1 ORDER BY received_at DESC, event_id DESC LIMIT ?2")
    .bind(platformId, limit)
    .all<{ event_id: string; type: string; outcome: string | null; error: string | null; received_at: string }>();
  return results.map((row) => ({ eventId: row.event_id, type: row.type, outcome: row.outcome, error: row.error, receivedAt: row.received_at }));
}
