/** D1 access for platforms: one per developer, created on the developer's first authenticated call. */
export type PlatformPlan = "free" | "paid";

export interface PlatformRecord extends DeveloperSubscriptionState {
  platformId: string;
  developerId: string;
  createdAt: string;
}

interface PlatformRow {
  platform_id: string;
  developer_id: string;
  plan: PlatformPlan;
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  subscription_status: string | null;
  cancel_at_period_end: number;
  plan_period_end: string | null;
  canceled_at: string | null;
  created_at: string;
}

const COLUMNS = `platform_id, developer_id, plan, stripe_customer_id, stripe_subscription_id,
  subscription_status, cancel_at_period_end, plan_period_end, canceled_at, created_at`;

function toPlatform(row: PlatformRow): PlatformRecord {
  return {
    platformId: row.platform_id,
    developerId: row.developer_id,
    plan: row.plan,
    stripeCustomerId: row.stripe_customer_id,
    stripeSubscriptionId: row.stripe_subscription_id,
    subscriptionStatus: row.subscription_status,
    cancelAtPeriodEnd: row.cancel_at_period_end === 1,
    planPeriodEnd: row.plan_period_end,
    canceledAt: row.canceled_at,
    createdAt: row.created_at,
  };
}

export async function getPlatform(db: D1Database, platformId: string): Promise<PlatformRecord | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM platforms WHERE platform_id = ?1`).bind(platformId).first<PlatformRow>();
  return row ? toPlatform(row) : null;
}

export async function getPlatformByDeveloper(db: D1Database, developerId: string): Promise<PlatformRecord | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM platforms WHERE developer_id = ?1`).bind(developerId).first<PlatformRow>();
  return row ? toPlatform(row) : null;
}

export function insertPlatformStatement(db: D1Database, input: { platformId: string; developerId: string; createdAt: string; plan?: PlatformPlan }): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at)
       VALUES (?1, ?2, ?3, ?4, ?4)
       ON CONFLICT (developer_id) DO NOTHING`,
    )
    .bind(input.platformId, input.developerId, input.plan ?? "free", input.createdAt);
}

/** The developer's $15/month plan, as the platform webhook last stored it. */
export interface DeveloperSubscriptionState {
  plan: PlatformPlan;
  stripeCustomerId: string | null;
  stripeSubscriptionId: string | null;
  subscriptionStatus: string | null;
  cancelAtPeriodEnd: boolean;
  planPeriodEnd: string | null;
  canceledAt: string | null;
}

/**
 * Writes the developer's plan and $15/month subscription state (from Stripe's
 * current view of it). The "is this the developer's current subscription"
 * guard is part of the statement, so it holds under concurrent deliveries:
 * a paying state always applies (the subscription becomes the current one);
 * any other state applies only to the current subscription (or when there
 * is none yet). A late event of an old, canceled subscription racing with
 * the new subscription's checkout therefore cannot set a paying developer
 * back to free. `meta.changes` is 0 when the guard refused the write.
 */
export function updateDeveloperSubscriptionStatement(db: D1Database, platformId: string, state: DeveloperSubscriptionState, now: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE platforms SET plan = ?2, stripe_customer_id = COALESCE(?3, stripe_customer_id), stripe_subscription_id = ?4,
         subscription_status = ?5, cancel_at_period_end = ?6, plan_period_end = ?7, canceled_at = ?8, updated_at = ?9
       WHERE platform_id = ?1
         AND (?2 = 'paid' OR stripe_subscription_id IS NULL OR stripe_subscription_id = ?4)`,
    )
    .bind(platformId, state.plan, state.stripeCustomerId, state.stripeSubscriptionId, state.subscriptionStatus, state.cancelAtPeriodEnd ? 1 : 0, state.planPeriodEnd, state.canceledAt, now);
}

/** Whether a platform with this id exists (a preview checkout's metadata names one: it must be real). */
export async function platformExists(db: D1Database, platformId: string): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS found FROM platforms WHERE platform_id = ?1").bind(platformId).first();
  return row !== null;
}
