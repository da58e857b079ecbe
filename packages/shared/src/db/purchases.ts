/**
 * D1 access for purchases: one row per paid one-off Checkout session (the
 * session id is the key, so a redelivered event records nothing twice).
 * Written by api-multi's Connect webhook in the batch of the event.
 */
import type { Tenant } from "../ids";

export interface NewPurchase extends Tenant {
  checkoutSessionId: string;
  userId: string;
  tier: string;
  /** Minor units. */
  amount: number;
  currency: string;
  paymentIntentId: string | null;
  stripeAccount: string | null;
  now: string;
}

export function insertPurchaseStatement(db: D1Database, purchase: NewPurchase): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO purchases (checkout_session_id, platform_id, mode, user_id, tier, amount, currency, payment_intent_id, stripe_account, created_at)
         VALUES (?1, ?2, ?10, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (checkout_session_id) DO NOTHING`,
    )
    .bind(
      purchase.checkoutSessionId,
      purchase.platformId,
      purchase.userId,
      purchase.tier,
      purchase.amount,
      purchase.currency,
      purchase.paymentIntentId,
      purchase.stripeAccount,
      purchase.now,
      purchase.mode,
    );
}

export interface OneOffRevenueRow {
  currency: string;
  /** Minor units. */
  amount: number;
  purchases: number;
}

/** Revenue from a tenant's one-off purchases per currency (rows: OneOffRevenueRow), for the dashboard's DB.batch. */
export function oneOffRevenueStatement(db: D1Database, tenant: Tenant): D1PreparedStatement {
  return db
    .prepare("SELECT currency, COALESCE(SUM(amount), 0) AS amount, COUNT(*) AS purchases FROM purchases WHERE platform_id = ?1 AND mode = ?2 GROUP BY currency ORDER BY currency")
    .bind(tenant.platformId, tenant.mode);
}
