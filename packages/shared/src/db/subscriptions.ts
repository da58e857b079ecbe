/** D1 access for end-users' subscriptions (written by Connect webhooks). */
export interface SubscriptionRecord {
  subscriptionId: string;
  userId: string;
  plan: string;
  priceId: string | null;
  status: string;
  currentPeriodStart: string | null;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: string | null;
}

interface SubscriptionRow {
  subscription_id: string;
  user_id: string;
  plan: string;
  price_id: string | null;
  status: string;
  current_period_start: string | null;
  current_period_end: string | null;
  cancel_at_period_end: number;
  canceled_at: string | null;
}

function toSubscription(row: SubscriptionRow): SubscriptionRecord {
  return {
    subscriptionId: row.subscription_id,
    userId: row.user_id,
    plan: row.plan,
    priceId: row.price_id,
    status: row.status,
    currentPeriodStart: row.current_period_start,
    currentPeriodEnd: row.current_period_end,
    cancelAtPeriodEnd: row.cancel_at_period_end === 1,
    canceledAt: row.canceled_at,
  };
}

/** The end-user's most recently updated subscription, if any. */
export async function getLatestSubscription(db: D1Database, platformId: string, userId: string): Promise<SubscriptionRecord | null> {
  const row = await db
    .prepare(
      `SELECT subscription_id, user_id, plan, price_id, status, current_period_start, current_period_end,
              cancel_at_period_end, canceled_at
       FROM subscriptions WHERE platform_id = ?1 AND user_id = ?2
       ORDER BY updated_at DESC LIMIT 1`,
    )
    .bind(platformId, userId)
    .first<SubscriptionRow>();
  return row ? toSubscription(row) : null;
}

/** Active subscriptions and their monthly recurring revenue (minor units, per currency). */
export async function subscriptionTotals(
  db: D1Database,
  platformId: string,
): Promise<{ activeSubscriptions: number; mrr: { currency: string; amount: number }[] }> {
  const { results } = await db
    .prepare(
      `SELECT t.currency AS currency, COUNT(*) AS n, COALESCE(SUM(t.price), 0) AS amount
       FROM subscriptions s
       JOIN tiers t ON t.platform_id = s.platform_id AND t.name = s.plan
       WHERE s.platform_id = ?1 AND s.status IN ('active', 'trialing')
       GROUP BY t.currency ORDER BY t.currency`,
    )
    .bind(platformId)
    .all<{ currency: string; n: number; amount: number }>();
  return {
    activeSubscriptions: results.reduce((sum, row) => sum + row.n, 0),
    mrr: results.map((row) => ({ currency: row.currency, amount: row.amount })),
  };
}
