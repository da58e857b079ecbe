import { ApiError, MAX_TIERS, activeTiers, type Tier, type TierInput } from "@dream-api/shared";
import { refreshTierCache } from "@dream-api/shared/caches";
import { insertTierStatement, listTiers, tierWriteRefusal } from "@dream-api/shared/db";
import { assertLiveWritable, type TierServiceContext as ServiceContext } from "../../context";
import { archiveUnreferenced, syncTierToStripe, type StripeRefs } from "./stripe-sync";
import { requireConnectedAccount } from "./connected-account";

function nameParam(input: readonly TierInput[], index: number): string {
  return input.length > 1 ? `tiers.${index}.name` : "name";
}

/** 409: the name is taken — by an active tier, or an archived one (names stay unique: subscribers may still be on it). */
function nameTaken(input: readonly TierInput[], index: number, holder: Tier | undefined): ApiError {
  const name = input[index]?.name ?? "";
  return new ApiError("conflict", `A tier named "${name}" already exists${holder?.archived ? " (archived)" : ""}; names are unique.`, {
    param: nameParam(input, index),
  });
}

function capReached(active: number): ApiError {
  return new ApiError("invalid_request", `A platform can have at most ${MAX_TIERS} active tiers (it has ${active}).`, { param: "tiers" });
}

/**
 * Creates one or more tiers. Everything is validated before anything is
 * written; paid tiers get their Stripe product and price first (idempotent),
 * then all rows land in one DB.batch, so a Stripe failure midway leaves no
 * row behind and the retry completes the job without duplicate objects.
 *
 * The checks for taken names and the MAX_TIERS cap run first, to answer
 * before any Stripe call; D1 enforces both again inside the batch (the
 * primary key and the tiers_active_cap_* triggers), which settles races
 * between concurrent requests: the batch that would break either is refused
 * whole, answered like the check (409 conflict for a name, 400 for the cap),
 * and the Stripe objects it made that no stored tier references are archived.
 */
export async function createTiers({ ctx, input }: { ctx: ServiceContext; input: TierInput[] }): Promise<Tier[]> {
  assertLiveWritable(ctx);
  const db = ctx.env.DB;
  const { tenant } = ctx;
  const existing = await listTiers(db, tenant);
  const names = new Set<string>();
  input.forEach((tier, index) => {
    if (names.has(tier.name)) throw new ApiError("invalid_request", `Tier name "${tier.name}" appears twice in the request.`, { param: nameParam(input, index) });
    names.add(tier.name);
  });
  input.forEach((tier, index) => {
    const holder = existing.find((other) => other.name === tier.name);
    if (holder) throw nameTaken(input, index, holder);
  });
  const active = activeTiers(existing).length;
  if (active + input.length > MAX_TIERS) throw capReached(active);
  const paid = input.some((tier) => tier.price > 0);
  const account = paid ? await requireConnectedAccount(ctx) : null;
  let nextSort = existing.reduce((max, tier) => Math.max(max, tier.sortOrder + 1), 0);

  const rows: Omit<Tier, "archived">[] = [];
  const made: StripeRefs[] = [];
  for (const tier of input) {
    const fields = {
      name: tier.name,
      displayName: tier.displayName,
      kind: tier.kind,
      price: tier.price,
      currency: tier.currency,
      description: tier.description ?? null,
      imageUrl: tier.imageUrl ?? null,
    };
    const refs = account && tier.price > 0 ? await syncTierToStripe({ env: ctx.env, tenant, account }, fields, null) : { productId: null, priceId: null };
    made.push({ productId: refs.productId, priceId: refs.priceId });
    rows.push({
      ...fields,
      limit: tier.kind === "subscription" ? tier.limit : null,
      features: tier.features,
      popular: tier.popular,
      inventory: tier.kind === "one_off" ? (tier.inventory ?? null) : null,
      credits: tier.kind === "one_off" ? (tier.credits ?? null) : null,
      creditValidityDays: tier.kind === "one_off" ? (tier.creditValidityDays ?? null) : null,
      sortOrder: tier.sortOrder ?? nextSort++,
      productId: refs.productId,
      priceId: refs.priceId,
    });
  }
  const now = ctx.now.toISOString();
  try {
    await db.batch(rows.map((row) => insertTierStatement(db, tenant, row, now)));
  } catch (error) {
    const refusal = tierWriteRefusal(error);
    if (!refusal) throw error;
    const stored = await listTiers(db, tenant);
    if (account) await archiveUnreferenced({ env: ctx.env, tenant, account }, made, stored);
    if (refusal === "cap_reached") throw capReached(activeTiers(stored).length);
    // The first of this request's names that a concurrent request stored first.
    const index = Math.max(
      0,
      input.findIndex((tier) => stored.some((other) => other.name === tier.name)),
    );
    throw nameTaken(
      input,
      index,
      stored.find((other) => other.name === input[index]?.name),
    );
  }
  const tiers = await refreshTierCache(db, ctx.env.TIER_CACHE, tenant);
  return tiers.filter((tier) => names.has(tier.name));
}
