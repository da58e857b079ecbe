/**
 * Prepaid credits (credit_grants, migration 0019): an end-user's grants and
 * deductions. A grant's `remaining` is spent by tracks past the period
 * allowance (db/usage.ts) and by deductions, always from the grants that
 * expire first (never-expiring last, then oldest); an expired grant is
 * never spent. Every spend runs in the same DB.batch as the statement that
 * admitted it, so balance and count move together or not at all.
 */
import type { Tenant } from "../ids";

/** The unexpired balance of one end-user as a scalar subquery: its arguments are SQL (columns or parameters). */
export function creditBalanceSql(at: { platform: string; mode: string; user: string; now: string }): string {
  return `(SELECT COALESCE(SUM(g.remaining), 0) FROM credit_grants g
    WHERE g.platform_id = ${at.platform} AND g.mode = ${at.mode} AND g.user_id = ${at.user} AND g.remaining > 0 AND (g.expires_at IS NULL OR g.expires_at > ${at.now}))`;
}

const NEW_GRANT_ID = "'cg_' || lower(hex(randomblob(12)))";
const GRANT_ID = /^cg_[0-9a-f]{24}$/;

export type CreditSource = "purchase" | "api" | "dashboard" | "plan";

export interface CreditGrant {
  id: string;
  source: CreditSource;
  /** Positive: a grant; negative: a deduction (its remaining is 0). */
  amount: number;
  remaining: number;
  expiresAt: string | null;
  reason: string | null;
  createdAt: string;
}

interface GrantRow {
  grant_id: string;
  source: CreditSource;
  amount: number;
  remaining: number;
  expires_at: string | null;
  reason: string | null;
  created_at: string;
}

function toGrant(row: GrantRow): CreditGrant {
  return { id: row.grant_id, source: row.source, amount: row.amount, remaining: row.remaining, expiresAt: row.expires_at, reason: row.reason, createdAt: row.created_at };
}

/**
 * Spends `total` units of the end-user's unexpired grants, expiring-first,
 * where `total` is read in the same batch: the take the counting statement
 * recorded for this request (`fromTrackRequest`), or a deduction's amount
 * (`fromDeduction`, its grant id) — so a statement that admitted nothing
 * makes this spend nothing.
 */
export function spendCreditsStatement(db: D1Database, at: Tenant & { userId: string; now: string }, from: { fromTrackRequest: string } | { fromDeduction: string }): D1PreparedStatement {
  const total =
    "fromTrackRequest" in from
      ? "SELECT credit_take FROM usage_counts WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3 AND credit_take_request = ?5"
      : "SELECT -amount FROM credit_grants WHERE grant_id = ?5 AND platform_id = ?1 AND mode = ?2 AND user_id = ?3";
  return db
    .prepare(
      `UPDATE credit_grants SET remaining = credit_grants.remaining - x.take
       FROM (
         SELECT grant_id, MIN(remaining, MAX(0, t.total - (running - remaining))) AS take FROM (
           SELECT grant_id, remaining,
                  SUM(remaining) OVER (ORDER BY expires_at IS NULL, expires_at, created_at, grant_id ROWS UNBOUNDED PRECEDING) AS running
           FROM credit_grants
           WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3 AND remaining > 0 AND (expires_at IS NULL OR expires_at > ?4)
         ), (SELECT COALESCE((${total}), 0) AS total) t
       ) AS x
       WHERE credit_grants.grant_id = x.grant_id AND x.take > 0`,
    )
    .bind(at.platformId, at.mode, at.userId, at.now, "fromTrackRequest" in from ? from.fromTrackRequest : from.fromDeduction);
}

export interface CreditMovementInput {
  userId: string;
  source: Exclude<CreditSource, "purchase">;
  /** Non-zero: a grant when positive, a deduction when negative. */
  amount: number;
  expiresAt: string | null;
  reason: string;
  /** The caller's Idempotency-Key, if any: the movement happens once per key. */
  idempotencyKey: string | null;
  requestHash: string | null;
  now: string;
}

