import { clerkErrorInfo } from "@dream-api/shared";
import { endUserClerk } from "../end-user-clerk";

/**
 * The end-user's Clerk publicMetadata.plan follows D1. Idempotent, so it
 * runs after every delivery (duplicates included): a Clerk failure answers
 * 500 and Stripe's retry completes it. A Clerk user deleted meanwhile is skipped.
 */
export async function syncEndUserPlanToClerk(env: Env, user: { platformId: string; userId: string }): Promise<void> {
  const row = await env.DB.prepare("SELECT clerk_user_id, plan FROM end_users WHERE platform_id = ?1 AND user_id = ?2")
    .bind(user.platformId, user.userId)
    .first<{ clerk_user_id: string | null; plan: string }>();
  if (!row?.clerk_user_id) return;
  try {
    await endUserClerk(env).users.updateUserMetadata(row.clerk_user_id, { publicMetadata: { plan: row.plan } });
  } catch (error) {
    if (clerkErrorInfo(error).status !== 404) throw error;
  }
}
