-- Single-use Stripe Connect OAuth states. The state itself is HMAC-signed and
-- bound to the developer; this row makes it usable once, before expires_at.
CREATE TABLE oauth_states (
  nonce        TEXT PRIMARY KEY,
  developer_id TEXT NOT NULL,
  platform_id  TEXT NOT NULL REFERENCES platforms (platform_id),
  expires_at   TEXT NOT NULL,
  used_at      TEXT,
  created_at   TEXT NOT NULL
);