/**
 * An admin grant or deduction, for a DB.batch. A grant is one insert; a
 * deduction inserts its record only if the unexpired balance covers it, and
 * spends that much in the same batch. Nothing is written for an unknown
 * end-user or an Idempotency-Key used before (read which with
 * `creditMovementByKey`). Returns the statements and the new row's id.
 */
export function creditMovementStatements(db: D1Database, tenant: Tenant, input: CreditMovementInput): { statements: D1PreparedStatement[]; grantId: string } {
  const grantId = `cg_${Array.from(crypto.getRandomValues(new Uint8Array(12)), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
  const deduction = input.amount < 0;
  const covered = deduction ? `AND ${creditBalanceSql({ platform: "?2", mode: "?3", user: "?4", now: "?11" })} >= -?6` : "";
  const insert = db
    .prepare(
      `INSERT INTO credit_grants (grant_id, platform_id, mode, user_id, source, amount, remaining, expires_at, reason, reference, request_hash, created_at)
       SELECT ?1, ?2, ?3, ?4, ?5, ?6, MAX(?6, 0), ?7, ?8, ?9, ?10, ?11
       WHERE EXISTS (SELECT 1 FROM end_users e WHERE e.platform_id = ?2 AND e.mode = ?3 AND e.user_id = ?4) ${covered}
       ON CONFLICT (platform_id, mode, reference) DO NOTHING`,
    )
    .bind(
      grantId,
      tenant.platformId,
      tenant.mode,
      input.userId,
      input.source,
      input.amount,
      deduction ? null : input.expiresAt,
      input.reason,
      input.idempotencyKey === null ? null : `key:${input.idempotencyKey}`,
      input.requestHash,
      input.now,
    );
  const statements = [insert];
  if (deduction) statements.push(spendCreditsStatement(db, { ...tenant, userId: input.userId, now: input.now }, { fromDeduction: grantId }));
  return { statements, grantId };
}

/** The movement an Idempotency-Key made, with the hash of the request that made it. */
export async function creditMovementByKey(db: D1Database, tenant: Tenant, key: string): Promise<(CreditGrant & { userId: string; requestHash: string | null }) | null> {
  const row = await db
    .prepare("SELECT grant_id, user_id, source, amount, remaining, expires_at, reason, created_at, request_hash FROM credit_grants WHERE platform_id = ?1 AND mode = ?2 AND reference = ?3")
    .bind(tenant.platformId, tenant.mode, `key:${key}`)
    .first<GrantRow & { user_id: string; request_hash: string | null }>();
  return row ? { ...toGrant(row), userId: row.user_id, requestHash: row.request_hash } : null;
}

/**
 * The grant a paid one-off checkout makes when its tier grants credits:
 * the tier's credits, valid for its validity in days from `now`. Once per
 * checkout session (the reference is unique); nothing for a tier without
 * credits. For the DB.batch that records the purchase.
 */
export function purchaseCreditGrantStatement(db: D1Database, tenant: Tenant, input: { userId: string; tier: string; checkoutSessionId: string; now: string }): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO credit_grants (grant_id, platform_id, mode, user_id, source, amount, remaining, expires_at, reason, reference, request_hash, created_at)
       SELECT ${NEW_GRANT_ID}, ?1, ?2, ?3, 'purchase', t.credits, t.credits,
              IIF(t.credit_validity_days IS NULL, NULL, strftime('%Y-%m-%dT%H:%M:%fZ', ?6, '+' || t.credit_validity_days || ' days')),
              'Bought ' || t.display_name, 'checkout:' || ?5, NULL, ?6
       FROM tiers t WHERE t.platform_id = ?1 AND t.mode = ?2 AND t.name = ?4 AND t.credits IS NOT NULL
       ON CONFLICT (platform_id, mode, reference) DO NOTHING`,
    )
    .bind(tenant.platformId, tenant.mode, input.userId, input.tier, input.checkoutSessionId, input.now);
}

