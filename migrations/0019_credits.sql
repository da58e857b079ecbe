-- Prepaid credits (docs/credits.md). A one-off tier may grant credits when
-- it is bought, valid for a number of days (NULL: they never expire).
ALTER TABLE tiers ADD COLUMN credits INTEGER CHECK (credits IS NULL OR credits BETWEEN 1 AND 10000000);
ALTER TABLE tiers ADD COLUMN credit_validity_days INTEGER CHECK (credit_validity_days IS NULL OR credit_validity_days BETWEEN 1 AND 3650);

-- An end-user's credit movements: a grant (amount > 0, `remaining` of it
-- left to spend until `expires_at`) or a deduction (amount < 0, recorded for
-- the history, remaining 0). Tracks past the period allowance and
-- deductions take from the grants that expire first. `reference` makes a
-- grant once: "checkout:<session id>" for a purchase, "key:<Idempotency-Key>"
-- for an admin call (with the hash of its request, to refuse a reused key).
CREATE TABLE credit_grants (
  grant_id     TEXT PRIMARY KEY,
  platform_id  TEXT NOT NULL,
  mode         TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  user_id      TEXT NOT NULL,
  source       TEXT NOT NULL CHECK (source IN ('purchase', 'api', 'dashboard', 'plan')),
  amount       INTEGER NOT NULL CHECK (amount <> 0),
  remaining    INTEGER NOT NULL CHECK (remaining >= 0 AND remaining <= MAX(amount, 0)),
  expires_at   TEXT,
  reason       TEXT,
  reference    TEXT,
  request_hash TEXT,
  created_at   TEXT NOT NULL,
  UNIQUE (platform_id, mode, reference)
);
CREATE INDEX credit_grants_by_user ON credit_grants (platform_id, mode, user_id, expires_at);

-- Of a period's usage_count, how many units credits paid for (the rest came
-- from the tier's allowance); and what the last credit-spending count took
-- and which request it was, so the statement that spends the grants in the
-- same batch spends exactly that.
ALTER TABLE usage_counts ADD COLUMN credit_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_counts ADD COLUMN credit_take INTEGER NOT NULL DEFAULT 0;
ALTER TABLE usage_counts ADD COLUMN credit_take_request TEXT;
