-- Test mode and live mode are two worlds (DESIGN §6): every tenant-owned row
-- carries the mode of the credential that made it, and every key that was
-- (platform_id, …) becomes (platform_id, mode, …), so a customer, a count, a
-- tier, an idempotency key or an event of one mode is invisible in the other.
--
-- Existing rows: events take their payload's `livemode` (Stripe says which
-- world an event belongs to); nothing else recorded which key made a row, so
-- every other row is test mode — the world where a mistake costs nothing.
--
-- Tables whose primary key changes are rebuilt (SQLite cannot alter a key);
-- children are copied aside before their parent is dropped so no foreign
-- key ever points at a table of the other shape.
PRAGMA defer_foreign_keys = on;

-- tiers: one set per mode, like Stripe's products.
CREATE TABLE tiers_by_mode (
  platform_id      TEXT NOT NULL REFERENCES platforms (platform_id),
  mode             TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  name             TEXT NOT NULL,
  display_name     TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('subscription', 'one_off')),
  price            INTEGER NOT NULL CHECK (price >= 0),
  currency         TEXT NOT NULL DEFAULT 'usd',
  monthly_limit    INTEGER CHECK (monthly_limit IS NULL OR monthly_limit >= 0),
  price_id         TEXT,
  product_id       TEXT,
  features         TEXT NOT NULL DEFAULT '[]',
  popular          INTEGER NOT NULL DEFAULT 0 CHECK (popular IN (0, 1)),
  inventory        INTEGER CHECK (inventory IS NULL OR inventory >= 0),
  image_url        TEXT,
  description      TEXT,
  sort_order       INTEGER NOT NULL DEFAULT 0,
  archived_at      TEXT,
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL,
  retired_price_id TEXT,
  PRIMARY KEY (platform_id, mode, name)
);
INSERT INTO tiers_by_mode (platform_id, mode, name, display_name, kind, price, currency, monthly_limit, price_id, product_id, features,
                           popular, inventory, image_url, description, sort_order, archived_at, created_at, updated_at, retired_price_id)
  SELECT platform_id, 'test', name, display_name, kind, price, currency, monthly_limit, price_id, product_id, features,
         popular, inventory, image_url, description, sort_order, archived_at, created_at, updated_at, retired_price_id
  FROM tiers;
DROP TRIGGER tiers_active_cap_on_insert;
DROP TRIGGER tiers_active_cap_on_unarchive;
DROP TABLE tiers;
ALTER TABLE tiers_by_mode RENAME TO tiers;
CREATE INDEX tiers_by_price ON tiers (platform_id, mode, price_id);
-- The cap of 20 active tiers (migration 0011) holds per mode.
CREATE TRIGGER tiers_active_cap_on_insert
BEFORE INSERT ON tiers
WHEN NEW.archived_at IS NULL
  AND (SELECT COUNT(*) FROM tiers WHERE platform_id = NEW.platform_id AND mode = NEW.mode AND archived_at IS NULL) >= 20
BEGIN
  SELECT RAISE(ABORT, 'tier_cap_reached');
END;
CREATE TRIGGER tiers_active_cap_on_unarchive
BEFORE UPDATE OF archived_at ON tiers
WHEN OLD.archived_at IS NOT NULL AND NEW.archived_at IS NULL
  AND (SELECT COUNT(*) FROM tiers WHERE platform_id = NEW.platform_id AND mode = NEW.mode AND archived_at IS NULL) >= 20
BEGIN
  SELECT RAISE(ABORT, 'tier_cap_reached');
END;

-- end_users and their counters (usage_counts references end_users).
CREATE TABLE usage_counts_aside AS SELECT * FROM usage_counts;
DROP TRIGGER usage_daily_on_new_day;
DROP TABLE usage_counts;

CREATE TABLE end_users_by_mode (
  platform_id             TEXT NOT NULL REFERENCES platforms (platform_id),
  mode                    TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  user_id                 TEXT NOT NULL,
  clerk_user_id           TEXT,
  email                   TEXT,
  plan                    TEXT NOT NULL,
  stripe_customer_id      TEXT,
  stripe_customer_account TEXT,
  created_at              TEXT NOT NULL,
  updated_at              TEXT NOT NULL,
  PRIMARY KEY (platform_id, mode, user_id)
);
INSERT INTO end_users_by_mode (platform_id, mode, user_id, clerk_user_id, email, plan, stripe_customer_id, stripe_customer_account, created_at, updated_at)
  SELECT platform_id, 'test', user_id, clerk_user_id, email, plan, stripe_customer_id, stripe_customer_account, created_at, updated_at FROM end_users;
