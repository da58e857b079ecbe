import { clerkErrorInfo, type Tenant } from "@dream-api/shared";
import { getEndUserClerkPlan } from "@dream-api/shared/db";
import { endUserClerk } from "../end-user-clerk";

/**
 * The end-user's Clerk publicMetadata.plan follows D1. Idempotent, so it
 * runs after every delivery (duplicates included): a Clerk failure answers
 * 500 and Stripe's retry completes it. A Clerk user deleted meanwhile is skipped.
 */
export async function syncEndUserPlanToClerk(env: Env, user: Tenant & { userId: string }): Promise<void> {
  const stored = await getEndUserClerkPlan(env.DB, user, user.userId);
  if (!stored?.clerkUserId) return;
  try {
    await endUserClerk(env).users.updateUserMetadata(stored.clerkUserId, { publicMetadata: { plan: stored.plan } });
  } catch (error) {
    if (clerkErrorInfo(error).status !== 404) throw error;
  }
}
