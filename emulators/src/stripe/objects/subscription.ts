import { planOf, type Price } from "./catalog.js";
import { listOf, type ListObject, type Metadata, type StripeObject } from "./common.js";

export type SubscriptionStatus = "active" | "past_due" | "canceled";

export interface SubscriptionItem extends StripeObject {
  object: "subscription_item";
  created: number;
  price: Price;
  quantity: number;
  subscription: string;
  plan: StripeObject;
  current_period_start: number;
  current_period_end: number;
}

/**
 * As of API version 2025-03-31 (basil) the billing period is on each item
 * (`items.data[].current_period_start/end`) and no longer on the
 * subscription: code that reads it from the subscription works on no
 * Stripe the client talks to, so the stand-in does not carry it either.
 */
export interface Subscription extends StripeObject {
  object: "subscription";
  created: number;
  customer: string;
  currency: string;
  status: SubscriptionStatus;
  metadata: Metadata;
  items: ListObject<SubscriptionItem>;
  billing_cycle_anchor: number;
  cancel_at_period_end: boolean;
  cancel_at: number | null;
  canceled_at: number | null;
  ended_at: number | null;
  cancellation_details: { comment: string | null; feedback: string | null; reason: string | null };
  latest_invoice: string | null;
}

export function buildSubscriptionItem(id: string, subscription: string, price: Price, quantity: number, created: number, period: { start: number; end: number }): SubscriptionItem {
  return {
    id,
    object: "subscription_item",
    created,
    discounts: [],
    metadata: {},
    price,
    quantity,
    subscription,
    tax_rates: [],
    plan: planOf(price),
    current_period_end: period.end,
    current_period_start: period.start,
    billing_thresholds: null,
  };
}

export interface SubscriptionInit {
  id: string;
  created: number;
  customer: string;
  currency: string;
  metadata: Metadata;
  items: SubscriptionItem[];
  period: { start: number; end: number };
  livemode: boolean;
}

export function buildSubscription(init: SubscriptionInit): Subscription {
  return {
    id: init.id,
    object: "subscription",
    application: null,
    application_fee_percent: null,
    automatic_tax: { enabled: false, liability: null, disabled_reason: null },
    billing_cycle_anchor: init.period.start,
    billing_cycle_anchor_config: null,
    cancel_at: null,
    canceled_at: null,
    cancellation_details: { comment: null, feedback: null, reason: null },
    collection_method: "charge_automatically",
    created: init.created,
    currency: init.currency,
    customer: init.customer,
    days_until_due: null,
    default_payment_method: null,
    default_source: null,
    default_tax_rates: [],
    description: null,
    discounts: [],
    ended_at: null,
    invoice_settings: { account_tax_ids: null, issuer: { type: "self" } },
    items: listOf(init.items, `/v1/subscription_items?subscription=${init.id}`),
    latest_invoice: null,
    livemode: init.livemode,
    metadata: init.metadata,
    next_pending_invoice_item_invoice: null,
    on_behalf_of: null,
    pause_collection: null,
    payment_settings: { payment_method_options: null, payment_method_types: null, save_default_payment_method: "off" },
    pending_invoice_item_interval: null,
    pending_setup_intent: null,
    pending_update: null,
    schedule: null,
    start_date: init.created,
    status: "active",
    test_clock: null,
    transfer_data: null,
    trial_end: null,
    trial_settings: { end_behavior: { missing_payment_method: "create_invoice" } },
    trial_start: null,
    cancel_at_period_end: false,
    billing_thresholds: null,
    billing_mode: { type: "classic", flexible: null },
    customer_account: null,
    managed_payments: { enabled: false },
    billing_schedules: [],
  };
}

/**
 * The subscription's billing period: its items'. The stand-in bills every
 * item of a subscription on one cadence, so the first item's period is all
 * of theirs.
 */
export function currentPeriod(subscription: Subscription): { start: number; end: number } {
  const item = subscription.items.data[0];
  if (!item) throw new Error(`subscription ${subscription.id} has no items`);
  return { start: item.current_period_start, end: item.current_period_end };
}

/** Moves every item to the new period. */
export function setPeriod(subscription: Subscription, period: { start: number; end: number }): void {
  for (const item of subscription.items.data) {
    item.current_period_start = period.start;
    item.current_period_end = period.end;
  }
}
