/**
 * D1 access for end_users, always scoped by the authenticated tenant
 * (platformId and mode).
 * Reads join the plan's tier and the usage counter so a customer and its
 * usage come back in one statement.
 */
import type { KeyMode, Tenant } from "../ids";
import { calendarMonthPeriod, type BillingPeriod } from "../periods";
import { creditBalanceSql } from "./credits";
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
  /** The most recently updated subscription, summarised (null: never subscribed). */
  latestSubscription: { status: string; cancelAtPeriodEnd: boolean; currentPeriodEnd: string | null; canceledAt: string | null } | null;
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
  credit_count: number | null;
  credits: number;
  sub_period_start: string | null;
  sub_period_end: string | null;
  last_sub: string | null;
}

/**
 * ?NOW is bound by the callers (the statement's last parameter): the active
 * subscription covering now gives the applicable period; the latest
 * subscription is summarised as JSON for the customer view.
 */
const selectWithUsage = (nowParam: string) => `
  SELECT e.user_id, e.clerk_user_id, e.email, e.plan, e.stripe_customer_id, e.created_at, e.updated_at,
         t.name AS tier_name, t.monthly_limit AS tier_limit,
         u.usage_count, u.period_start, u.period_end, u.credit_count,
         ${creditBalanceSql({ platform: "e.platform_id", mode: "e.mode", user: "e.user_id", now: nowParam })} AS credits,
         a.current_period_start AS sub_period_start, a.current_period_end AS sub_period_end,
         (SELECT json_object('status', l.status, 'cancelAtPeriodEnd', l.cancel_at_period_end, 'currentPeriodEnd', l.current_period_end, 'canceledAt', l.canceled_at)
            FROM subscriptions l WHERE l.platform_id = e.platform_id AND l.mode = e.mode AND l.user_id = e.user_id
            ORDER BY l.updated_at DESC LIMIT 1) AS last_sub
  FROM end_users e
  LEFT JOIN tiers t ON t.platform_id = e.platform_id AND t.mode = e.mode AND t.name = e.plan
  LEFT JOIN usage_counts u ON u.platform_id = e.platform_id AND u.mode = e.mode AND u.user_id = e.user_id
  LEFT JOIN subscriptions a ON a.subscription_id = (
    SELECT s.subscription_id FROM subscriptions s
    WHERE s.platform_id = e.platform_id AND s.mode = e.mode AND s.user_id = e.user_id AND s.status IN ('active', 'trialing')
      AND s.current_period_start <= ${nowParam} AND s.current_period_end > ${nowParam}
    ORDER BY s.current_period_end DESC LIMIT 1)`;

function toEndUserWithUsage(row: EndUserUsageRow, calendar: BillingPeriod, now: Date): EndUserWithUsage {
  const applicable = row.sub_period_start && row.sub_period_end ? { start: row.sub_period_start, end: row.sub_period_end } : calendar;
  const last = row.last_sub ? (JSON.parse(row.last_sub) as { status: string; cancelAtPeriodEnd: number; currentPeriodEnd: string | null; canceledAt: string | null }) : null;
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
      {
        plan: row.plan,
        limit: row.tier_limit,
        count: row.usage_count,
        periodStart: row.period_start,
        periodEnd: row.period_end,
        creditCount: row.credit_count,
        credits: row.credits,
      },
      applicable,
      now,
    ),
    latestSubscription: last && { ...last, cancelAtPeriodEnd: last.cancelAtPeriodEnd === 1 },
  };
}

/** One end-user with its usage at `now` (calendar month unless a subscription period applies). */
export async function getEndUserWithUsage(db: D1Database, tenant: Tenant, userId: string, now: Date): Promise<EndUserWithUsage | null> {
  const row = await db
    .prepare(`${selectWithUsage("?4")} WHERE e.platform_id = ?1 AND e.mode = ?2 AND e.user_id = ?3`)
    .bind(tenant.platformId, tenant.mode, userId, now.toISOString())
    .first<EndUserUsageRow>();
  return row ? toEndUserWithUsage(row, calendarMonthPeriod(now), now) : null;
}

