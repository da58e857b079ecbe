-- Developer settings, per platform and mode (test | live): the exact origins
-- that checkout and portal redirects may go to, and the default success,
-- cancel and portal-return URLs. Edited by the developer through
-- front-auth-api's /settings; read by api-multi when it opens a Checkout or
-- portal session. They lived on `platforms` (one set for both modes, written
-- only by the demo seed): existing values are copied to both modes, then
-- those columns go, so each fact lives in one place.
CREATE TABLE platform_settings (
  platform_id          TEXT NOT NULL REFERENCES platforms(platform_id) ON DELETE CASCADE,
  mode                 TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  allowed_origins      TEXT NOT NULL DEFAULT '[]',
  default_success_url  TEXT,
  default_cancel_url   TEXT,
  default_return_url   TEXT,
  updated_at           TEXT NOT NULL,
  PRIMARY KEY (platform_id, mode)
);

INSERT INTO platform_settings (platform_id, mode, allowed_origins, default_success_url, default_cancel_url, updated_at)
SELECT p.platform_id, m.mode, p.allowed_origins, p.default_success_url, p.default_cancel_url, p.updated_at
FROM platforms p CROSS JOIN (SELECT 'test' AS mode UNION ALL SELECT 'live' AS mode) m
WHERE p.allowed_origins <> '[]' OR p.default_success_url IS NOT NULL OR p.default_cancel_url IS NOT NULL;

ALTER TABLE platforms DROP COLUMN allowed_origins;
ALTER TABLE platforms DROP COLUMN default_success_url;
ALTER TABLE platforms DROP COLUMN default_cancel_url;
