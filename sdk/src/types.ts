/**
 * Request and response shapes of dream-api's REST API (api-multi), written
 * out field by field. Every success body carries `mode`.
 */

/**
 * Which world a response comes from: `"preview"` for a free developer's test
 * key (at most 100 end-users), else the key's own mode.
 */
export type ApiMode = "preview" | "test" | "live";

/** A key's mode as stored: test or live. */
export type KeyMode = "test" | "live";

/** Fields every success response carries next to its own. */
export interface WithMode {
  mode: ApiMode;
}

// ---------------------------------------------------------------- usage

/**
 * An end-user's usage in the current billing period (a UTC calendar month,
 * or the subscription's current period for a paying end-user).
 */
export interface Usage {
  /** Units counted this period. */
  count: number;
  /** The tier's monthly limit; `null` on an unlimited tier. */
  limit: number | null;
  /** `limit - count` (never negative); `null` on an unlimited tier. */
  remaining: number | null;
  /** The tier the end-user is on. */
  plan: string;
  /** ISO 8601 start of the period (inclusive). */
  periodStart: string;
  /** ISO 8601 end of the period (exclusive). */
  periodEnd: string;
}

/** `POST /api/usage/track`. */
export interface TrackUsageParams {
  /** The developer's id for the end-user (1–128 of `A-Z a-z 0-9 _ . : @ + -`). Unknown ids are registered on the cheapest tier. */
  userId: string;
  /** Units to consume, 1–1000; default 1. */
  amount?: number;
  /**
   * Sent as the `Idempotency-Key` header. The same key within 24 h replays
   * the first response instead of counting again. Defaults to a random UUID
   * made once per `track()` call and reused by its retries.
   */
  idempotencyKey?: string;
}

/** `POST /api/usage/track` → 200. */
export interface TrackUsageResponse extends WithMode {
  usage: Usage;
}

/** `GET /api/usage` → 200. */
export interface CheckUsageResponse extends WithMode {
  usage: Usage;
}

// ---------------------------------------------------------------- customers

/** The latest subscription, summarised (in customer lists). */
export interface SubscriptionSummary {
  status: string;
  cancelAtPeriodEnd: boolean;
  currentPeriodEnd: string | null;
  canceledAt: string | null;
}

/** The latest subscription in full (on a single customer). */
export interface CustomerSubscription {
  /** Stripe subscription id (`sub_…`). */
  id: string;
  /** Stripe's status: `active`, `trialing`, `past_due`, `canceled`, … */
  status: string;
  /** The tier the subscription is for. */
  plan: string;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: string | null;
}

/** Fields every customer view has. */
export interface CustomerBase {
  userId: string;
  email: string | null;
  /** The end-user's tier. */
  plan: string;
  /** The end-user's id in the shared Clerk app; `null` for end-users registered by a first track. */
  clerkUserId: string | null;
  createdAt: string;
  updatedAt: string;
  usage: Usage;
}

/** A customer as `GET/POST/PATCH /api/customers[/:userId]` return it. */
export interface Customer extends CustomerBase {
  subscription: CustomerSubscription | null;
}

/** A customer as lists (`GET /api/customers`, the dashboard) return it. */
export interface CustomerListItem extends CustomerBase {
  subscription: SubscriptionSummary | null;
}

/** `POST /api/customers`. */
export interface CreateCustomerParams {
  /** Your id for the end-user; defaults to its Clerk user id. */
  userId?: string;
  email: string;
  /** A tier name; defaults to the cheapest tier. */
  plan?: string;
}

/** `PATCH /api/customers/:userId`. */
export interface UpdateCustomerParams {
  /** The tier to move the end-user to (an admin override). */
  plan: string;
}

/** `GET /api/customers` query. */
export interface ListCustomersParams {
  /** Page size, 1–100; default 20. */
  limit?: number;
  /** `nextCursor` of the previous page. */
  cursor?: string;
  /** Prefix of a userId or an email. */
  q?: string;
}

/** `POST /api/customers`, `GET`/`PATCH /api/customers/:userId` → `{customer}`. */
export interface CustomerResponse extends WithMode {
  customer: Customer;
}

