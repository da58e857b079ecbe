-- Idempotency keys live 24 hours; an hourly cron (api-multi `scheduled`)
-- deletes the expired ones by age, which this index makes a range scan.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
