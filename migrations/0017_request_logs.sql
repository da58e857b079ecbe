-- The request log (docs/api-multi.md#request-log): one row per api-multi
-- request that authenticated a platform, in the mode of its credential, kept
-- 7 days (api-multi's hourly cron deletes older rows). Written off the hot
-- path: each isolate batches its lines onto the dream-api-request-logs queue
-- and the consumer inserts a batch at once (INSERT OR IGNORE on the request
-- id, so a redelivered batch changes nothing). Never a body, a query string,
-- a secret or an email: the route is the matched pattern, the caller a key's
-- display prefix, "dashboard" or "end-user session", and a userId shaped like
-- an email is kept as a hash.
CREATE TABLE request_logs (
  request_id  TEXT PRIMARY KEY,
  platform_id TEXT NOT NULL,
  mode        TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  -- The request's clock reading (ISO 8601), when it arrived.
  time        TEXT NOT NULL,
  method      TEXT NOT NULL,
  -- Hono's matched pattern, e.g. /api/customers/:userId (never the raw path).
  route       TEXT NOT NULL,
  status      INTEGER NOT NULL,
  error_code  TEXT,
  user_id     TEXT,
  latency_ms  INTEGER NOT NULL,
  caller      TEXT NOT NULL
);
-- A tenant's log, newest first (the keyset is time, then request_id).
CREATE INDEX request_logs_by_tenant ON request_logs (platform_id, mode, time DESC, request_id DESC);
-- One end-user's requests (GET /api/logs?userId=…).
CREATE INDEX request_logs_by_user ON request_logs (platform_id, mode, user_id, time DESC, request_id DESC) WHERE user_id IS NOT NULL;
-- The cron's 7-day prune: a range scan by age.
CREATE INDEX request_logs_by_age ON request_logs (time);
