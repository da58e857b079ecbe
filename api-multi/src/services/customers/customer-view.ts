import type { EndUserWithUsage, SubscriptionRecord, Usage } from "@dream-api/shared/db";

/** A customer as the REST API returns it. */
export interface CustomerView {
  userId: string;
  email: string | null;
  plan: string;
  clerkUserId: string | null;
  createdAt: string;
  updatedAt: string;
  usage: Usage;
  /** In lists: the latest subscription's summary; on GET /api/customers/:userId: the full view. */
  subscription: SubscriptionView | SubscriptionSummary | null;
}

export interface SubscriptionSummary {
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: string | null;
  canceledAt: string | null;
}

export interface SubscriptionView {
  id: string;
  status: string;
  plan: string;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: string | null;
}

export function toCustomerView(user: EndUserWithUsage, subscription?: SubscriptionRecord | null): CustomerView {
  const view: CustomerView = {
    userId: user.userId,
    email: user.email,
    plan: user.plan,
    clerkUserId: user.clerkUserId,
    createdAt: user.createdAt,
    updatedAt: user.updatedAt,
    usage: user.usage,
    subscription: user.latestSubscription,
  };
  if (subscription !== undefined) {
    view.subscription = subscription && {
      id: subscription.subscriptionId,
      status: subscription.status,
      plan: subscription.plan,
      currentPeriodEnd: subscription.currentPeriodEnd,
      cancelAtPeriodEnd: subscription.cancelAtPeriodEnd,
      canceledAt: subscription.canceledAt,
    };
  }
  return view;
}