/** `GET /api/customers` → one page, newest first. */
export interface CustomerPage extends WithMode {
  data: CustomerListItem[];
  hasMore: boolean;
  /** Pass as `cursor` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

// ---------------------------------------------------------------- tiers

export type TierKind = "subscription" | "one_off";

/** A pricing tier as `GET /api/tiers` and the dashboard return it. */
export interface Tier {
  name: string;
  displayName: string;
  kind: TierKind;
  /** Minor units (cents). */
  price: number;
  /** ISO 4217, lower case. */
  currency: string;
  /** Monthly limit; `null` = unlimited (always `null` for one-off tiers). */
  limit: number | null;
  features: string[];
  popular: boolean;
  /** One-off tiers: units left; `null` = not tracked. */
  inventory: number | null;
  imageUrl: string | null;
  description: string | null;
  /** Stripe price on the developer's connected account; `null` for free tiers. */
  priceId: string | null;
  productId: string | null;
  sortOrder: number;
  archived: boolean;
}

/** `GET /api/tiers` → active tiers, in display order. */
export interface TierListResponse extends WithMode {
  tiers: Tier[];
}

/** A tier as the public pricing route shows it: no Stripe ids. */
export interface PublicTier {
  name: string;
  displayName: string;
  kind: TierKind;
  price: number;
  currency: string;
  limit: number | null;
  features: string[];
  popular: boolean;
  inventory: number | null;
  imageUrl: string | null;
  description: string | null;
  /** A one-off tier whose inventory is 0. */
  soldOut: boolean;
}

/** `GET /api/public/tiers?pk=…`. */
export interface PublicTierListResponse extends WithMode {
  tiers: PublicTier[];
}

// ---------------------------------------------------------------- billing

/** `POST /api/checkout`. */
export interface CreateCheckoutParams {
  /** Required with a secret key; with an end-user token it defaults to (and must be) the token's user. */
  userId?: string;
  /** A paid tier's name. */
  tier: string;
  /** http(s); with a live key, on one of the developer's allowed origins. */
  successUrl?: string;
  cancelUrl?: string;
}

/** `POST /api/checkout` → 201. */
export interface CheckoutSession extends WithMode {
  /** Stripe Checkout session id (`cs_…`). */
  id: string;
  /** Where to send the end-user to pay. */
  url: string;
}

/** `POST /api/portal`. */
export interface CreatePortalParams {
  /** Required with a secret key; with an end-user token it defaults to (and must be) the token's user. */
  userId?: string;
  returnUrl?: string;
}

/** `POST /api/portal` → 201. */
export interface PortalSession extends WithMode {
  /** Stripe billing portal URL for the end-user. */
  url: string;
}

// ---------------------------------------------------------------- dashboard

export interface DashboardKey {
  keyId: string;
  mode: KeyMode;
  publishableKey: string;
  /** e.g. `sk_test_AbCd…`: the secret itself is never returned. */
  secretPrefix: string;
  createdAt: string;
  /** End of a rotated-out key's grace period. */
  expiresAt: string | null;
  active: boolean;
}

export interface DashboardSubscription {
  subscriptionId: string;
  userId: string;
  plan: string;
  priceId: string | null;
  status: string;
  currentPeriodStart: string | null;
  currentPeriodEnd: string | null;
  cancelAtPeriodEnd: boolean;
  canceledAt: string | null;
  /** The last `invoice.payment_failed` message, if any. */
  lastPaymentError: string | null;
}

export interface DashboardEvent {
  eventId: string;
  type: string;
  outcome: string | null;
  error: string | null;
  receivedAt: string;
}

export interface MoneyAmount {
  currency: string;
  /** Minor units. */
  amount: number;
}

export interface DashboardTotals {
  customers: number;
  callsThisPeriod: number;
  activeSubscriptions: number;
  /** Monthly recurring revenue per currency. */
  mrr: MoneyAmount[];
  activeByTier: { tier: string; subscribers: number }[];
  oneOffRevenue: (MoneyAmount & { purchases: number })[];
}

/** `GET /api/dashboard`. */
export interface Dashboard extends WithMode {
  platformId: string;
  /** The current calendar-month period. */
  period: { start: string; end: string };
  keys: DashboardKey[];
  /** All tiers, archived ones included. */
  tiers: Tier[];
  /** The 50 newest customers. */
  customers: CustomerListItem[];
  subscriptions: DashboardSubscription[];
  recentEvents: DashboardEvent[];
  /** Calls per UTC day (`YYYY-MM-DD`), last 30 days, oldest first. */
  dailyUsage: { day: string; calls: number }[];
  totals: DashboardTotals;
}

// ---------------------------------------------------------------- errors

/** Error codes the API answers with (the set is closed server side; unknown future codes still type as string). */
export type ApiErrorCode =
  | "invalid_json"
  | "invalid_request"
  | "body_too_large"
  | "invalid_id"
  | "unknown_plan"
  | "unknown_tier"
  | "unauthorized"
  | "unauthenticated"
  | "invalid_api_key"
  | "invalid_token"
  | "forbidden"
  | "usage_limit_exceeded"
  | "platform_limit_reached"
  | "preview_limit_reached"
  | "not_found"
  | "customer_not_found"
  | "no_billing_account"
  | "method_not_allowed"
  | "conflict"
  | "customer_exists"
  | "email_in_use"
  | "no_tiers_configured"
  | "stripe_not_connected"
  | "sold_out"
  | "idempotency_key_reused"
  | "rate_limited"
  | "internal_error"
  | "misconfigured"
  | "clerk_error"
  | "stripe_error"
  | "database_error";

/** The body of every error response. */
export interface ApiErrorBody {
  error: { code: ApiErrorCode | (string & {}); message: string; param?: string };
  requestId: string;
  /** On 403 `usage_limit_exceeded`. */
  usage?: Usage;
}
