import { ApiError, tierInputSchema, type Tier, type TierPatch } from "@dream-api/shared";
import { describeIssue } from "@dream-api/shared/hono";
import { listTiers } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { archiveTierInStripe, syncTierToStripe } from "./stripe-sync";
import { refreshTierCache, requireConnectedAccount, updateTierStatement } from "./tier-store";

async function findTier(ctx: ServiceContext, name: string): Promise<Tier> {
  const tier = (await listTiers(ctx.env.DB, ctx.platform.platformId)).find((candidate) => candidate.name === name);
  if (!tier) throw new ApiError("not_found", `No tier named "${name}".`, { param: "name" });
  if (tier.archived) throw new ApiError("conflict", `Tier "${name}" is archived and cannot change.`, { param: "name" });
  return tier;
}

/**
 * Changes a tier. The merged tier is validated as a whole (so, e.g., a limit
 * on a one-off is refused). Stripe first (a new price replaces the old one,
 * which is archived), D1 last: a failure anywhere leaves D1 as it was, and a
 * retry replays Stripe idempotently and completes.
 */
export async function updateTier({ ctx, input }: { ctx: ServiceContext; input: { name: string; patch: TierPatch } }): Promise<Tier> {
  const current = await findTier(ctx, input.name);
  const merged: Tier = { ...current, ...input.patch, limit: current.kind === "one_off" ? null : (input.patch.limit === undefined ? current.limit : input.patch.limit) };
  if (current.kind === "one_off" && input.patch.limit !== undefined && input.patch.limit !== null) {
    throw new ApiError("invalid_request", "limit: one-off tiers have no monthly limit.", { param: "limit" });
  }
  const check = tierInputSchema.safeParse({
    name: merged.name,
    displayName: merged.displayName,
    kind: merged.kind,
    price: merged.price,
    currency: merged.currency,
    limit: merged.kind === "subscription" ? merged.limit : undefined,
    features: merged.features,
    popular: merged.popular,
    description: merged.description,
    imageUrl: merged.imageUrl,
    sortOrder: merged.sortOrder,
    ...(merged.kind === "one_off" ? { inventory: merged.inventory } : {}),
  });
  if (!check.success) {
    const { message, param } = describeIssue(check.error.issues[0]!);
    throw new ApiError("invalid_request", message, { param });
  }
  const { platformId } = ctx.platform;
  if (merged.price > 0 || current.priceId) {
    const account = await requireConnectedAccount(ctx);
    const refs = await syncTierToStripe({ env: ctx.env, platformId, account }, merged, current);
    merged.productId = refs.productId;
    merged.priceId = refs.priceId;
  }
  await updateTierStatement(ctx.env.DB, platformId, merged, ctx.now.toISOString()).run();
  const tiers = await refreshTierCache(ctx.env, platformId);
  return tiers.find((tier) => tier.name === merged.name) ?? merged;
}

/** "Delete" archives: the tier stops being offered, its subscribers keep their plan and limit. */
export async function archiveTier({ ctx, input }: { ctx: ServiceContext; input: { name: string } }): Promise<Tier> {
  const current = await findTier(ctx, input.name);
  const { platformId } = ctx.platform;
  if (current.productId || current.priceId) {
    const account = await requireConnectedAccount(ctx);
    await archiveTierInStripe({ env: ctx.env, platformId, account }, current);
  }
  await ctx.env.DB.prepare("UPDATE tiers SET archived_at = ?3, updated_at = ?3 WHERE platform_id = ?1 AND name = ?2 AND archived_at IS NULL")
    .bind(platformId, input.name, ctx.now.toISOString())
    .run();
  const tiers = await refreshTierCache(ctx.env, platformId);
  return tiers.find((tier) => tier.name === input.name) ?? { ...current, archived: true };
}
