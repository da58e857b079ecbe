-- The dashboard's 30-day series without a second write on every track.
-- 0005 kept usage_daily by triggers that upserted the platform's day row on
-- every count: two B-tree writes per track call. Now each usage_counts row
-- also holds its end-user's calls of the UTC day it last counted on (day,
-- day_count), written by the track statement itself, and a finished day
-- moves into usage_daily only when that user's next count falls on a later
-- day — at most once per user per day. A day's calls are usage_daily.calls
-- plus the day_count of the rows still on that day (db/usage.ts
-- dailyUsage): the same exact series.
ALTER TABLE usage_counts ADD COLUMN day TEXT;
ALTER TABLE usage_counts ADD COLUMN day_count INTEGER NOT NULL DEFAULT 0;

-- Rows written before this migration are already in usage_daily (day NULL, day_count 0).
DROP TRIGGER usage_daily_on_insert;
DROP TRIGGER usage_daily_on_update;

CREATE TRIGGER usage_daily_on_new_day AFTER UPDATE OF day ON usage_counts
WHEN OLD.day IS NOT NULL AND OLD.day <> NEW.day AND OLD.day_count > 0
BEGIN
  INSERT INTO usage_daily (platform_id, day, calls)
  VALUES (OLD.platform_id, OLD.day, OLD.day_count)
  ON CONFLICT (platform_id, day) DO UPDATE SET calls = calls + excluded.calls;
END;
