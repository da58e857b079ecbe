-- A tier's price change writes the new Stripe price id first and archives the
-- replaced price afterwards (so D1 never points at an archived price). Until
-- that archive has succeeded the replaced price id waits here; the next
-- change of the tier (a retry of the same PATCH, or a DELETE) archives it.
ALTER TABLE tiers ADD COLUMN retired_price_id TEXT;
