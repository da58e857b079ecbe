-- An end-user is a person; a customer belongs to one developer (docs/end-users.md).
--
-- tenant_organizations: the Clerk Organization of each (platform, mode) in the
-- shared end-user application. An end-user session names its tenant by its
-- active organization, a claim Clerk signs; this table is how api-multi reads
-- that claim back as (platform_id, mode). Made on first need.
CREATE TABLE tenant_organizations (
  organization_id TEXT PRIMARY KEY,
  platform_id     TEXT NOT NULL REFERENCES platforms (platform_id),
  mode            TEXT NOT NULL CHECK (mode IN ('test', 'live')),
  created_at      TEXT NOT NULL,
  UNIQUE (platform_id, mode)
);

-- Until now an end-user belonged to a developer through the Clerk user's
-- publicMetadata.publishableKey. Every end-user linked to a Clerk user
-- becomes a member of its tenant's organization: api-multi's cron adds the
-- memberships the rows marked here are waiting for (services/customers/memberships.ts).
ALTER TABLE end_users ADD COLUMN membership_pending INTEGER NOT NULL DEFAULT 0 CHECK (membership_pending IN (0, 1));
UPDATE end_users SET membership_pending = 1 WHERE clerk_user_id IS NOT NULL;
CREATE INDEX end_users_membership_pending ON end_users (membership_pending) WHERE membership_pending = 1;

-- Emails are unique per platform and mode (no longer across developers:
-- the same person may be a customer of many). Existing rows could not repeat
-- an email, as Clerk refused a second end-user with it; a repeat (compared
-- without case) would keep its first row's email only.
UPDATE end_users SET email = lower(email) WHERE email IS NOT NULL;
UPDATE end_users SET email = NULL
  WHERE email IS NOT NULL AND rowid NOT IN (SELECT MIN(rowid) FROM end_users WHERE email IS NOT NULL GROUP BY platform_id, mode, email);
CREATE UNIQUE INDEX end_users_by_email ON end_users (platform_id, mode, email) WHERE email IS NOT NULL;
