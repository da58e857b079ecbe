-- dream-api data model (DESIGN §3). D1 is the source of truth; KV only caches.
-- Every tenant-owned table carries platform_id, and every query filters by
-- the platform_id that authentication produced. Timestamps are ISO-8601 UTC
-- text, which compares correctly as text.

-- A developer's tenant. developer_id is the Clerk user id in app "dream-api".
CREATE TABLE platforms (
  platform_id            TEXT PRIMARY KEY,
  developer_id           TEXT NOT NULL UNIQUE,
  plan                   TEXT NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'paid')),
  stripe_customer_id     TEXT,
  stripe_subscription_id TEXT,
  plan_period_end        TEXT,
  allowed_origins        TEXT NOT NULL DEFAULT '[]',
  default_success_url    TEXT,
  default_cancel_url     TEXT,
  created_at             TEXT NOT NULL,
  updated_at             TEXT NOT NULL
);

-- Key pairs. The secret itself is never stored: only SHA-256(secret) and a
-- display prefix. A rotated pair keeps working until expires_at (grace).
CREATE TABLE api_keys (
  key_id          TEXT PRIMARY KEY,
  platform_id     TEXT NOT NULL REFERENCES platforms (platform_id),
  mode            TEXT NOT NULL CHECK (mode IN ('live', 'test')),
  publishable_key TEXT NOT NULL UNIQUE,
  secret_hash     TEXT NOT NULL UNIQUE,
  secret_prefix   TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  expires_at      TEXT,
  revoked_at      TEXT
);
CREATE INDEX api_keys_by_platform ON api_keys (platform_id, created_at);

-- The developer's connected Stripe account (Connect Standard). OAuth tokens,
-- if kept, are AES-GCM ciphertext.
CREATE TABLE stripe_accounts (
  platform_id       TEXT PRIMARY KEY REFERENCES platforms (platform_id),
  stripe_user_id    TEXT NOT NULL,
  livemode          INTEGER NOT NULL CHECK (livemode IN (0, 1)),
  scope             TEXT,
  access_token_enc  TEXT,
  refresh_token_enc TEXT,
  connected_at      TEXT NOT NULL,
  disconnected_at   TEXT,
  updated_at        TEXT NOT NULL
);
CREATE INDEX stripe_accounts_by_account ON stripe_accounts (stripe_user_id);

-- Pricing tiers. price in minor units; monthly_limit NULL = unlimited.
CREATE TABLE tiers (
  platform_id   TEXT NOT NULL REFERENCES platforms (platform_id),
  name          TEXT NOT NULL,
  display_name  TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('subscription', 'one_off')),
  price         INTEGER NOT NULL CHECK (price >= 0),
  currency      TEXT NOT NULL DEFAULT 'usd',
  monthly_limit INTEGER CHECK (monthly_limit IS NULL OR monthly_limit >= 0),
  price_id      TEXT,
  product_id    TEXT,
  features      TEXT NOT NULL DEFAULT '[]',
  popular       INTEGER NOT NULL DEFAULT 0 CHECK (popular IN (0, 1)),
  inventory     INTEGER CHECK (inventory IS NULL OR inventory >= 0),
  image_url     TEXT,
  description   TEXT,
  sort_order    INTEGER NOT NULL DEFAULT 0,
  archived_at   TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  PRIMARY KEY (platform_id, name)
);
CREATE INDEX tiers_by_price ON tiers (platform_id, price_id);

-- A developer's end-users. user_id is the developer's own id for the user;
-- clerk_user_id links the shared "end-user-api" Clerk app (NULL for users
-- registered implicitly by a first track call).
CREATE TABLE end_users (
  platform_id        TEXT NOT NULL REFERENCES platforms (platform_id),
  user_id            TEXT NOT NULL,
  clerk_user_id      TEXT,
  email              TEXT,
  plan               TEXT NOT NULL,
  stripe_customer_id TEXT,
  created_at         TEXT NOT NULL,
  updated_at         TEXT NOT NULL,
  PRIMARY KEY (platform_id, user_id)
);
CREATE INDEX end_users_by_created ON end_users (platform_id, created_at, user_id);
CREATE INDEX end_users_by_clerk ON end_users (clerk_user_id);
CREATE INDEX end_users_by_stripe_customer ON end_users (platform_id, stripe_customer_id);

-- One counter per end-user for the current period. The track statement
-- resets it when a newer period starts and records the plan/limit applied.
CREATE TABLE usage_counts (
  platform_id  TEXT NOT NULL,
  user_id      TEXT NOT NULL,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  usage_count  INTEGER NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
  plan         TEXT,
  usage_limit  INTEGER,
  updated_at   TEXT NOT NULL,
  PRIMARY KEY (platform_id, user_id),
  FOREIGN KEY (platform_id, user_id) REFERENCES end_users (platform_id, user_id)
);

-- End-users' subscriptions on the developer's connected Stripe account.
CREATE TABLE subscriptions (
  subscription_id      TEXT PRIMARY KEY,
  platform_id          TEXT NOT NULL REFERENCES platforms (platform_id),
  user_id              TEXT NOT NULL,
  customer_id          TEXT,
  plan                 TEXT NOT NULL,
  price_id             TEXT,
  status               TEXT NOT NULL,
  current_period_start TEXT,
  current_period_end   TEXT,
  cancel_at_period_end INTEGER NOT NULL DEFAULT 0 CHECK (cancel_at_period_end IN (0, 1)),
  canceled_at          TEXT,
  last_payment_error   TEXT,
  stripe_updated_at    INTEGER NOT NULL DEFAULT 0,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL
);
CREATE INDEX subscriptions_by_user ON subscriptions (platform_id, user_id, status);

-- One-off purchases (payment-mode checkouts).
CREATE TABLE purchases (
  checkout_session_id TEXT PRIMARY KEY,
  platform_id         TEXT NOT NULL REFERENCES platforms (platform_id),
  user_id             TEXT NOT NULL,
  tier                TEXT NOT NULL,
  amount              INTEGER NOT NULL,
  currency            TEXT NOT NULL,
  payment_intent_id   TEXT,
  created_at          TEXT NOT NULL
);
CREATE INDEX purchases_by_user ON purchases (platform_id, user_id);

-- Every webhook event received, once (event_id is UNIQUE): the insert and
-- the event's effect land in one DB.batch, so a duplicate changes nothing.
CREATE TABLE events (
  event_id     TEXT PRIMARY KEY,
  source       TEXT NOT NULL CHECK (source IN ('platform', 'connect')),
  type         TEXT NOT NULL,
  account      TEXT,
  platform_id  TEXT,
  payload      TEXT NOT NULL,
  received_at  TEXT NOT NULL,
  processed_at TEXT,
  outcome      TEXT,
  error        TEXT
);
CREATE INDEX events_by_platform ON events (platform_id, received_at);

-- Developers' own metered calls to front-auth-api (free 5 / paid 500 a month).
CREATE TABLE platform_usage (
  developer_id TEXT PRIMARY KEY,
  period_start TEXT NOT NULL,
  period_end   TEXT NOT NULL,
  usage_count  INTEGER NOT NULL DEFAULT 0 CHECK (usage_count >= 0),
  updated_at   TEXT NOT NULL
);
