/**
 * Which developer an end-user belongs to, in Clerk: the shared end-user
 * application has one Organization per tenant (platform and mode), and a
 * person is a member of every tenant they are a customer of. The session's
 * active organization names its tenant (authenticate.ts), so a membership is
 * what lets a person's session act at a developer — made when they join on
 * the developer's pricing page (join.ts) or the developer's backend creates
 * them (create.ts), removed when the developer deletes them (delete.ts).
 * Why organizations: docs/end-users.md.
 */
import { clerkErrorInfo, sha256Hex, type Tenant } from "@dream-api/shared";
import { getTenantOrganization, listPendingMemberships, markMembershipDone, recordTenantOrganization } from "@dream-api/shared/db";
import { clerkFailure, endUserClerk } from "../end-user-clerk";

/**
 * The organization's slug: one per tenant, so a second creator (a
 * concurrent request, or a retry after D1 failed) finds the first one's
 * organization instead of making another. Slugs are lowercase and platform
 * ids are not, so the slug carries a hash of the id (128 bits) rather than
 * the id itself.
 */
export async function tenantOrganizationSlug(tenant: Tenant): Promise<string> {
  return `${tenant.mode}-${(await sha256Hex(tenant.platformId)).slice(0, 32)}`;
}

/** The tenant's organization in the end-user application, made on first need. */
export async function tenantOrganization(env: Env, tenant: Tenant, now: Date): Promise<string> {
  const recorded = await getTenantOrganization(env.DB, tenant);
  if (recorded) return recorded;
  const organizationId = await createOrFindOrganization(env, tenant);
  return recordTenantOrganization(env.DB, { ...tenant, organizationId, now: now.toISOString() });
}

async function createOrFindOrganization(env: Env, tenant: Tenant): Promise<string> {
  const clerk = endUserClerk(env);
  const slug = await tenantOrganizationSlug(tenant);
  try {
    const organization = await clerk.organizations.createOrganization({
      name: `Customers of ${tenant.platformId} (${tenant.mode})`,
      slug,
      publicMetadata: { platformId: tenant.platformId, mode: tenant.mode },
      // 0: no limit; a developer may have any number of customers.
      maxAllowedMemberships: 0,
    });
    return organization.id;
  } catch (error) {
    const { status, codes } = clerkErrorInfo(error);
    if (status !== 422 || !codes.includes("form_identifier_exists")) throw clerkFailure("create the platform's organization", error);
  }
  const existing = await clerk.organizations.getOrganization({ slug }).catch((error: unknown) => {
    throw clerkFailure("look up the platform's organization", error);
  });
  const meta = existing.publicMetadata as { platformId?: unknown; mode?: unknown } | null;
  if (meta?.platformId !== tenant.platformId || meta.mode !== tenant.mode) {
    throw clerkFailure("create the platform's organization", new Error(`slug ${slug} belongs to another organization`));
  }
  return existing.id;
}

/** What adding a membership found: added now, a member already, or no such Clerk user (deleted meanwhile). */
export type MembershipResult = "added" | "member" | "no_user";

/** Makes the person a member (org:member) of the organization. */
export async function addMembership(env: Env, organizationId: string, clerkUserId: string): Promise<MembershipResult> {
  try {
    await endUserClerk(env).organizations.createOrganizationMembership({ organizationId, userId: clerkUserId, role: "org:member" });
    return "added";
  } catch (error) {
    const { status, codes } = clerkErrorInfo(error);
    if (status === 400 && codes.includes("already_a_member_in_organization")) return "member";
    if (status === 404 && (await clerkUserGone(env, clerkUserId))) return "no_user";
    throw clerkFailure("add the end-user to the platform", error);
  }
}

async function clerkUserGone(env: Env, clerkUserId: string): Promise<boolean> {
  try {
    await endUserClerk(env).users.getUser(clerkUserId);
    return false;
  } catch (error) {
    return clerkErrorInfo(error).status === 404;
  }
}

/** Removes the person from this one organization (their other memberships stay); a membership already gone is fine. */
export async function removeMembership(env: Env, organizationId: string, clerkUserId: string): Promise<void> {
  try {
    await endUserClerk(env).organizations.deleteOrganizationMembership({ organizationId, userId: clerkUserId });
  } catch (error) {
    if (clerkErrorInfo(error).status !== 404) throw clerkFailure("remove the end-user from the platform", error);
  }
}

/**
 * The person's plan at this developer, on their membership's public
 * metadata (`{ plan }`, readable by their own session) — never on the Clerk
 * user, which is the person's across developers. A membership gone
 * meanwhile is skipped; any other Clerk failure is thrown as Clerk's error
 * (the webhook answers it with 500 so Stripe retries).
 */
export async function writeMembershipPlan(env: Env, organizationId: string, clerkUserId: string, plan: string): Promise<void> {
  try {
    await endUserClerk(env).organizations.updateOrganizationMembershipMetadata({ organizationId, userId: clerkUserId, publicMetadata: { plan } });
  } catch (error) {
    if (clerkErrorInfo(error).status !== 404) throw error;
  }
}

/** writeMembershipPlan for a request: a Clerk failure is 502 `clerk_error`. */
export async function setMembershipPlan(env: Env, organizationId: string, clerkUserId: string, plan: string): Promise<void> {
  await writeMembershipPlan(env, organizationId, clerkUserId, plan).catch((error: unknown) => {
    throw clerkFailure("update the end-user's plan", error);
  });
}

/** Where the backfill of memberships stands after one run. */
export interface MembershipBackfill {
  added: number;
  failed: number;
}

/**
 * Adds the memberships of end-users who belonged to a tenant before
 * organizations (migration 0015 marks them), `limit` per run, oldest first.
 * A Clerk user deleted meanwhile has nothing to join: its mark is cleared.
 * A failure leaves the mark for the next run.
 */
export async function backfillMemberships(env: Env, now: Date, limit: number): Promise<MembershipBackfill> {
  const pending = await listPendingMemberships(env.DB, limit);
  let added = 0;
  let failed = 0;
  for (const user of pending) {
    try {
      const result = await addMembership(env, await tenantOrganization(env, user, now), user.clerkUserId);
      if (result !== "no_user") added += 1;
      await markMembershipDone(env.DB, user, user.userId);
    } catch (error) {
      failed += 1;
      // Ids and Clerk's status and codes only: a developer's userId may be an email, and an error's message may quote one.
      console.error("membership backfill: will retry", { platformId: user.platformId, mode: user.mode, clerkUserId: user.clerkUserId, error: errorName(error), ...clerkErrorInfo(error) });
    }
  }
  return { added, failed };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
