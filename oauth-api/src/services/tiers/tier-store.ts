/** D1 side of tiers for oauth-api, and the KV refresh that makes api-multi see changes at once. */
import { ApiError, type Tier } from "@dream-api/shared";
import { getConnectedAccount, listTiers, tierCacheKvKey } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";

export async function refreshTierCache(env: Env, platformId: string): Promise<Tier[]> {
  const tiers = await listTiers(env.DB, platformId);
  await env.TIER_CACHE.put(tierCacheKvKey(platformId), JSON.stringify(tiers), { expirationTtl: 3600 });
  return tiers;
}

/** The connected account, required for tiers that cost money. */
export async function requireConnectedAccount(ctx: ServiceContext): Promise<string> {
  const account = await getConnectedAccount(ctx.env.DB, ctx.platform.platformId);
  if (!account) {
    throw new ApiError("stripe_not_connected", "Connect your Stripe account (POST /connect/start) before creating paid tiers; free tiers need no Stripe.");
  }
  return account.stripeUserId;
}
