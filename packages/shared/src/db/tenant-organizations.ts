/**
 * D1 access for tenant_organizations: the Clerk Organization of each
 * (platform, mode) in the shared end-user application, and the pending
 * memberships of end-users who belonged to a tenant before organizations
 * (end_users.membership_pending). An end-user session's active organization
 * is read back here as the tenant; nothing else names an end-user's tenant.
 */
import type { KeyMode, Tenant } from "../ids";

export async function getTenantOrganization(db: D1Database, tenant: Tenant): Promise<string | null> {
  const row = await db.prepare("SELECT organization_id FROM tenant_organizations WHERE platform_id = ?1 AND mode = ?2").bind(tenant.platformId, tenant.mode).first<{ organization_id: string }>();
  return row?.organization_id ?? null;
}

/** Records the tenant's organization unless one is recorded already; returns the one recorded (first writer wins). */
export async function recordTenantOrganization(db: D1Database, input: Tenant & { organizationId: string; now: string }): Promise<string> {
  await db
    .prepare("INSERT INTO tenant_organizations (organization_id, platform_id, mode, created_at) VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING")
    .bind(input.organizationId, input.platformId, input.mode, input.now)
    .run();
  return (await getTenantOrganization(db, input)) ?? input.organizationId;
}

/** What an end-user session's active organization names: its tenant, the platform's plan, and the person's end-user there (if registered). */
export interface SessionTenant extends Tenant {
  plan: "free" | "paid";
  /** The end-user linked to the session's Clerk user, or registered under its id and not linked to anyone (then linked now); null: not a customer yet. */
  userId: string | null;
}

/**
 * The tenant an organization is and, in the same statement, the session's
 * end-user in it (see findEndUserOfClerkUser for the linking rule). null:
 * no tenant has this organization.
 */
export async function findSessionTenant(db: D1Database, organizationId: string, clerkUserId: string): Promise<SessionTenant | null> {
  const row = await db
    .prepare(
      `SELECT t.platform_id, t.mode, p.plan, e.user_id, e.clerk_user_id
       FROM tenant_organizations t
       JOIN platforms p ON p.platform_id = t.platform_id
       LEFT JOIN end_users e ON e.platform_id = t.platform_id AND e.mode = t.mode
         AND (e.clerk_user_id = ?2 OR (e.user_id = ?2 AND e.clerk_user_id IS NULL))
       WHERE t.organization_id = ?1
       ORDER BY e.clerk_user_id IS NULL LIMIT 1`,
    )
    .bind(organizationId, clerkUserId)
    .first<{ platform_id: string; mode: KeyMode; plan: "free" | "paid"; user_id: string | null; clerk_user_id: string | null }>();
  if (!row) return null;
  if (row.user_id !== null && row.clerk_user_id === null) {
    await db.prepare("UPDATE end_users SET clerk_user_id = ?2 WHERE platform_id = ?1 AND mode = ?3 AND user_id = ?2 AND clerk_user_id IS NULL").bind(row.platform_id, clerkUserId, row.mode).run();
  }
  return { platformId: row.platform_id, mode: row.mode, plan: row.plan, userId: row.user_id };
}
