import type { Tenant } from "@dream-api/shared";
import { getEndUserClerkPlan, getTenantOrganization } from "@dream-api/shared/db";
import { writeMembershipPlan } from "../customers/memberships";

/**
 * The end-user's plan follows D1 into their membership in the tenant's
 * organization (writeMembershipPlan). Idempotent, so it runs after every
 * delivery (duplicates included): a Clerk failure answers 500 and Stripe's
 * retry completes it. A customer without a Clerk user, or a membership gone
 * meanwhile, is skipped.
 */
export async function syncEndUserPlanToClerk(env: Env, user: Tenant & { userId: string }): Promise<void> {
  const stored = await getEndUserClerkPlan(env.DB, user, user.userId);
  if (!stored?.clerkUserId) return;
  const organizationId = await getTenantOrganization(env.DB, user);
  if (organizationId) await writeMembershipPlan(env, organizationId, stored.clerkUserId, stored.plan);
}
