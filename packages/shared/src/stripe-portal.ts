/**
 * The billing-portal configurations dream-api opens portals with. Stripe
 * refuses a portal session on an account that has no configuration, and the
 * platform cannot set up developers' connected accounts at deploy time — so
 * the configuration is found or made on first use, per account: the
 * platform's own (developers' $15 plan, also made by the deploy's provider
 * setup) and each connected account's (end-users' plans). Each is marked
 * with its purpose in metadata, so dream-api never takes over a
 * configuration the account's owner made, and passed explicitly to every
 * session rather than relying on the account's default.
 *
 * End-user portals also let a subscriber switch among the developer's
 * subscription tiers: the configuration lists their prices, and is updated
 * when the tiers change (a fingerprint of them is kept in its metadata).
 *
 * Found ids are kept in isolate memory; a configuration deleted or
 * deactivated since is noticed when Stripe refuses it, and looked up again
 * once.
 */
import type Stripe from "stripe";
import { IsolateCache } from "./isolate-cache";

/** The metadata key whose value says which dream-api portal a configuration is for. */
export const PORTAL_PURPOSE_METADATA_KEY = "dream_api_portal";

/** `platform`: developers manage their dream-api plan; `end-user`: a developer's end-users manage theirs. */
export type PortalPurpose = "platform" | "end-user";

/** The metadata key holding a fingerprint of the plans a configuration lets subscribers switch among. */
export const PORTAL_PLANS_METADATA_KEY = "dream_api_portal_plans";

/** A product and its recurring prices a subscriber may switch to in the portal. */
export interface PortalPlan {
  product: string;
  prices: string[];
}

/** Stripe's limit on `features.subscription_update.products`. */
export const MAX_PORTAL_PLANS = 10;

export interface PortalTarget {
  purpose: PortalPurpose;
  /** The connected account the portal runs on; absent: the platform's own account. */
  stripeAccount?: string | undefined;
  /**
   * The plans subscribers may switch among (end-user portals: the developer's
   * subscription tiers on that account; at most MAX_PORTAL_PLANS). Absent or
   * empty: no plan switching. A configuration made for other plans is updated.
   */
  plans?: readonly PortalPlan[] | undefined;
}

/**
 * What customers may do in every dream-api portal: see invoices, change
 * card, email and address, and cancel at the end of the paid period.
 */
const FEATURES: Stripe.BillingPortal.ConfigurationCreateParams.Features = {
  customer_update: { enabled: true, allowed_updates: ["email", "address"] },
  invoice_history: { enabled: true },
  payment_method_update: { enabled: true },
  subscription_cancel: { enabled: true, mode: "at_period_end", proration_behavior: "none" },
};

/** Plan switching for `plans` (prorated, as Stripe's dashboard defaults to), or none. */
function subscriptionUpdate(plans: readonly PortalPlan[]): Stripe.BillingPortal.ConfigurationCreateParams.Features.SubscriptionUpdate {
  if (plans.length === 0) return { enabled: false };
  return {
    enabled: true,
    default_allowed_updates: ["price"],
    products: plans.map((plan) => ({ product: plan.product, prices: [...plan.prices] })),
    proration_behavior: "create_prorations",
  };
}

/** A short, order-independent fingerprint of `plans` ("" for none), kept in metadata to notice changed tiers. */
async function plansFingerprint(plans: readonly PortalPlan[]): Promise<string> {
  if (plans.length === 0) return "";
  const canonical = plans
    .map((plan) => `${plan.product}:${[...plan.prices].sort().join(",")}`)
    .sort()
    .join(";");
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(canonical)));
  return [...digest.slice(0, 12)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

const CACHE_TTL_MS = 60 * 60 * 1000;

/**
 * One cache per client: a client holds one secret key, so its mode (test or
 * live) — and the platform it acts for — are part of the key by
 * construction. stripeClient() hands out one client per key in an isolate.
 */
const caches = new WeakMap<Stripe, IsolateCache<string>>();

function cacheOf(stripe: Stripe): IsolateCache<string> {
  let cache = caches.get(stripe);
  if (!cache) {
    cache = new IsolateCache<string>(CACHE_TTL_MS, 1_000);
    caches.set(stripe, cache);
  }
  return cache;
}

const requestOptions = (target: PortalTarget): Stripe.RequestOptions => (target.stripeAccount ? { stripeAccount: target.stripeAccount } : {});

async function lookUp(stripe: Stripe, target: PortalTarget, fresh: boolean): Promise<{ id: string; cached: boolean }> {
  const plans = target.plans ?? [];
  const fingerprint = await plansFingerprint(plans);
  const cache = cacheOf(stripe);
  const key = `${target.stripeAccount ?? ""}\u0000${target.purpose}\u0000${fingerprint}`;
  const cached = fresh ? undefined : cache.get(key);
  if (cached) return { id: cached, cached: true };
  const options = requestOptions(target);
  let found: Stripe.BillingPortal.Configuration | undefined;
  for await (const configuration of stripe.billingPortal.configurations.list({ active: true, limit: 100 }, options)) {
    if (configuration.metadata?.[PORTAL_PURPOSE_METADATA_KEY] === target.purpose) {
      found = configuration;
      break;
    }
  }
  let id: string;
  if (!found) {
    const metadata = { [PORTAL_PURPOSE_METADATA_KEY]: target.purpose, ...(fingerprint ? { [PORTAL_PLANS_METADATA_KEY]: fingerprint } : {}) };
    id = (await stripe.billingPortal.configurations.create({ features: { ...FEATURES, subscription_update: subscriptionUpdate(plans) }, metadata }, options)).id;
  } else {
    id = found.id;
    if ((found.metadata?.[PORTAL_PLANS_METADATA_KEY] ?? "") !== fingerprint) {
      // The tiers changed since: switch among the current ones ("" unsets the fingerprint).
      await stripe.billingPortal.configurations.update(id, { features: { subscription_update: subscriptionUpdate(plans) }, metadata: { [PORTAL_PLANS_METADATA_KEY]: fingerprint } }, options);
    }
  }
  cache.set(key, id);
  return { id, cached: false };
}

/**
 * The id of dream-api's active portal configuration for `target.purpose` on
 * the target account, made there when absent. `fresh` skips the isolate
 * cache (the deploy's provider setup, a retry after Stripe refused a cached id).
 */
export async function ensurePortalConfiguration(stripe: Stripe, target: PortalTarget, options: { fresh?: boolean } = {}): Promise<string> {
  return (await lookUp(stripe, target, options.fresh ?? false)).id;
}

/** Stripe refused the `configuration` parameter: the configuration is gone (resource_missing) or inactive. */
function refusedConfiguration(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { param?: unknown }).param === "configuration";
}

export interface PortalSessionInput extends PortalTarget {
  customer: string;
  returnUrl: string;
}

/**
 * A billing-portal session for `customer` with dream-api's configuration
 * for the purpose (ensured first). When Stripe refuses a configuration id
 * this isolate remembered, it is looked up afresh and the session tried
 * once more.
 */
export async function createPortalSession(stripe: Stripe, input: PortalSessionInput): Promise<Stripe.BillingPortal.Session> {
  const target: PortalTarget = { purpose: input.purpose, stripeAccount: input.stripeAccount, plans: input.plans };
  const open = (configuration: string) => stripe.billingPortal.sessions.create({ customer: input.customer, return_url: input.returnUrl, configuration }, requestOptions(target));
  const first = await lookUp(stripe, target, false);
  try {
    return await open(first.id);
  } catch (error) {
    if (!first.cached || !refusedConfiguration(error)) throw error;
    return open((await lookUp(stripe, target, true)).id);
  }
}
