-- Calls per platform per UTC day, for the dashboard's 30-day chart. Kept by
-- triggers on usage_counts, so the track call stays one statement from the
-- worker's side (no second round trip) and the series is exact.
CREATE TABLE usage_daily (
  platform_id TEXT NOT NULL,
  day         TEXT NOT NULL,
  calls       INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (platform_id, day)
);

CREATE TRIGGER usage_daily_on_insert AFTER INSERT ON usage_counts
BEGIN
  INSERT INTO usage_daily (platform_id, day, calls)
  VALUES (NEW.platform_id, substr(NEW.updated_at, 1, 10), NEW.usage_count)
  ON CONFLICT (platform_id, day) DO UPDATE SET calls = calls + excluded.calls;
END;

-- A count that started over (its period had ended) adds all of itself; otherwise the increment.
CREATE TRIGGER usage_daily_on_update AFTER UPDATE OF usage_count ON usage_counts
BEGIN
  INSERT INTO usage_daily (platform_id, day, calls)
  VALUES (NEW.platform_id, substr(NEW.updated_at, 1, 10),
          IIF(NEW.updated_at >= OLD.period_end, NEW.usage_count, NEW.usage_count - OLD.usage_count))
  ON CONFLICT (platform_id, day) DO UPDATE SET calls = calls + excluded.calls;
END;
