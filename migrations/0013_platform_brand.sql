-- The brand of a platform's hosted pages (pricing page, Checkout), per mode:
-- a display name, a logo URL, an accent colour (#RRGGBB) and a support email,
-- each NULL until the developer sets it. And `allow_localhost`: in test mode
-- the developer may let Checkout and the portal send end-users back to
-- http://localhost:<port> and http://127.0.0.1:<port> as well as the allowed
-- origins (front-auth-api refuses it for live mode). Existing rows keep
-- today's look and today's origins.
ALTER TABLE platform_settings ADD COLUMN brand_display_name TEXT;
ALTER TABLE platform_settings ADD COLUMN brand_logo_url TEXT;
ALTER TABLE platform_settings ADD COLUMN brand_accent_color TEXT;
ALTER TABLE platform_settings ADD COLUMN brand_support_email TEXT;
ALTER TABLE platform_settings ADD COLUMN allow_localhost INTEGER NOT NULL DEFAULT 0 CHECK (allow_localhost IN (0, 1));
