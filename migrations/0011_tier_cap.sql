-- At most 20 active (archived_at IS NULL) tiers per platform, enforced by D1
-- itself so that the cap holds under any concurrency: oauth-api checks the
-- count before it calls Stripe, but two requests can both pass that check;
-- their inserts run in one DB.batch each, and this trigger aborts the batch
-- that would cross the cap (the whole batch rolls back, so a multi-tier
-- request lands whole or not at all). oauth-api maps 'tier_cap_reached' to
-- the same 400 as its check. 20 is MAX_TIERS (packages/shared/src/tiers.ts);
-- oauth-api/test/tier-races.test.ts fails if the two differ.
CREATE TRIGGER tiers_active_cap_on_insert
BEFORE INSERT ON tiers
WHEN NEW.archived_at IS NULL
  AND (SELECT COUNT(*) FROM tiers WHERE platform_id = NEW.platform_id AND archived_at IS NULL) >= 20
BEGIN
  SELECT RAISE(ABORT, 'tier_cap_reached');
END;

-- Nothing un-archives a tier today; should anything ever do so, the cap holds there too.
CREATE TRIGGER tiers_active_cap_on_unarchive
BEFORE UPDATE OF archived_at ON tiers
WHEN OLD.archived_at IS NOT NULL AND NEW.archived_at IS NULL
  AND (SELECT COUNT(*) FROM tiers WHERE platform_id = NEW.platform_id AND archived_at IS NULL) >= 20
BEGIN
  SELECT RAISE(ABORT, 'tier_cap_reached');
END;
