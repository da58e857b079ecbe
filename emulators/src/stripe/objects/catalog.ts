import type { Interval } from "../periods.js";
import type { Metadata, StripeObject } from "./common.js";

export interface Product extends StripeObject {
  object: "product";
  active: boolean;
  created: number;
  updated: number;
  name: string;
  description: string | null;
  default_price: string | null;
  images: string[];
  metadata: Metadata;
  url: string | null;
}

export interface ProductInit {
  id: string;
  created: number;
  name: string;
  active: boolean;
  description: string | null;
  images: string[];
  metadata: Metadata;
  url: string | null;
  livemode: boolean;
}

export function buildProduct(init: ProductInit): Product {
  return {
    id: init.id,
    object: "product",
    active: init.active,
    created: init.created,
    default_price: null,
    description: init.description,
    images: init.images,
    livemode: init.livemode,
    marketing_features: [],
    metadata: init.metadata,
    name: init.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    unit_label: null,
    updated: init.created,
    url: init.url,
    type: "service",
  };
}

export interface Recurring {
  interval: Interval;
  interval_count: number;
  meter: null;
  usage_type: "licensed";
  trial_period_days: number | null;
}

export interface Price extends StripeObject {
  object: "price";
  livemode: boolean;
  active: boolean;
  created: number;
  currency: string;
  product: string;
  type: "recurring" | "one_time";
  recurring: Recurring | null;
  unit_amount: number;
  nickname: string | null;
  lookup_key: string | null;
  metadata: Metadata;
}

export interface PriceInit {
  id: string;
  created: number;
  currency: string;
  product: string;
  unitAmount: number;
  recurring: { interval: Interval; intervalCount: number } | null;
  active: boolean;
  nickname: string | null;
  lookupKey: string | null;
  metadata: Metadata;
  livemode: boolean;
}

export function buildPrice(init: PriceInit): Price {
  return {
    id: init.id,
    object: "price",
    active: init.active,
    billing_scheme: "per_unit",
    created: init.created,
    currency: init.currency,
    custom_unit_amount: null,
    livemode: init.livemode,
    lookup_key: init.lookupKey,
    metadata: init.metadata,
    nickname: init.nickname,
    product: init.product,
    recurring: init.recurring
      ? {
          interval: init.recurring.interval,
          interval_count: init.recurring.intervalCount,
          meter: null,
          usage_type: "licensed",
          trial_period_days: null,
        }
      : null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: init.recurring ? "recurring" : "one_time",
    unit_amount: init.unitAmount,
    unit_amount_decimal: String(init.unitAmount),
  };
}

/** The legacy `plan` view of a recurring price, still embedded in subscription items. */
export function planOf(price: Price): StripeObject {
  return {
    id: price.id,
    object: "plan",
    active: price.active,
    amount: price.unit_amount,
    amount_decimal: String(price.unit_amount),
    billing_scheme: "per_unit",
    created: price.created,
    currency: price.currency,
    interval: price.recurring?.interval ?? "month",
    interval_count: price.recurring?.interval_count ?? 1,
    livemode: price.livemode,
    metadata: price.metadata,
    meter: null,
    nickname: price.nickname,
    product: price.product,
    tiers_mode: null,
    transform_usage: null,
    trial_period_days: null,
    usage_type: "licensed",
  };
}
