-- The hourly cron re-enqueues pending deliveries whose queue message was lost
-- (a consumer that stopped between claiming an attempt and recording it, or
-- between recording a failure and enqueuing the retry): this index keeps that
-- sweep to the pending rows.
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (updated_at) WHERE status = 'pending';
