-- Which Stripe account an end-user's customer and subscriptions live on: the
-- developer's connected account (acct_…), or NULL for the platform's own
-- account (preview-mode checkouts of a developer not yet connected).
ALTER TABLE end_users ADD COLUMN stripe_customer_account TEXT;
ALTER TABLE subscriptions ADD COLUMN stripe_account TEXT;
ALTER TABLE purchases ADD COLUMN stripe_account TEXT;
