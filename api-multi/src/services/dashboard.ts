import { calendarMonthPeriod, type Tier } from "@dream-api/shared";
import {
  countEndUsers,
  dailyUsage,
  isKeyActive,
  keyPairView,
  listApiKeys,
  listEndUsersWithUsage,
  listSubscriptions,
  listTiers,
  recentEvents,
  subscriptionTotals,
  sumUsageThisPeriod,
  type EventSummary,
  type SubscriptionListItem,
  type SubscriptionTotals,
} from "@dream-api/shared/db";
import type { ServiceContext } from "../context";
import { toCustomerView, type CustomerView } from "./customers/customer-view";

export interface DashboardView {
  platformId: string;
  period: { start: string; end: string };
  keys: { keyId: string; mode: string; publishableKey: string; secretPrefix: string; createdAt: string; expiresAt: string | null; active: boolean }[];
  tiers: Tier[];
  customers: CustomerView[];
  subscriptions: SubscriptionListItem[];
  recentEvents: EventSummary[];
  /** Calls per UTC day, last 30 days, oldest first. */
  dailyUsage: { day: string; calls: number }[];
  totals: { customers: number; callsThisPeriod: number } & SubscriptionTotals;
}

const DASHBOARD_CUSTOMERS = 50;

/**
 * Everything the developer's dashboard shows, in one round of parallel reads:
 * keys (prefixes only), tiers, customers with usage, subscriptions with
 * status, cancel dates and payment failures, MRR, subscribers per tier,
 * one-off revenue and recent webhook events with their outcome.
 */
export async function getDashboard({ ctx }: { ctx: ServiceContext }): Promise<DashboardView> {
  const db = ctx.env.DB;
  const period = calendarMonthPeriod(ctx.now);
  const [keys, tiers, page, customers, calls, totals, subscriptions, events, daily] = await Promise.all([
    listApiKeys(db, ctx.platformId),
    listTiers(db, ctx),
    listEndUsersWithUsage(db, ctx, { limit: DASHBOARD_CUSTOMERS, now: ctx.now }),
    countEndUsers(db, ctx),
    sumUsageThisPeriod(db, ctx, ctx.now),
    subscriptionTotals(db, ctx),
    listSubscriptions(db, ctx),
    recentEvents(db, ctx),
    dailyUsage(db, ctx, ctx.now),
  ]);
  return {
    platformId: ctx.platformId,
    period,
    keys: keys.filter((key) => key.mode === ctx.mode && key.revokedAt === null).map((key) => ({ ...keyPairView(key), active: isKeyActive(key, ctx.now) })),
    tiers,
    customers: page.customers.map((customer) => toCustomerView(customer)),
    subscriptions,
    recentEvents: events,
    dailyUsage: daily,
    totals: { customers, callsThisPeriod: calls, ...totals },
  };
}
