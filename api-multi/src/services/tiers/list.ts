import { ApiError, PUBLISHABLE_KEY_PATTERN, activeTiers, type Tenant, type Tier } from "@dream-api/shared";
import { getPlatformTiers, resolvePublishableKey } from "@dream-api/shared/caches";
import { brandOf, getPlatformSettings, getTenantOrganization, isKeyActive, type PlatformBrand } from "@dream-api/shared/db";
import { publicTenantContext } from "../public-tenant";
import { config } from "../../config";
import type { ApiMode, PublicContext, ServiceContext } from "../../context";

/** The platform's active tiers, in display order. */
export async function listActiveTiers({ ctx }: { ctx: ServiceContext }): Promise<Tier[]> {
  return activeTiers(await getPlatformTiers(ctx.env, ctx, ctx));
}

export interface PublicTier
  extends Pick<Tier, "name" | "displayName" | "kind" | "price" | "currency" | "limit" | "features" | "popular" | "inventory" | "credits" | "creditValidityDays" | "imageUrl" | "description"> {
  soldOut: boolean;
}

/** What the hosted pricing page shows of a tenant. */
export interface PublicPage {
  platformId: string;
  /** The tenant's organization in the end-user app; null until someone joins. */
  organizationId: string | null;
  tiers: PublicTier[];
  brand: PlatformBrand;
  mode: ApiMode;
}

/**
 * A developer's public pricing, by publishable key (the SDK's and old
 * links' way in): the tenant's page (publicPage). An unknown key is 404; a
 * key that was revoked, or whose grace period is over, is refused like a
 * secret key would be (401).
 */
export async function listPublicTiers({ ctx, input }: { ctx: PublicContext; input: { pk: string } }): Promise<PublicPage> {
  if (!PUBLISHABLE_KEY_PATTERN.test(input.pk)) throw new ApiError("invalid_request", "pk must be a publishable key (pk_live_… or pk_test_…).", { param: "pk" });
  // The route's per-IP bucket already counted this request; the cold lookup does not count it twice.
  const key = await resolvePublishableKey(ctx.env, input.pk, { now: ctx.now, ttlSeconds: config(ctx.env).KEY_CACHE_TTL_SECONDS, clientIp: null });
  if (!key) throw new ApiError("not_found", "No platform has this publishable key.", { param: "pk" });
  if (!isKeyActive(key, ctx.now)) throw new ApiError("invalid_api_key", "This publishable key was revoked or has expired. Use the current one from the dashboard.", { param: "pk" });
  return publicPage({ ...ctx, platformId: key.platformId, mode: key.mode, preview: key.preview });
}

/** A developer's pricing page by platform id — the address that survives key rotation: 404 for no such platform, 403 for live without the paid plan. */
export async function getPublicPage({ ctx, input }: { ctx: PublicContext; input: Tenant }): Promise<PublicPage> {
  return publicPage(await publicTenantContext(ctx, input.platformId, input.mode));
}

/** The active tiers without Stripe ids, the brand of the mode, and the organization end-users join. */
async function publicPage(ctx: PublicContext & Tenant & { preview: boolean }): Promise<PublicPage> {
  const [tiers, settings, organizationId] = await Promise.all([getPlatformTiers(ctx.env, ctx, ctx), getPlatformSettings(ctx.env.DB, ctx.platformId, ctx.mode), getTenantOrganization(ctx.env.DB, ctx)]);
  return {
    platformId: ctx.platformId,
    organizationId,
    tiers: activeTiers(tiers).map(toPublicTier),
    brand: brandOf(settings),
    mode: ctx.preview ? "preview" : ctx.mode,
  };
}

function toPublicTier({ name, displayName, kind, price, currency, limit, features, popular, inventory, credits, creditValidityDays, imageUrl, description }: Tier): PublicTier {
  return {
    name,
    displayName,
    kind,
    price,
    currency,
    limit,
    features,
    popular,
    inventory,
    credits,
    creditValidityDays,
    imageUrl,
    description,
    soldOut: kind === "one_off" && inventory !== null && inventory <= 0,
  };
}
