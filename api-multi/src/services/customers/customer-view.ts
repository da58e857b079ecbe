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
  subscription?: SubscriptionView | null;
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
