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

/**
 * Writes a tier's fields and Stripe refs. `retiredPriceId` is the Stripe
 * price the new `priceId` replaces: it is recorded in the same statement
 * (retired_price_id) and archived afterwards, so D1 never names an archived
 * price and a failed archive is finished by the next change of the tier.
 * Null keeps whatever replaced price is still waiting.
 */
export function updateTierStatement(db: D1Database, platformId: string, tier: Tier, now: string, retiredPriceId: string | null = null): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE tiers SET display_name = ?3, price = ?4, currency = ?5, monthly_limit = ?6, price_id = ?7, product_id = ?8,
         features = ?9, popular = ?10, inventory = ?11, image_url = ?12, description = ?13, sort_order = ?14, updated_at = ?15,
         retired_price_id = COALESCE(?16, retired_price_id)
       WHERE platform_id = ?1 AND name = ?2 AND archived_at IS NULL`,
    )
    .bind(
      platformId,
      tier.name,
      tier.displayName,
      tier.price,
      tier.currency,
      tier.limit,
      tier.priceId,
      tier.productId,
      JSON.stringify(tier.features),
      tier.popular ? 1 : 0,
      tier.inventory,
      tier.imageUrl,
      tier.description,
      tier.sortOrder,
      now,
      retiredPriceId,
    );
}

/** The replaced Stripe price of a tier still waiting to be archived (a change whose archive failed), if any. */
export async function retiredPriceOf(db: D1Database, platformId: string, name: string): Promise<string | null> {
  const row = await db.prepare("SELECT retired_price_id FROM tiers WHERE platform_id = ?1 AND name = ?2").bind(platformId, name).first<{ retired_price_id: string | null }>();
  return row?.retired_price_id ?? null;
}

/** Forgets a replaced price once Stripe has archived it (only if it is still the one waiting). */
export async function clearRetiredPrice(db: D1Database, platformId: string, name: string, priceId: string): Promise<void> {
  await db
    .prepare("UPDATE tiers SET retired_price_id = NULL WHERE platform_id = ?1 AND name = ?2 AND retired_price_id = ?3")
    .bind(platformId, name, priceId)
    .run();
}
