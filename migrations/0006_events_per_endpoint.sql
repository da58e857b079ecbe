-- Stripe sends the same event (same id) to every endpoint of an account:
-- platform-account events reach both front-auth-api ("platform") and
-- api-multi ("preview"). Each endpoint must record and apply an event once
-- on its own, so uniqueness is per (source, event_id), not per event_id.
CREATE TABLE events_by_endpoint (
  source       TEXT NOT NULL CHECK (source IN ('platform', 'connect', 'preview')),
  event_id     TEXT NOT NULL,
  type         TEXT NOT NULL,
  account      TEXT,
  platform_id  TEXT,
  payload      TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  processed_at TEXT,
  outcome      TEXT,
  error        TEXT,
  PRIMARY KEY (source, event_id)
);
INSERT INTO events_by_endpoint (source, event_id, type, account, platform_id, payload, received_at, processed_at, outcome, error)
  SELECT source, event_id, type, account, platform_id, payload, received_at, processed_at, outcome, error FROM events;
DROP TABLE events;
ALTER TABLE events_by_endpoint RENAME TO events;
CREATE INDEX events_by_platform ON events (platform_id, received_at);
