import { ApiError, activeTiers, type Tier, type TierInput } from "@dream-api/shared";
import { listTiers } from "@dream-api/shared/db";
import { assertLiveWritable, type TierServiceContext } from "../../context";
import { requireConnectedAccount } from "./connected-account";
import { createTiers } from "./create";

/** A stored tier as the input that creates the same tier elsewhere (its Stripe objects are made anew). */
function asInput(tier: Tier): TierInput {
  const common = {
    name: tier.name,
    displayName: tier.displayName,
    price: tier.price,
    currency: tier.currency,
    features: tier.features,
    popular: tier.popular,
    description: tier.description,
    imageUrl: tier.imageUrl,
    sortOrder: tier.sortOrder,
  };
  return tier.kind === "subscription"
    ? { ...common, kind: "subscription", limit: tier.limit }
    : { ...common, kind: "one_off", inventory: tier.inventory, credits: tier.credits, creditValidityDays: tier.creditValidityDays };
}

/**
 * Going live: every active test tier that has no live tier of its name
 * (active or archived — names stay taken) is created in live mode, with new
 * products and prices on the connected account in live mode. All land or
 * none (createTiers), and a second call copies nothing twice. Needs the paid
 * plan and a connected account, as live mode does.
 */
export async function copyTestTiersToLive({ ctx }: { ctx: TierServiceContext }): Promise<{ tiers: Tier[]; copied: string[] }> {
  const live: TierServiceContext = { ...ctx, tenant: { platformId: ctx.platform.platformId, mode: "live" } };
  assertLiveWritable(live);
  await requireConnectedAccount(live);
  const db = ctx.env.DB;
  const [testTiers, liveTiers] = await Promise.all([listTiers(db, { platformId: live.tenant.platformId, mode: "test" }), listTiers(db, live.tenant)]);
  const taken = new Set(liveTiers.map((tier) => tier.name));
  const missing = activeTiers(testTiers).filter((tier) => !taken.has(tier.name));
  if (missing.length === 0) return { tiers: liveTiers, copied: [] };
  try {
    await createTiers({ ctx: live, input: missing.map(asInput) });
  } catch (error) {
    // A concurrent copy stored the same names first: the live tiers are what was asked for.
    if (error instanceof ApiError && error.code === "conflict") return { tiers: await listTiers(db, live.tenant), copied: [] };
    throw error;
  }
  return { tiers: await listTiers(db, live.tenant), copied: missing.map((tier) => tier.name) };
}
