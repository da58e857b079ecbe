/**
 * Billing periods. Free tiers count per calendar month in UTC; paid tiers
 * follow the subscription's current period when one is known. Periods are
 * half-open [start, end) and stored as ISO-8601 UTC strings, which sort and
 * compare correctly as text in SQL.
 */
export interface BillingPeriod {
  start: string;
  end: string;
}

export function calendarMonthPeriod(now: Date): BillingPeriod {
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

export interface SubscriptionPeriod {
  /** Unix seconds, as Stripe reports them. */
  currentPeriodStart: number;
  currentPeriodEnd: number;
}

/**
 * The period usage counts against at `now`: the subscription's current period
 * while `now` lies inside it, else the calendar month.
 */
export function billingPeriod(now: Date, subscription?: SubscriptionPeriod | null): BillingPeriod {
  if (subscription) {
    const nowSeconds = now.getTime() / 1000;
    if (nowSeconds >= subscription.currentPeriodStart && nowSeconds < subscription.currentPeriodEnd) {
      return {
        start: new Date(subscription.currentPeriodStart * 1000).toISOString(),
        end: new Date(subscription.currentPeriodEnd * 1000).toISOString(),
      };
    }
  }
  return calendarMonthPeriod(now);
}
