import { ApiError, type Tier } from "@dream-api/shared";

/** The active tier named `plan`, or 400 `unknown_plan`. */
export function resolvePlan(tiers: readonly Tier[], plan: string): Tier {
  const tier = tiers.find((candidate) => candidate.name === plan && !candidate.archived);
  if (!tier) {
    const names = tiers.filter((candidate) => !candidate.archived).map((candidate) => candidate.name);
    throw new ApiError("unknown_plan", `"${plan}" is not an active tier of this platform${names.length ? ` (tiers: ${names.join(", ")})` : ""}.`, {
      param: "plan",
    });
  }
  return tier;
}
