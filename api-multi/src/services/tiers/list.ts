import { ApiError, PUBLISHABLE_KEY_PATTERN, activeTiers, type Tier } from "@dream-api/shared";
import { getPlatformTiers, resolvePublishableKey } from "@dream-api/shared/caches";
import { brandOf, getPlatformSettings, isKeyActive, type PlatformBrand } from "@dream-api/shared/db";
import { config } from "../../config";
import type { ApiMode, ServiceContext } from "../../context";

/** The platform's active tiers, in display order. */
export async function listActiveTiers({ ctx }: { ctx: ServiceContext }): Promise<Tier[]> {
  return activeTiers(await getPlatformTiers(ctx.env, ctx, ctx));
}

export interface PublicTier extends Pick<Tier, "name" | "displayName" | "kind" | "price" | "currency" | "limit" | "features" | "popular" | "inventory" | "imageUrl" | "description"> {
  soldOut: boolean;
}

/** What an unauthenticated service needs: the bindings and the clock (no tenant: the input names it). */
export interface PublicContext {
  env: Env;
  waitUntil: (promise: Promise<unknown>) => void;
  now: Date;
}

/**
 * A developer's public pricing, by publishable key: the active tiers without
 * Stripe ids, and the brand of the key's mode for the page around them. An
 * unknown key is 404; a key that was revoked, or whose grace period is over,
 * is refused like a secret key would be (401).
 */
export async function listPublicTiers({ ctx, input }: { ctx: PublicContext; input: { pk: string } }): Promise<{ tiers: PublicTier[]; brand: PlatformBrand; mode: ApiMode }> {
  if (!PUBLISHABLE_KEY_PATTERN.test(input.pk)) throw new ApiError("invalid_request", "pk must be a publishable key (pk_live_… or pk_test_…).", { param: "pk" });
  // The route's per-IP bucket already counted this request; the cold lookup does not count it twice.
  const key = await resolvePublishableKey(ctx.env, input.pk, { now: ctx.now, ttlSeconds: config(ctx.env).KEY_CACHE_TTL_SECONDS, clientIp: null });
  if (!key) throw new ApiError("not_found", "No platform has this publishable key.", { param: "pk" });
  if (!isKeyActive(key, ctx.now)) throw new ApiError("invalid_api_key", "This publishable key was revoked or has expired. Use the current one from the dashboard.", { param: "pk" });
  const tiers = activeTiers(await getPlatformTiers(ctx.env, ctx, key)).map(({ name, displayName, kind, price, currency, limit, features, popular, inventory, imageUrl, description }) => ({
    name,
    displayName,
    kind,
    price,
    currency,
    limit,
    features,
    popular,
    inventory,
    imageUrl,
    description,
    soldOut: kind === "one_off" && inventory !== null && inventory <= 0,
  }));
  const brand = brandOf(await getPlatformSettings(ctx.env.DB, key.platformId, key.mode));
  return { tiers, brand, mode: key.preview ? "preview" : key.mode };
}