export interface EndUserPageCursor {
  createdAt: string;
  userId: string;
}

/**
 * `column` starts with the text bound at `param`: the customer search
 * (`GET /api/customers?q=`) on userId or email. Case-insensitive for ASCII
 * letters only, as SQLite's LIKE is (lower() folds A-Z alone without ICU);
 * every other character — `%`, `_` and `\` included — matches itself.
 * Not `LIKE 'q%'`: D1 refuses LIKE/GLOB patterns over 50 bytes, and the API
 * accepts q up to 128 characters. substr/length count characters, so a
 * multi-byte q of any length works. Neither form can use an index (LIKE is
 * case-insensitive); the search stays within one platform's rows, which the
 * (platform_id, mode, created_at, user_id) index walks in page order.
 */
const PREFIX_MATCH = (column: string, param: string) => `lower(substr(${column}, 1, length(${param}))) = lower(${param})`;

/** Newest first, keyset-paginated on (created_at, user_id); `search` is a userId or email prefix (see PREFIX_MATCH). */
export async function listEndUsersWithUsage(
  db: D1Database,
  tenant: Tenant,
  options: { limit: number; after?: EndUserPageCursor | undefined; now: Date; search?: string | undefined },
): Promise<{ customers: EndUserWithUsage[]; next: EndUserPageCursor | null }> {
  const after = options.after;
  const statement = db
    .prepare(
      `${selectWithUsage("?6")}
       WHERE e.platform_id = ?1 AND e.mode = ?7
         AND (?2 IS NULL OR e.created_at < ?2 OR (e.created_at = ?2 AND e.user_id < ?3))
         AND (?5 IS NULL OR ${PREFIX_MATCH("e.user_id", "?5")} OR ${PREFIX_MATCH("e.email", "?5")})
       ORDER BY e.created_at DESC, e.user_id DESC LIMIT ?4`,
    )
    .bind(tenant.platformId, after?.createdAt ?? null, after?.userId ?? null, options.limit + 1, options.search || null, options.now.toISOString(), tenant.mode);
  const { results } = await statement.all<EndUserUsageRow>();
  const calendar = calendarMonthPeriod(options.now);
  const page = results.slice(0, options.limit).map((row) => toEndUserWithUsage(row, calendar, options.now));
  const last = page.at(-1);
  const next = results.length > options.limit && last ? { createdAt: last.createdAt, userId: last.userId } : null;
  return { customers: page, next };
}

export async function countEndUsers(db: D1Database, tenant: Tenant): Promise<number> {
  const row = await db.prepare("SELECT COUNT(*) AS n FROM end_users WHERE platform_id = ?1 AND mode = ?2").bind(tenant.platformId, tenant.mode).first<{ n: number }>();
  return row?.n ?? 0;
}

export interface NewEndUser extends Tenant {
  userId: string;
  clerkUserId: string | null;
  email: string | null;
  plan: string;
  now: string;
}

/**
 * Inserts an end-user, or does nothing if its userId exists (a concurrent
 * first track) or its email is another end-user's of the tenant — or, with
 * `maxEndUsers`, if the tenant already has that many (preview mode's cap,
 * checked in the same statement so it holds under concurrency).
 */
