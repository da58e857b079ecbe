/** D1 access for end-users' subscriptions (written by Connect webhooks). */
import type { KeyMode, Tenant } from "../ids";
import { oneOffRevenueStatement, type OneOffRevenueRow } from "./purchases";

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
export async function getLatestSubscription(db: D1Database, tenant: Tenant, userId: string): Promise<SubscriptionRecord | null> {
  const row = await db
    .prepare(
      `SELECT subscription_id, user_id, plan, price_id, status, current_period_start, current_period_end,
              cancel_at_period_end, canceled_at
       FROM subscriptions WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3
       ORDER BY updated_at DESC LIMIT 1`,
    )
    .bind(tenant.platformId, tenant.mode, userId)
    .first<SubscriptionRow>();
  return row ? toSubscription(row) : null;
}

/**
 * The end-user's subscription that is still running — active, trialing, or
 * past due (Stripe is retrying its payment) — if any: a new checkout would
 * be a second subscription.
 */
export async function getLiveSubscription(db: D1Database, tenant: Tenant, userId: string): Promise<SubscriptionRecord | null> {
  const row = await db
    .prepare(
      `SELECT subscription_id, user_id, plan, price_id, status, current_period_start, current_period_end,
              cancel_at_period_end, canceled_at
       FROM subscriptions WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3 AND status IN ('active', 'trialing', 'past_due')
       ORDER BY updated_at DESC LIMIT 1`,
    )
    .bind(tenant.platformId, tenant.mode, userId)
    .first<SubscriptionRow>();
  return row ? toSubscription(row) : null;
}

export interface SubscriptionTotals {
  activeSubscriptions: number;
  /** Monthly recurring revenue: the sum of active subscriptions' monthly tier prices (minor units), per currency. */
  mrr: { currency: string; amount: number }[];
  activeByTier: { tier: string; subscribers: number }[];
  /** Revenue from one-off purchases (minor units), per currency. */
  oneOffRevenue: { currency: string; amount: number; purchases: number }[];
}

export async function subscriptionTotals(db: D1Database, tenant: Tenant): Promise<SubscriptionTotals> {
  const [byCurrency, byTier, oneOff] = await db.batch([
    db
      .prepare(
        `SELECT t.currency AS currency, COUNT(*) AS n, COALESCE(SUM(t.price), 0) AS amount
         FROM subscriptions s JOIN tiers t ON t.platform_id = s.platform_id AND t.mode = s.mode AND t.name = s.plan
         WHERE s.platform_id = ?1 AND s.mode = ?2 AND s.status IN ('active', 'trialing')
         GROUP BY t.currency ORDER BY t.currency`,
      )
      .bind(tenant.platformId, tenant.mode),
    db
      .prepare(
        `SELECT plan AS tier, COUNT(*) AS subscribers FROM subscriptions
         WHERE platform_id = ?1 AND mode = ?2 AND status IN ('active', 'trialing') GROUP BY plan ORDER BY plan`,
      )
      .bind(tenant.platformId, tenant.mode),
    oneOffRevenueStatement(db, tenant),
  ]);
  const currencies = (byCurrency?.results ?? []) as { currency: string; n: number; amount: number }[];
  return {
    activeSubscriptions: currencies.reduce((sum, row) => sum + row.n, 0),
    mrr: currencies.map((row) => ({ currency: row.currency, amount: row.amount })),
    activeByTier: (byTier?.results ?? []) as { tier: string; subscribers: number }[],
    oneOffRevenue: (oneOff?.results ?? []) as OneOffRevenueRow[],
  };
}

/** A subscription as Stripe has it now, with where it belongs: what the webhook stores. */
export interface SubscriptionState extends SubscriptionRecord, Tenant {
  customerId: string | null;
  stripeAccount: string | null;
  /** undefined: leave as stored; null: clear; string: record (invoice.payment_failed). */
  lastPaymentError?: string | null | undefined;
}

/**
 * Stores a subscription as Stripe has it now (the webhook re-fetches it),
 * so whatever order events arrive in, the row ends as Stripe's state. A row
 * never moves to another platform or mode.
 */
export function upsertSubscriptionStatement(db: D1Database, state: SubscriptionState, now: string): D1PreparedStatement {
  const keepError = state.lastPaymentError === undefined ? 1 : 0;
  return db
    .prepare(
      `INSERT INTO subscriptions (subscription_id, platform_id, mode, user_id, customer_id, stripe_account, plan, price_id, status,
         current_period_start, current_period_end, cancel_at_period_end, canceled_at, last_payment_error, created_at, updated_at)
       VALUES (?1, ?2, ?16, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14)
       ON CONFLICT (subscription_id) DO UPDATE SET
         customer_id = excluded.customer_id, plan = excluded.plan, price_id = excluded.price_id, status = excluded.status,
         current_period_start = excluded.current_period_start, current_period_end = excluded.current_period_end,
         cancel_at_period_end = excluded.cancel_at_period_end, canceled_at = excluded.canceled_at,
         last_payment_error = IIF(?15 = 1, subscriptions.last_payment_error, excluded.last_payment_error),
         updated_at = excluded.updated_at
       WHERE subscriptions.platform_id = excluded.platform_id AND subscriptions.mode = excluded.mode`,
    )
    .bind(
      state.subscriptionId,
      state.platformId,
      state.userId,
      state.customerId,
      state.stripeAccount,
      state.plan,
      state.priceId,
      state.status,
      state.currentPeriodStart,
      state.currentPeriodEnd,
      state.cancelAtPeriodEnd ? 1 : 0,
      state.canceledAt,
      state.lastPaymentError ?? null,
      now,
      keepError,
      state.mode,
    );
}

/** The mode a stored subscription belongs to (null: none stored with that id on the platform). */
export async function storedSubscriptionMode(db: D1Database, platformId: string, subscriptionId: string): Promise<KeyMode | null> {
  const row = await db.prepare("SELECT mode FROM subscriptions WHERE subscription_id = ?1 AND platform_id = ?2").bind(subscriptionId, platformId).first<{ mode: KeyMode }>();
  return row?.mode ?? null;
}

export interface SubscriptionListItem extends SubscriptionRecord {
  lastPaymentError: string | null;
}

/** The platform's subscriptions, most recently changed first (dashboard). */
export async function listSubscriptions(db: D1Database, tenant: Tenant, limit = 50): Promise<SubscriptionListItem[]> {
  const { results } = await db
    .prepare(
      `SELECT subscription_id, user_id, plan, price_id, status, current_period_start, current_period_end,
              cancel_at_period_end, canceled_at, last_payment_error
       FROM subscriptions WHERE platform_id = ?1 AND mode = ?3 ORDER BY updated_at DESC LIMIT ?2`,
    )
    .bind(tenant.platformId, limit, tenant.mode)
    .all<SubscriptionRow & { last_payment_error: string | null }>();
  return results.map((row) => ({ ...toSubscription(row), lastPaymentError: row.last_payment_error }));
}
