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
  // On the track path of every request: the month's strings are made once per month and isolate.
  if (lastMonth?.startMs === start) return lastMonth.period;
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  const period = Object.freeze({ start: new Date(start).toISOString(), end: new Date(end).toISOString() });
  lastMonth = { startMs: start, period };
  return period;
}

let lastMonth: { startMs: number; period: BillingPeriod } | undefined;

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
