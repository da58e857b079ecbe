/**
 * D1 access for end_users, always scoped by the authenticated platformId.
 * Reads join the plan's tier and the usage counter so a customer and its
 * usage come back in one statement.
 */
import type { BillingPeriod } from "../periods";
import { usageFromCounter, type Usage } from "./usage";

export interface EndUserRecord {
  userId: string;
  clerkUserId: string | null;
  email: string | null;
  plan: string;
  stripeCustomerId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface EndUserWithUsage extends EndUserRecord {
  /** False when the user's plan names no tier of the platform. */
  planExists: boolean;
  usage: Usage;
}

interface EndUserUsageRow {
  user_id: string;
  clerk_user_id: string | null;
  email: string | null;
  plan: string;
  stripe_customer_id: string | null;
  created_at: string;
  updated_at: string;
  tier_name: string | null;
  tier_limit: number | null;
  usage_count: number | null;
  period_start: string | null;
  period_end: string | null;
}

const SELECT_WITH_USAGE = `
  SELECT e.user_id, e.clerk_user_id, e.email, e.plan, e.stripe_customer_id, e.created_at, e.updated_at,
         t.name AS tier_name, t.monthly_limit AS tier_limit,
         u.usage_count, u.period_start, u.period_end
  FROM end_users e
  LEFT JOIN tiers t ON t.platform_id = e.platform_id AND t.name = e.plan
  LEFT JOIN usage_counts u ON u.platform_id = e.platform_id AND u.user_id = e.user_id`;

function toEndUserWithUsage(row: EndUserUsageRow, period: BillingPeriod): EndUserWithUsage {
  return {
    userId: row.user_id,
    clerkUserId: row.clerk_user_id,
    email: row.email,
    plan: row.plan,
    stripeCustomerId: row.stripe_customer_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    planExists: row.tier_name !== null,
    usage: usageFromCounter(
      { plan: row.plan, limit: row.tier_limit, count: row.usage_count, periodStart: row.period_start, periodEnd: row.period_end },
      period,
    ),
  };
}

export async function getEndUserWithUsage(
  db: D1Database,
  platformId: string,
  userId: string,
  period: BillingPeriod,
): Promise<EndUserWithUsage | null> {
  const row = await db
    .prepare(`${SELECT_WITH_USAGE} WHERE e.platform_id = ?1 AND e.user_id = ?2`)
    .bind(platformId, userId)
    .first<EndUserUsageRow>();
  return row ? toEndUserWithUsage(row, period) : null;
}

export interface EndUserPageCursor {
  createdAt: string;
  userId: string;
}

/** Newest first, keyset-paginated on (created_at, user_id). */
export async function listEndUsersWithUsage(
  db: D1Database,
  platformId: string,
  options: { limit: number; after?: EndUserPageCursor | undefined; period: BillingPeriod },
): Promise<{ customers: EndUserWithUsage[]; next: EndUserPageCursor | null }> {
  const after = options.after;
  const statement = after
    ? db
        .prepare(
          `${SELECT_WITH_USAGE}
           WHERE e.platform_id = ?1 AND (e.created_at < ?2 OR (e.created_at = ?2 AND e.user_id < ?3))
           ORDER BY e.created_at DESC, e.user_id DESC LIMIT ?4`,
        )
        .bind(platformId, after.createdAt, after.userId, options.limit + 1)
    : db
        .prepare(`${SELECT_WITH_USAGE} WHERE e.platform_id = ?1 ORDER BY e.created_at DESC, e.user_id DESC LIMIT ?2`)
        .bind(platformId, options.limit + 1);
  const { results } = await statement.all<EndUserUsageRow>();
  const page = results.slice(0, options.limit).map((row) => toEndUserWithUsage(row, options.period));
  const last = page.at(-1);
  const next = results.length > options.limit && last ? { createdAt: last.createdAt, userId: last.userId } : null;
  return { customers: page, next };
}

export async function countEndUsers(db: D1Database, platformId: string): Promise<number> {
  const row = await db.prepare("SELECT COUNT(*) AS n FROM end_users WHERE platform_id = ?1").bind(platformId).first<{ n: number }>();
  return row?.n ?? 0;
}

export interface NewEndUser {
  platformId: string;
  userId: string;
  clerkUserId: string | null;
  email: string | null;
  plan: string;
  now: string;
}

/**
 * Inserts an end-user, or does nothing if it exists (a concurrent first
 * track) — or, with `maxEndUsers`, if the platform already has that many
 * (preview mode's cap, checked in the same statement so it holds under
 * concurrency).
 */
export function insertEndUserStatement(db: D1Database, user: NewEndUser, options: { maxEndUsers?: number | null } = {}): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO end_users (platform_id, user_id, clerk_user_id, email, plan, created_at, updated_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?6
       WHERE ?7 IS NULL OR (SELECT COUNT(*) FROM end_users WHERE platform_id = ?1) < ?7
       ON CONFLICT (platform_id, user_id) DO NOTHING`,
    )
    .bind(user.platformId, user.userId, user.clerkUserId, user.email, user.plan, user.now, options.maxEndUsers ?? null);
}

export async function endUserExists(db: D1Database, platformId: string, userId: string): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS found FROM end_users WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, userId).first();
  return row !== null;
}

/** Sets the plan; returns false when the user does not exist on that platform. */
export async function updateEndUserPlan(
  db: D1Database,
  input: { platformId: string; userId: string; plan: string; now: string },
): Promise<boolean> {
  const result = await db
    .prepare("UPDATE end_users SET plan = ?3, updated_at = ?4 WHERE platform_id = ?1 AND user_id = ?2")
    .bind(input.platformId, input.userId, input.plan, input.now)
    .run();
  return result.meta.changes === 1;
}