/** The grant a checkout session made, if its tier granted credits. */
export async function purchaseCreditGrant(db: D1Database, tenant: Tenant, checkoutSessionId: string): Promise<(CreditGrant & { userId: string }) | null> {
  const row = await db
    .prepare("SELECT grant_id, user_id, source, amount, remaining, expires_at, reason, created_at FROM credit_grants WHERE platform_id = ?1 AND mode = ?2 AND reference = ?3")
    .bind(tenant.platformId, tenant.mode, `checkout:${checkoutSessionId}`)
    .first<GrantRow & { user_id: string }>();
  return row ? { ...toGrant(row), userId: row.user_id } : null;
}

export async function getCreditGrant(db: D1Database, tenant: Tenant, grantId: string): Promise<CreditGrant | null> {
  if (!GRANT_ID.test(grantId)) return null;
  const row = await db
    .prepare("SELECT grant_id, source, amount, remaining, expires_at, reason, created_at FROM credit_grants WHERE grant_id = ?1 AND platform_id = ?2 AND mode = ?3")
    .bind(grantId, tenant.platformId, tenant.mode)
    .first<GrantRow>();
  return row ? toGrant(row) : null;
}

export interface CreditGrantCursor {
  createdAt: string;
  grantId: string;
}

/**
 * An end-user's balance at `now` and a page of its movements, newest first.
 * null: no such end-user.
 */
export async function listCreditGrants(
  db: D1Database,
  tenant: Tenant,
  userId: string,
  options: { now: string; limit: number; after?: CreditGrantCursor | undefined },
): Promise<{ balance: number; grants: CreditGrant[]; next: CreditGrantCursor | null } | null> {
  const [user, page] = await db.batch([
    balanceStatement(db, tenant, userId, options.now),
    db
      .prepare(
        `SELECT grant_id, source, amount, remaining, expires_at, reason, created_at FROM credit_grants
         WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3
           AND (?4 IS NULL OR created_at < ?4 OR (created_at = ?4 AND grant_id < ?5))
         ORDER BY created_at DESC, grant_id DESC LIMIT ?6`,
      )
      .bind(tenant.platformId, tenant.mode, userId, options.after?.createdAt ?? null, options.after?.grantId ?? null, options.limit + 1),
  ]);
  const balance = (user?.results as { balance: number }[] | undefined)?.[0]?.balance;
  if (balance === undefined) return null;
  const rows = (page?.results ?? []) as GrantRow[];
  const grants = rows.slice(0, options.limit).map(toGrant);
  const last = grants.at(-1);
  return { balance, grants, next: rows.length > options.limit && last ? { createdAt: last.createdAt, grantId: last.id } : null };
}

/** For the DB.batch that deletes an end-user. */
export function deleteCreditGrantsStatement(db: D1Database, tenant: Tenant, userId: string): D1PreparedStatement {
  return db.prepare("DELETE FROM credit_grants WHERE platform_id = ?1 AND mode = ?2 AND user_id = ?3").bind(tenant.platformId, tenant.mode, userId);
}

/** One row with the end-user's unexpired balance at `now`, none for an unknown end-user. */
function balanceStatement(db: D1Database, tenant: Tenant, userId: string, now: string): D1PreparedStatement {
  return db
    .prepare(
      `SELECT ${creditBalanceSql({ platform: "e.platform_id", mode: "e.mode", user: "e.user_id", now: "?4" })} AS balance FROM end_users e WHERE e.platform_id = ?1 AND e.mode = ?2 AND e.user_id = ?3`,
    )
    .bind(tenant.platformId, tenant.mode, userId, now);
}

/** An end-user's unexpired balance at `now`; null: no such end-user. */
export async function creditBalance(db: D1Database, tenant: Tenant, userId: string, now: string): Promise<number | null> {
  const row = await balanceStatement(db, tenant, userId, now).first<{ balance: number }>();
  return row ? row.balance : null;
}
