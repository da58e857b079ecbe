import { ApiError, tierInputSchema, type Tier, type TierPatch } from "@dream-api/shared";
import { describeIssue } from "@dream-api/shared/hono";
import { listTiers } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { archivePriceInStripe, archiveTierInStripe, syncTierToStripe } from "./stripe-sync";
import { clearRetiredPrice, refreshTierCache, requireConnectedAccount, retiredPriceOf, updateTierStatement } from "./tier-store";

async function findTier(ctx: ServiceContext, name: string): Promise<Tier> {
  const tier = (await listTiers(ctx.env.DB, ctx.platform.platformId)).find((candidate) => candidate.name === name);
  if (!tier) throw new ApiError("not_found", `No tier named "${name}".`, { param: "name" });
  if (tier.archived) throw new ApiError("conflict", `Tier "${name}" is archived and cannot change.`, { param: "name" });
  return tier;
}

/**
 * Finishes an earlier change whose replaced price could not be archived:
 * archives it (idempotent in Stripe) and forgets it. The price is no longer
 * any tier's, so archiving it can never break a checkout.
 */
async function archiveRetiredPrice(ctx: ServiceContext, account: string, name: string, priceId: string): Promise<void> {
  const { platformId } = ctx.platform;
  await archivePriceInStripe({ env: ctx.env, platformId, account }, priceId);
  await clearRetiredPrice(ctx.env.DB, platformId, name, priceId);
}

/**
 * Changes a tier. The merged tier is validated as a whole (so, e.g., a limit
 * on a one-off is refused). Stripe's new objects first (product update, new
 * price, both idempotent), then D1 — the new refs together with the replaced
 * price id — and only then the replaced price is archived. A failure before
 * the D1 write leaves D1 as it was and a retry replays Stripe idempotently;
 * a failed archive after it (502) leaves D1 on the new, active price with
 * the old one recorded as retired, and the retry (or any later change of
 * the tier) archives it. D1 never names an archived price.
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
  const retired = await retiredPriceOf(ctx.env.DB, platformId, current.name);
  let account: string | null = null;
  let replacedPriceId: string | null = null;
  if (merged.price > 0 || current.priceId || retired) {
    account = await requireConnectedAccount(ctx);
    if (retired && retired !== current.priceId) await archiveRetiredPrice(ctx, account, current.name, retired);
    const refs = await syncTierToStripe({ env: ctx.env, platformId, account }, merged, current);
    merged.productId = refs.productId;
    merged.priceId = refs.priceId;
    replacedPriceId = refs.replacedPriceId;
  }
  await updateTierStatement(ctx.env.DB, platformId, merged, ctx.now.toISOString(), replacedPriceId).run();
  // api-multi sees the new price at once, whether or not the archive below goes through.
  const tiers = await refreshTierCache(ctx.env, platformId);
  if (account && replacedPriceId) await archiveRetiredPrice(ctx, account, current.name, replacedPriceId);
  return tiers.find((tier) => tier.name === merged.name) ?? merged;
}

/** "Delete" archives: the tier stops being offered, its subscribers keep their plan and limit. */
export async function archiveTier({ ctx, input }: { ctx: ServiceContext; input: { name: string } }): Promise<Tier> {
  const current = await findTier(ctx, input.name);
  const { platformId } = ctx.platform;
  const retired = await retiredPriceOf(ctx.env.DB, platformId, current.name);
  if (current.productId || current.priceId || retired) {
    const account = await requireConnectedAccount(ctx);
    if (retired) await archiveRetiredPrice(ctx, account, current.name, retired);
    await archiveTierInStripe({ env: ctx.env, platformId, account }, current);
  }
  await ctx.env.DB.prepare("UPDATE tiers SET archived_at = ?3, updated_at = ?3 WHERE platform_id = ?1 AND name = ?2 AND archived_at IS NULL")
    .bind(platformId, input.name, ctx.now.toISOString())
    .run();
  const tiers = await refreshTierCache(ctx.env, platformId);
  return tiers.find((tier) => tier.name === input.name) ?? { ...current, archived: true };
}
