/**
 * `billing_portal.configuration`: which features the hosted portal offers.
 * Nested fields follow the pinned API version (stripe-node 23's types), which
 * has a few the fixture predates (`subscription_pause`,
 * `cancellation_reason.feedback_options`).
 */
import type { Metadata, StripeObject } from "./common.js";

export type CustomerUpdateField = "address" | "email" | "name" | "phone" | "shipping" | "tax_id";
export type CancelMode = "at_period_end" | "immediately";
export type ProrationBehavior = "always_invoice" | "create_prorations" | "none";
export type SubscriptionUpdateKind = "price" | "promotion_code" | "quantity";

export interface SwitchableProduct {
  adjustable_quantity: { enabled: boolean; maximum: number | null; minimum: number };
  prices: string[];
  product: string;
}

export interface PortalFeatures {
  customer_update: { allowed_updates: CustomerUpdateField[]; enabled: boolean };
  invoice_history: { enabled: boolean };
  payment_method_update: { enabled: boolean; payment_method_configuration: string | null };
  subscription_cancel: {
    cancellation_reason: { enabled: boolean; feedback_options: string[] | null; options: string[] };
    enabled: boolean;
    mode: CancelMode;
    proration_behavior: ProrationBehavior;
  };
  subscription_pause: {
    duration: { interval_options: Array<{ interval: string; interval_count: number }>; type: "indefinite" | "interval_options" };
    enabled: boolean;
  };
  subscription_update: {
    billing_cycle_anchor: "now" | "unchanged" | null;
    default_allowed_updates: SubscriptionUpdateKind[];
    enabled: boolean;
    /** Includable: shown only with `expand[]=features.subscription_update.products`, as in Stripe. */
    products?: SwitchableProduct[];
    proration_behavior: ProrationBehavior;
    schedule_at_period_end: { conditions: Array<{ type: "decreasing_item_amount" | "shortening_interval" }> };
    trial_update_behavior: "continue_trial" | "end_trial";
  };
}

export interface BusinessProfile {
  headline: string | null;
  privacy_policy_url: string | null;
  terms_of_service_url: string | null;
}

export interface PortalConfiguration extends StripeObject {
  object: "billing_portal.configuration";
  active: boolean;
  business_profile: BusinessProfile;
  created: number;
  default_return_url: string | null;
  features: PortalFeatures;
  is_default: boolean;
  livemode: boolean;
  login_page: { enabled: boolean; url: string | null };
  metadata: Metadata;
  name: string | null;
  updated: number;
}

/** Every feature off, as Stripe stores a feature the create request left out. */
export function defaultPortalFeatures(): PortalFeatures {
  return {
    customer_update: { allowed_updates: [], enabled: false },
    invoice_history: { enabled: false },
    payment_method_update: { enabled: false, payment_method_configuration: null },
    subscription_cancel: {
      cancellation_reason: { enabled: false, feedback_options: null, options: [] },
      enabled: false,
      mode: "at_period_end",
      proration_behavior: "none",
    },
    subscription_pause: { duration: { interval_options: [{ interval: "month", interval_count: 1 }], type: "interval_options" }, enabled: false },
    subscription_update: {
      billing_cycle_anchor: null,
      default_allowed_updates: [],
      enabled: false,
      products: [],
      proration_behavior: "none",
      schedule_at_period_end: { conditions: [] },
      trial_update_behavior: "end_trial",
    },
  };
}

export function buildPortalConfiguration(init: {
  id: string;
  created: number;
  livemode: boolean;
  isDefault: boolean;
  features: PortalFeatures;
  businessProfile: BusinessProfile;
  defaultReturnUrl: string | null;
  metadata: Metadata;
  name: string | null;
}): PortalConfiguration {
  return {
    id: init.id,
    object: "billing_portal.configuration",
    active: true,
    application: null,
    business_profile: init.businessProfile,
    created: init.created,
    default_return_url: init.defaultReturnUrl,
    features: init.features,
    is_default: init.isDefault,
    livemode: init.livemode,
    login_page: { enabled: false, url: null },
    metadata: init.metadata,
    name: init.name,
    updated: init.created,
  };
}

/**
 * The configuration as the API shows it: `features.subscription_update.products`
 * only when the request expanded it (Stripe's includable field).
 */
export function renderPortalConfiguration(configuration: PortalConfiguration, withProducts: boolean): PortalConfiguration {
  const rendered = structuredClone(configuration);
  if (withProducts) rendered.features.subscription_update.products ??= [];
  else delete rendered.features.subscription_update.products;
  return rendered;
}
