-- Outbound webhooks (docs/webhooks.md): developers hear from us.
--
-- webhook_endpoints: where a platform, in one mode, wants its events posted.
-- The signing secret (whsec_…) is shown once; it is kept encrypted
-- (AES-GCM, the key is the WEBHOOK_SECRET_ENCRYPTION_KEY secret) because
-- every delivery signs with it. After a rotation the previous secret also
-- signs until previous_secret_expires_at (24 h).
CREATE TABLE webhook_endpoints (
  endpoint_id                TEXT PRIMARY KEY,
  platform_id                TEXT NOT NULL REFERENCES platforms (platform_id),
  mode                       TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  url                        TEXT NOT NULL,
  description                TEXT,
  -- JSON array of event types; NULL: every event type.
  event_types                TEXT,
  enabled                    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
  -- Why an endpoint is disabled: by the developer, or by us after 5 days of failing deliveries.
  disabled_reason            TEXT CHECK (disabled_reason IN ('manual', 'failing')),
  -- The first failed attempt since the last success; NULL while deliveries succeed.
  failing_since              TEXT,
  secret_ciphertext          TEXT NOT NULL,
  secret_prefix              TEXT NOT NULL,
  previous_secret_ciphertext TEXT,
  previous_secret_expires_at TEXT,
  created_at                 TEXT NOT NULL,
  updated_at                 TEXT NOT NULL
);
CREATE INDEX webhook_endpoints_by_tenant ON webhook_endpoints (platform_id, mode, created_at);

-- Every event that happened to a platform in one mode, as sent (payload is
-- the exact JSON body that is signed), kept 30 days. The id is the Standard
-- Webhooks `webhook-id`: the same on every attempt; events that must happen
-- once (a threshold crossed in a period) have an id derived from what makes
-- them unique, so a second emission is ignored here.
CREATE TABLE webhook_events (
  event_id    TEXT PRIMARY KEY,
  platform_id TEXT NOT NULL REFERENCES platforms (platform_id),
  mode        TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  type        TEXT NOT NULL,
  user_id     TEXT,
  payload     TEXT NOT NULL,
  created_at  TEXT NOT NULL
);
CREATE INDEX webhook_events_by_tenant ON webhook_events (platform_id, mode, created_at, event_id);
CREATE INDEX webhook_events_by_user ON webhook_events (platform_id, mode, user_id, created_at) WHERE user_id IS NOT NULL;
CREATE INDEX webhook_events_by_age ON webhook_events (created_at);

-- One event to one endpoint, and its attempts. attempt_count is claimed
-- before each attempt (a redelivered queue message finds it taken).
CREATE TABLE webhook_deliveries (
  delivery_id     TEXT PRIMARY KEY,
  event_id        TEXT NOT NULL REFERENCES webhook_events (event_id) ON DELETE CASCADE,
  endpoint_id     TEXT NOT NULL REFERENCES webhook_endpoints (endpoint_id) ON DELETE CASCADE,
  platform_id     TEXT NOT NULL,
  mode            TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  status          TEXT NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempt_count   INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  UNIQUE (event_id, endpoint_id)
);
CREATE INDEX webhook_deliveries_by_endpoint ON webhook_deliveries (endpoint_id, created_at);

CREATE TABLE webhook_attempts (
  delivery_id     TEXT NOT NULL REFERENCES webhook_deliveries (delivery_id) ON DELETE CASCADE,
  attempt         INTEGER NOT NULL,
  attempted_at    TEXT NOT NULL,
  -- NULL: no answer (timeout, refused connection).
  response_status INTEGER,
  latency_ms      INTEGER NOT NULL,
  -- The first 1 KB of the answer.
  response_body   TEXT,
  error           TEXT,
  PRIMARY KEY (delivery_id, attempt)
);

-- Usage alerts: the fractions of the tier limit at which usage.threshold_reached
-- fires, once per end-user and period. JSON array; NULL: the default [0.8, 1].
ALTER TABLE platform_settings ADD COLUMN usage_alert_thresholds TEXT;
