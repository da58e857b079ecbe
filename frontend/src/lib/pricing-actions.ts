/**
 * What the hosted pricing page offers on each tier for the signed-in
 * end-user's current plan. A subscriber never starts a second subscription
 * from here: other subscription tiers lead to the billing portal, where the
 * plan is changed or canceled. One-off tiers stay buyable. Every tier has an
 * action: a free tier is how a visitor gets started (signs up and becomes
 * the developer's customer), and a subscriber leaves for it in the billing
 * portal.
 */
import type { PublicTier } from "../api/models";

export type TierAction =
  /** The end-user's plan: a label, no button. */
  | "current"
  | "subscribe"
  /** Another subscription tier while subscribed: opens the billing portal. */
  | "change"
  | "buy"
  | "sold-out"
  /** A free tier while signed out or not a customer yet: sign up (if needed) and join the developer. */
  | "get-started"
  /** The free subscription tier while on a paid one: canceling happens in the billing portal. */
  | "downgrade"
  /** A free tier next to another plan that is not paid: nothing to do. */
  | "none";

/** True when `plan` names one of the listed paid subscription tiers. */
export function isPaidSubscription(plan: string | null, tiers: readonly PublicTier[]): boolean {
  return plan !== null && tiers.some((tier) => tier.name === plan && tier.kind === "subscription" && tier.price > 0);
}

/** `currentPlan` is null when unknown (signed out, loading, or not a customer yet). */
export function tierAction(tier: PublicTier, currentPlan: string | null, tiers: readonly PublicTier[]): TierAction {
  if (tier.kind === "one_off") return tier.soldOut ? "sold-out" : tier.price > 0 ? "buy" : currentPlan === null ? "get-started" : "none";
  if (tier.name === currentPlan) return "current";
  if (tier.price === 0) return isPaidSubscription(currentPlan, tiers) ? "downgrade" : currentPlan === null ? "get-started" : "none";
  if (tier.soldOut) return "sold-out";
  return isPaidSubscription(currentPlan, tiers) ? "change" : "subscribe";
}
