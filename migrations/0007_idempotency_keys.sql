-- Idempotent track calls: a key (per platform) remembers the request it was
-- first used with and the response it got, for 24 hours. The count and the
-- key's reservation land in one batch, so a retried call counts once.
CREATE TABLE idempotency_keys (
  platform_id     TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  request_id      TEXT NOT NULL,
  request_hash    TEXT NOT NULL,
  response_status INTEGER,
  response_body   TEXT,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (platform_id, idempotency_key)
);