export function insertEndUserStatement(db: D1Database, user: NewEndUser, options: { maxEndUsers?: number | null } = {}): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO end_users (platform_id, mode, user_id, clerk_user_id, email, plan, created_at, updated_at)
       SELECT ?1, ?8, ?2, ?3, ?4, ?5, ?6, ?6
       WHERE ?7 IS NULL OR (SELECT COUNT(*) FROM end_users WHERE platform_id = ?1 AND mode = ?8) < ?7
       ON CONFLICT DO NOTHING`,
    )
    .bind(user.platformId, user.userId, user.clerkUserId, user.email, user.plan, user.now, options.maxEndUsers ?? null, user.mode);
}

/**
 * The platform's end-user that a Clerk user of the end-user app is: the one
 * linked to it (clerk_user_id), else the one the developer's backend
 * registered with the Clerk user id as its userId (a track or create
 * without email) and never linked — which is linked now, so the two are one
 * customer. null when neither exists.
 */
export async function findEndUserOfClerkUser(db: D1Database, tenant: Tenant, clerkUserId: string): Promise<string | null> {
  const row = await db
    .prepare(
      `SELECT user_id, clerk_user_id FROM end_users
       WHERE platform_id = ?1 AND mode = ?3 AND (clerk_user_id = ?2 OR (user_id = ?2 AND clerk_user_id IS NULL))
       ORDER BY clerk_user_id IS NULL LIMIT 1`,
    )
    .bind(tenant.platformId, clerkUserId, tenant.mode)
    .first<{ user_id: string; clerk_user_id: string | null }>();
  if (!row) return null;
  if (row.clerk_user_id === null) {
    await db.prepare("UPDATE end_users SET clerk_user_id = ?2 WHERE platform_id = ?1 AND mode = ?3 AND user_id = ?2 AND clerk_user_id IS NULL").bind(tenant.platformId, clerkUserId, tenant.mode).run();
  }
  return row.user_id;
}

/** Deletes the end-user (after its counter: deleteUsageCounterStatements); its subscriptions, purchases and events stay on record. */
export function deleteEndUserStatement(db: D1Database, tenant: Tenant, userId: string): D1PreparedStatement {
  return db.prepare("DELETE FROM end_users WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3").bind(tenant.platformId, tenant.mode, userId);
}

/** Whether an end-user of the tenant has this email (stored lowercase). */
export async function endUserEmailTaken(db: D1Database, tenant: Tenant, email: string): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS found FROM end_users WHERE platform_id = ?1 AND mode = ?2 AND email = ?3").bind(tenant.platformId, tenant.mode, email).first();
  return row !== null;
}

export async function endUserExists(db: D1Database, tenant: Tenant, userId: string): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS found FROM end_users WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3").bind(tenant.platformId, tenant.mode, userId).first();
  return row !== null;
}

/** Sets the plan; returns false when the user does not exist in that tenant. */
export async function updateEndUserPlan(db: D1Database, input: Tenant & { userId: string; plan: string; now: string }): Promise<boolean> {
  const result = await db
    .prepare("UPDATE end_users SET plan = ?3, updated_at = ?4 WHERE platform_id = ?1 AND mode = ?5 AND user_id = ?2")
    .bind(input.platformId, input.userId, input.plan, input.now, input.mode)
    .run();
  return result.meta.changes === 1;
}

/**
 * Derives the end-user's plan from all of its subscriptions as stored: the
 * tier of an active or trialing one, else `freePlan`. Run in the same batch
 * as the subscription upsert, it makes the plan a function of Stripe's state
 * — never of the order events came in — so a stale event cannot move a plan
 * backwards.
 */
export function derivePlanStatement(db: D1Database, input: Tenant & { userId: string; freePlan: string; customerId: string | null; stripeAccount: string | null; now: string }): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE end_users SET
         plan = COALESCE((SELECT s.plan FROM subscriptions s
                          WHERE s.platform_id = ?1 AND s.mode = ?7 AND s.user_id = ?2 AND s.status IN ('active', 'trialing')
                          ORDER BY s.current_period_end DESC LIMIT 1), ?3),
         stripe_customer_id = COALESCE(?4, stripe_customer_id),
         stripe_customer_account = IIF(?4 IS NULL, stripe_customer_account, ?5),
         updated_at = ?6
       WHERE platform_id = ?1 AND mode = ?7 AND user_id = ?2`,
    )
    .bind(input.platformId, input.userId, input.freePlan, input.customerId, input.stripeAccount, input.now, input.mode);
}

