import { clerkClient, clerkErrorInfo } from "@dream-api/shared";
import { getPlatform } from "@dream-api/shared/db";
import { config } from "../../config";

/** How many times a sync re-reads D1 and writes again before giving up (500; Stripe's retry finishes it). */
const MAX_SYNC_ROUNDS = 5;

/**
 * Brings the developer's Clerk `publicMetadata.plan` in line with D1, whatever
 * the interleaving of concurrent deliveries: write the plan D1 holds now,
 * then read D1 again — if another delivery's batch changed it meanwhile,
 * write again. Every delivery runs this after its own batch (duplicates
 * too), so the last Clerk write of all is of a plan read after the last
 * batch: Clerk ends on D1's final state. A Clerk failure throws (500) and
 * Stripe's retry, a duplicate, syncs again. A deleted Clerk user is skipped.
 */
export async function syncDeveloperPlanToClerk(env: Env, platformId: string): Promise<void> {
  let platform = await getPlatform(env.DB, platformId);
  for (let round = 0; platform && round < MAX_SYNC_ROUNDS; round++) {
    const written = platform.plan;
    await setClerkPlan(env, platform.developerId, written);
    platform = await getPlatform(env.DB, platformId);
    if (!platform || platform.plan === written) return;
  }
  if (platform) throw new Error(`the developer's plan kept changing while syncing it to Clerk (${MAX_SYNC_ROUNDS} rounds)`);
}

async function setClerkPlan(env: Env, developerId: string, plan: string): Promise<void> {
  const settings = config(env);
  try {
    await clerkClient({ secretKey: settings.CLERK_SECRET_KEY, apiUrl: settings.CLERK_API_URL }).users.updateUserMetadata(developerId, {
      publicMetadata: { plan },
    });
  } catch (error) {
    if (clerkErrorInfo(error).status === 404) return;
    throw error;
  }
}
