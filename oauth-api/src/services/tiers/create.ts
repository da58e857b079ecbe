import { ApiError, MAX_TIERS, type Tier, type TierInput } from "@dream-api/shared";
import { insertTierStatement, listTiers } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { syncTierToStripe } from "./stripe-sync";
import { refreshTierCache, requireConnectedAccount } from "./tier-store";

/**
 * Creates one or more tiers. Everything is validated before anything is
 * written; paid tiers get their Stripe product and price first (idempotent),
 * then all rows land in one DB.batch, so a Stripe failure midway leaves no
 * row behind and the retry completes the job without duplicate objects.
 */
export async function createTiers({ ctx, input }: { ctx: ServiceContext; input: TierInput[] }): Promise<Tier[]> {
  const db = ctx.env.DB;
  const { platformId } = ctx.platform;
  const existing = await listTiers(db, platformId);
  const names = new Set<string>();
  input.forEach((tier, index) => {
    const param = input.length > 1 ? `tiers.${index}.name` : "name";
    if (names.has(tier.name)) throw new ApiError("invalid_request", `Tier name "${tier.name}" appears twice in the request.`, { param });
    if (existing.some((other) => other.name === tier.name)) {
      throw new ApiError("invalid_request", `A tier named "${tier.name}" already exists${existing.find((o) => o.name === tier.name)?.archived ? " (archived)" : ""}; names are unique.`, { param });
    }
    names.add(tier.name);
  });
  const active = existing.filter((tier) => !tier.archived).length;
  if (active + input.length > MAX_TIERS) {
    throw new ApiError("invalid_request", `A platform can have at most ${MAX_TIERS} active tiers (it has ${active}).`, { param: "tiers" });
  }
  const paid = input.some((tier) => tier.price > 0);
  const account = paid ? await requireConnectedAccount(ctx) : null;
  let nextSort = existing.reduce((max, tier) => Math.max(max, tier.sortOrder + 1), 0);

  const rows: Omit<Tier, "archived">[] = [];
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
    const refs = account && tier.price > 0 ? await syncTierToStripe({ env: ctx.env, platformId, account }, fields, null) : { productId: null, priceId: null };
    rows.push({
      ...fields,
      limit: tier.kind === "subscription" ? tier.limit : null,
      features: tier.features,
      popular: tier.popular,
      inventory: tier.kind === "one_off" ? (tier.inventory ?? null) : null,
      sortOrder: tier.sortOrder ?? nextSort++,
      ...refs,
    });
  }
  const now = ctx.now.toISOString();
  await db.batch(rows.map((row) => insertTierStatement(db, platformId, row, now)));
  const tiers = await refreshTierCache(ctx.env, platformId);
  return tiers.filter((tier) => names.has(tier.name));
}
