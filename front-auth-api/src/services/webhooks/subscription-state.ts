import type { DeveloperSubscriptionState } from "@dream-api/shared/db";
import type Stripe from "stripe";

/** Subscription statuses during which the developer keeps the paid plan. */
const PAID_STATUSES = new Set(["active", "trialing", "past_due"]);

export function isPaidStatus(status: string): boolean {
  return PAID_STATUSES.has(status);
}

const iso = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null);

/**
 * The developer's plan and subscription fields from Stripe's current view
 * of the subscription. `cancel_at_period_end` keeps the plan until the
 * period ends (Stripe then deletes the subscription). The period end is the
 * first item's: since API version 2025-03-31 the subscription itself carries
 * none, and the client and webhook endpoints are on a later version.
 */
export function developerStateFromSubscription(subscription: Stripe.Subscription): DeveloperSubscriptionState {
  const item = subscription.items.data[0];
  return {
    plan: isPaidStatus(subscription.status) ? "paid" : "free",
    stripeCustomerId: typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id,
    stripeSubscriptionId: subscription.id,
    subscriptionStatus: subscription.status,
    cancelAtPeriodEnd: subscription.cancel_at_period_end,
    planPeriodEnd: iso(item?.current_period_end),
    canceledAt: iso(subscription.canceled_at),
  };
}