/**
 * Records the Stripe customer a paid one-off purchase was made by (and the
 * account it lives on), so the billing portal can open for it; a purchase
 * without a customer changes neither. In the purchase event's batch.
 */
export function recordStripeCustomerStatement(db: D1Database, input: Tenant & { userId: string; customerId: string | null; stripeAccount: string | null; now: string }): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE end_users SET stripe_customer_id = COALESCE(?3, stripe_customer_id), stripe_customer_account = IIF(?3 IS NULL, stripe_customer_account, ?4), updated_at = ?5
         WHERE platform_id = ?1 AND mode = ?6 AND user_id = ?2`,
    )
    .bind(input.platformId, input.userId, input.customerId, input.stripeAccount, input.now, input.mode);
}

/** What Checkout and the billing portal need of an end-user: its email and Stripe customer, with the account that customer lives on. */
export interface EndUserBilling {
  email: string | null;
  stripeCustomerId: string | null;
  /** The connected account (null: the platform's own, in preview) where stripeCustomerId exists. */
  stripeCustomerAccount: string | null;
}

/** The end-user's billing identity; null when the platform has no such end-user. */
export async function getEndUserBilling(db: D1Database, tenant: Tenant, userId: string): Promise<EndUserBilling | null> {
  const row = await db
    .prepare("SELECT email, stripe_customer_id, stripe_customer_account FROM end_users WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3")
    .bind(tenant.platformId, tenant.mode, userId)
    .first<{ email: string | null; stripe_customer_id: string | null; stripe_customer_account: string | null }>();
  return row ? { email: row.email, stripeCustomerId: row.stripe_customer_id, stripeCustomerAccount: row.stripe_customer_account } : null;
}

/** Whether one of the platform's end-users is already linked to this Clerk user of the end-user app. */
export async function isClerkUserLinked(db: D1Database, tenant: Tenant, clerkUserId: string): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS found FROM end_users WHERE platform_id = ?1 AND mode = ?2 AND clerk_user_id = ?3").bind(tenant.platformId, tenant.mode, clerkUserId).first();
  return row !== null;
}

/** The end-user's linked Clerk user and stored plan (what Clerk's publicMetadata.plan must follow); null: no such end-user. */
export async function getEndUserClerkPlan(db: D1Database, tenant: Tenant, userId: string): Promise<{ clerkUserId: string | null; plan: string } | null> {
  const row = await db
    .prepare("SELECT clerk_user_id, plan FROM end_users WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3")
    .bind(tenant.platformId, tenant.mode, userId)
    .first<{ clerk_user_id: string | null; plan: string }>();
  return row ? { clerkUserId: row.clerk_user_id, plan: row.plan } : null;
}

/** End-users linked to a Clerk user who are not yet members of their tenant's organization, oldest first. */
export async function listPendingMemberships(db: D1Database, limit: number): Promise<(Tenant & { userId: string; clerkUserId: string })[]> {
  const { results } = await db
    .prepare(
      `SELECT platform_id, mode, user_id, clerk_user_id FROM end_users
       WHERE membership_pending = 1 AND clerk_user_id IS NOT NULL ORDER BY created_at LIMIT ?1`,
    )
    .bind(limit)
    .all<{ platform_id: string; mode: KeyMode; user_id: string; clerk_user_id: string }>();
  return results.map((row) => ({ platformId: row.platform_id, mode: row.mode, userId: row.user_id, clerkUserId: row.clerk_user_id }));
}

/** The end-user is a member of its tenant's organization now. */
export async function markMembershipDone(db: D1Database, tenant: Tenant, userId: string): Promise<void> {
  await db.prepare("UPDATE end_users SET membership_pending = 0 WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3").bind(tenant.platformId, tenant.mode, userId).run();
}