DROP TABLE end_users;
ALTER TABLE end_users_by_mode RENAME TO end_users;
CREATE INDEX end_users_by_created ON end_users (platform_id, mode, created_at, user_id);
CREATE INDEX end_users_by_clerk ON end_users (clerk_user_id);
CREATE INDEX end_users_by_stripe_customer ON end_users (platform_id, mode, stripe_customer_id);

CREATE TABLE usage_counts (
  platform_id  TEXT NOT NULL,
  mode         TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  user_id      TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  usage_count  INTEGER NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
  plan         TEXT,
  usage_limit  INTEGER,
  updated_at   TEXT NOT NULL,
  day          TEXT,
  day_count    INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (platform_id, mode, user_id),
  FOREIGN KEY (platform_id, mode, user_id) REFERENCES end_users (platform_id, mode, user_id)
);
INSERT INTO usage_counts (platform_id, mode, user_id, period_start, period_end, usage_count, plan, usage_limit, updated_at, day, day_count)
  SELECT platform_id, 'test', user_id, period_start, period_end, usage_count, plan, usage_limit, updated_at, day, day_count FROM usage_counts_aside;
DROP TABLE usage_counts_aside;

-- usage_daily: finished days per mode.
CREATE TABLE usage_daily_by_mode (
  platform_id TEXT NOT NULL,
  mode        TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  day         TEXT NOT NULL,
  calls       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (platform_id, mode, day)
);
INSERT INTO usage_daily_by_mode (platform_id, mode, day, calls) SELECT platform_id, 'test', day, calls FROM usage_daily;
DROP TABLE usage_daily;
ALTER TABLE usage_daily_by_mode RENAME TO usage_daily;
CREATE TRIGGER usage_daily_on_new_day AFTER UPDATE OF day ON usage_counts
WHEN OLD.day IS NOT NULL AND OLD.day <> NEW.day AND OLD.day_count > 0
BEGIN
  INSERT INTO usage_daily (platform_id, mode, day, calls)
  VALUES (OLD.platform_id, OLD.mode, OLD.day, OLD.day_count)
  ON CONFLICT (platform_id, mode, day) DO UPDATE SET calls = calls + excluded.calls;
END;

-- subscriptions and purchases keep their Stripe ids as keys and gain a mode.
ALTER TABLE subscriptions ADD COLUMN mode TEXT NOT NULL DEFAULT 'test' CHECK (mode IN ('test', 'live'));
DROP INDEX subscriptions_by_user;
CREATE INDEX subscriptions_by_user ON subscriptions (platform_id, mode, user_id, status);
ALTER TABLE purchases ADD COLUMN mode TEXT NOT NULL DEFAULT 'test' CHECK (mode IN ('test', 'live'));
DROP INDEX purchases_by_user;
CREATE INDEX purchases_by_user ON purchases (platform_id, mode, user_id);

-- events: the mode Stripe gave the event.
ALTER TABLE events ADD COLUMN mode TEXT NOT NULL DEFAULT 'test' CHECK (mode IN ('test', 'live'));
UPDATE events SET mode = 'live' WHERE json_valid(payload) AND json_extract(payload, '$.livemode') = 1;
DROP INDEX events_by_platform;
CREATE INDEX events_by_platform ON events (platform_id, mode, received_at);

-- idempotency keys: a key used in test mode is free in live mode.
CREATE TABLE idempotency_keys_by_mode (
  platform_id     TEXT NOT NULL,
  mode            TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  idempotency_key TEXT NOT NULL,
  request_id      TEXT NOT NULL,
  request_hash    TEXT NOT NULL,
  response_status INTEGER,
  response_body   TEXT,
  created_at      TEXT NOT NULL,
  PRIMARY KEY (platform_id, mode, idempotency_key)
);
INSERT INTO idempotency_keys_by_mode (platform_id, mode, idempotency_key, request_id, request_hash, response_status, response_body, created_at)
  SELECT platform_id, 'test', idempotency_key, request_id, request_hash, response_status, response_body, created_at FROM idempotency_keys;
DROP TABLE idempotency_keys;
ALTER TABLE idempotency_keys_by_mode RENAME TO idempotency_keys;
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
