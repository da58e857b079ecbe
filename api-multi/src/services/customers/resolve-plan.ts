import { ApiError, activeTier, activeTiers, type Tier } from "@dream-api/shared";

/** The active tier named `plan`, or 400 `unknown_plan`. */
export function resolvePlan(tiers: readonly Tier[], plan: string): Tier {
  const tier = activeTier(tiers, plan);
  if (!tier) {
    const names = activeTiers(tiers).map((candidate) => candidate.name);
    throw new ApiError("unknown_plan", `"${plan}" is not an active tier of this platform${names.length ? ` (tiers: ${names.join(", ")})` : ""}.`, {
      param: "plan",
    });
  }
  return tier;
}
