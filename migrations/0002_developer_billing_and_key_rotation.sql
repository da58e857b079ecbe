-- The developer's own $15/month subscription on the platform's Stripe
-- account, and at most one current (non-expiring, non-revoked) key pair per
-- platform and mode, so concurrent first issues or rotations cannot create two.

ALTER TABLE platforms ADD COLUMN subscription_status TEXT;
ALTER TABLE platforms ADD COLUMN cancel_at_period_end INTEGER NOT NULL DEFAULT 0 CHECK (cancel_at_period_end IN (0, 1));
ALTER TABLE platforms ADD COLUMN canceled_at TEXT;

CREATE UNIQUE INDEX api_keys_one_current_per_mode
  ON api_keys (platform_id, mode)
  WHERE revoked_at IS NULL AND expires_at IS NULL;
