import { ApiError, describeIssue, tierInputSchema, type Tier, type TierPatch } from "@dream-api/shared";
import { refreshTierCache } from "@dream-api/shared/caches";
import { archiveTierIfRefsUnchangedStatement, clearRetiredPrice, listTiers, retiredPriceOf, updateTierIfUnchangedStatement } from "@dream-api/shared/db";
import { assertLiveWritable, type TierServiceContext as ServiceContext } from "../../context";
import { archivePriceInStripe, archiveTierInStripe, archiveUnreferenced, restoreProductFields, syncTierToStripe } from "./stripe-sync";
import { requireConnectedAccount } from "./connected-account";

/** A DELETE that keeps losing to concurrent price changes gives up after this many rounds (409). */
const ARCHIVE_ATTEMPTS = 3;

async function storedTier(ctx: ServiceContext, name: string): Promise<Tier | undefined> {
  return (await listTiers(ctx.env.DB, ctx.tenant)).find((candidate) => candidate.name === name);
}

async function findTier(ctx: ServiceContext, name: string): Promise<Tier> {
  const tier = await storedTier(ctx, name);
  if (!tier) throw new ApiError("not_found", `No tier named "${name}".`, { param: "name" });
  if (tier.archived) throw new ApiError("conflict", `Tier "${name}" is archived and cannot change.`, { param: "name" });
  return tier;
}

/** The fields the compare-and-set of updateTierIfUnchangedStatement compares, i.e. a tier's whole stored state. */
function sameState(a: Tier, b: Tier): boolean {
  return (
    a.archived === b.archived &&
    a.displayName === b.displayName &&
    a.price === b.price &&
    a.currency === b.currency &&
    a.limit === b.limit &&
    a.priceId === b.priceId &&
    a.productId === b.productId &&
    JSON.stringify(a.features) === JSON.stringify(b.features) &&
    a.popular === b.popular &&
    a.inventory === b.inventory &&
    a.credits === b.credits &&
    a.creditValidityDays === b.creditValidityDays &&
    a.imageUrl === b.imageUrl &&
    a.description === b.description &&
    a.sortOrder === b.sortOrder
  );
}

/**
 * Finishes an earlier change whose replaced price could not be archived:
 * archives it (idempotent in Stripe) and forgets it. The price is no longer
 * any tier's, so archiving it can never break a checkout.
 */
async function archiveRetiredPrice(ctx: ServiceContext, account: string, name: string, priceId: string): Promise<void> {
  const { tenant } = ctx;
  await archivePriceInStripe({ env: ctx.env, tenant, account }, priceId);
  await clearRetiredPrice(ctx.env.DB, tenant, name, priceId);
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
 *
 * The D1 write is a compare-and-set against the tier as read at the start:
 * when a concurrent request changed or archived it in between, nothing is
 * written and the answer is 409 conflict (or 200 when that request stored
 * exactly this change) — never a change built on a stale read, never a 200
 * for a change that was not stored. The loser archives the Stripe objects it
 * made that no stored tier references and puts back the product fields it
 * had changed.
 */
export async function updateTier({ ctx, input }: { ctx: ServiceContext; input: { name: string; patch: TierPatch } }): Promise<Tier> {
  assertLiveWritable(ctx);
  const current = await findTier(ctx, input.name);
  const merged: Tier = { ...current, ...input.patch, limit: current.kind === "one_off" ? null : input.patch.limit === undefined ? current.limit : input.patch.limit };
  if (current.kind === "one_off" && input.patch.limit !== undefined && input.patch.limit !== null) {
    throw new ApiError("invalid_request", "limit: one-off tiers have no monthly limit.", { param: "limit" });
  }
  for (const field of ["credits", "creditValidityDays"] as const) {
    if (current.kind === "subscription" && input.patch[field] !== undefined && input.patch[field] !== null) {
      throw new ApiError("invalid_request", `${field}: only one-off tiers (credit packs) grant credits.`, { param: field });
    }
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
    ...(merged.kind === "one_off" ? { inventory: merged.inventory, credits: merged.credits, creditValidityDays: merged.creditValidityDays } : {}),
  });
  if (!check.success) {
    const { message, param } = describeIssue(check.error.issues[0]!);
    throw new ApiError("invalid_request", message, { param });
  }
  const { tenant } = ctx;
  const db = ctx.env.DB;
  const retired = await retiredPriceOf(db, tenant, current.name);
  let account: string | null = null;
  let replacedPriceId: string | null = null;
  let productUpdated = false;
  if (merged.price > 0 || current.priceId || retired) {
    account = await requireConnectedAccount(ctx);
    if (retired && retired !== current.priceId) await archiveRetiredPrice(ctx, account, current.name, retired);
    const refs = await syncTierToStripe({ env: ctx.env, tenant, account }, merged, current);
    merged.productId = refs.productId;
    merged.priceId = refs.priceId;
    replacedPriceId = refs.replacedPriceId;
    productUpdated = refs.productUpdated;
  }
  const written = await updateTierIfUnchangedStatement(db, tenant, current, merged, ctx.now.toISOString(), replacedPriceId).run();
  if (written.meta.changes === 0) {
    const stored = await listTiers(db, tenant);
    const now = stored.find((tier) => tier.name === current.name);
    // A concurrent request stored exactly this change (a double submit): its objects are ours too.
    if (now && sameState(now, merged)) return now;
    if (account) {
      const target = { env: ctx.env, tenant, account };
      await archiveUnreferenced(target, [{ productId: merged.productId === current.productId ? null : merged.productId, priceId: merged.priceId === current.priceId ? null : merged.priceId }], stored);
      if (productUpdated && now && now.productId === merged.productId) await restoreProductFields(target, now);
    }
    throw new ApiError(
      "conflict",
      now?.archived
        ? `Tier "${current.name}" was archived while this change was being made; nothing was changed.`
        : `Tier "${current.name}" was changed by another request while this one was running; nothing was changed. Read it again and retry.`,
      { param: "name" },
    );
  }
  // api-multi sees the new price at once, whether or not the archive below goes through.
  const tiers = await refreshTierCache(db, ctx.env.TIER_CACHE, tenant);
  if (account && replacedPriceId) await archiveRetiredPrice(ctx, account, current.name, replacedPriceId);
  return tiers.find((tier) => tier.name === merged.name) ?? merged;
}

/**
 * "Delete" archives: the tier stops being offered, its subscribers keep
 * their plan and limit. Stripe's product and price are archived first, then
 * D1 — only if the tier still points at those objects: when a concurrent
 * PATCH gave it a new price in between, the round repeats with the new
 * objects, so an archived tier never keeps an active price. A concurrent
 * DELETE that archived it first makes this one answer the same archived
 * tier (archiving is idempotent).
 */
export async function archiveTier({ ctx, input }: { ctx: ServiceContext; input: { name: string } }): Promise<Tier> {
  assertLiveWritable(ctx);
  const { tenant } = ctx;
  const db = ctx.env.DB;
  let current = await findTier(ctx, input.name);
  for (let attempt = 1; ; attempt++) {
    const retired = await retiredPriceOf(db, tenant, current.name);
    if (current.productId || current.priceId || retired) {
      const account = await requireConnectedAccount(ctx);
      if (retired) await archiveRetiredPrice(ctx, account, current.name, retired);
      await archiveTierInStripe({ env: ctx.env, tenant, account }, current);
    }
    const written = await archiveTierIfRefsUnchangedStatement(db, tenant, current, ctx.now.toISOString()).run();
    const now = written.meta.changes === 0 ? await storedTier(ctx, input.name) : undefined;
    if (written.meta.changes > 0 || now?.archived) {
      const tiers = await refreshTierCache(db, ctx.env.TIER_CACHE, tenant);
      return tiers.find((tier) => tier.name === input.name) ?? { ...current, archived: true };
    }
    if (!now || attempt >= ARCHIVE_ATTEMPTS) {
      throw new ApiError("conflict", `Tier "${input.name}" kept changing while it was being archived; retry the request.`, { param: "name" });
    }
    current = now;
  }
}
