import type { Hono } from "hono";
import { api } from "../api.js";
import { assertNotCanceled, cancelNow, scheduleCancellation, updateSubscription } from "../billing.js";
import type { Deps } from "../deps.js";
import { invalidRequest } from "../errors.js";
import { newId } from "../ids.js";
import { NO_PARAMS, PAGINATION, type ParamSpec, SEARCH } from "../known-params.js";
import { paginate } from "../list.js";
import { planOf } from "../objects/catalog.js";
import { buildSubscriptionItem, currentPeriod, type Subscription } from "../objects/subscription.js";
import type { Params } from "../params.js";
import { search, type SearchFields } from "../search.js";
import { mustGet } from "./lookup.js";
import type { Scope } from "../store.js";

/** Stripe's params for the subscription endpoints (stripe-node's `SubscriptionUpdateParams`, …). */
const UPDATE = {
  add_invoice_items: true,
  application_fee_percent: true,
  automatic_tax: true,
  billing_cycle_anchor: true,
  billing_schedules: true,
  billing_thresholds: true,
  cancel_at: true,
  cancel_at_period_end: true,
  cancellation_details: true,
  collection_method: true,
  days_until_due: true,
  default_payment_method: true,
  default_source: true,
  default_tax_rates: true,
  description: true,
  discounts: true,
  invoice_settings: true,
  items: [
    {
      billing_thresholds: true,
      clear_usage: true,
      current_trial: true,
      deleted: true,
      discounts: true,
      id: true,
      metadata: true,
      plan: true,
      price: true,
      price_data: true,
      quantity: true,
      tax_rates: true,
    },
  ],
  metadata: true,
  off_session: true,
  on_behalf_of: true,
  pause_collection: true,
  payment_behavior: true,
  payment_settings: true,
  pending_invoice_item_interval: true,
  proration_behavior: true,
  proration_date: true,
  transfer_data: true,
  trial_end: true,
  trial_from_plan: true,
  trial_settings: true,
} as const satisfies ParamSpec;

const CANCEL = { cancellation_details: true, invoice_now: true, prorate: true } as const satisfies ParamSpec;

const LIST = {
  ...PAGINATION,
  automatic_tax: true,
  collection_method: true,
  created: true,
  current_period_end: true,
  current_period_start: true,
  customer: true,
  customer_account: true,
  plan: true,
  price: true,
  status: true,
  test_clock: true,
} as const satisfies ParamSpec;

/** Stripe's query fields for subscriptions (besides `metadata`). */
const SEARCH_FIELDS: SearchFields<Subscription> = { created: (s) => s.created, status: (s) => s.status };

const STATUSES = ["active", "past_due", "canceled", "all"] as const;

/**
 * `items[i][id]` + `price`/`quantity` changes an item (plan switch, no
 * proration modelled); an entry without `id` adds an item.
 */
function applyItems(deps: Deps, scope: Scope, subscription: Subscription, entries: Params[]): void {
  for (const entry of entries) {
    const itemId = entry.string("id");
    const priceId = entry.string("price");
    const price = priceId ? mustGet(deps.store, scope, "prices", priceId, entry.path("price")) : undefined;
    if (price && !price.recurring) {
      throw invalidRequest(`The price specified is set to \`type=one_time\` but this field only accepts prices with \`type=recurring\`.`, { param: entry.path("price") });
    }
    const quantity = entry.integer("quantity", { min: 1 });
    if (itemId) {
      const item = subscription.items.data.find((i) => i.id === itemId);
      if (!item) throw invalidRequest(`No such subscription item: '${itemId}'`, { code: "resource_missing", param: entry.path("id") });
      if (price) {
        item.price = price;
        item.plan = planOf(price);
      }
      if (quantity !== undefined) item.quantity = quantity;
    } else {
      if (!price) throw invalidRequest("Missing required param: price.", { code: "parameter_missing", param: entry.path("price") });
      subscription.items.data.push(buildSubscriptionItem(newId("si"), subscription.id, price, quantity ?? 1, deps.now(), currentPeriod(subscription)));
    }
  }
}

export function registerSubscriptions(app: Hono, deps: Deps): void {
  const { store } = deps;

  // Before `/:id`, which would take "search" for an id.
  app.get(
    "/v1/subscriptions/search",
    api(deps, SEARCH, ({ scope, params }) => search(store.all(scope, "subscriptions"), params, "/v1/subscriptions/search", "subscriptions", SEARCH_FIELDS)),
  );

  app.get(
    "/v1/subscriptions/:id",
    api(deps, NO_PARAMS, ({ scope, path }) => mustGet(store, scope, "subscriptions", path("id"))),
  );

  app.post(
    "/v1/subscriptions/:id",
    api(deps, UPDATE, ({ scope, params, path, origin }) => {
      const subscription = mustGet(store, scope, "subscriptions", path("id"));
      const cancelAtPeriodEnd = params.boolean("cancel_at_period_end");
      const items = params.list("items");
      if (cancelAtPeriodEnd !== undefined || items.length > 0) assertNotCanceled(subscription);
      // Validate everything before the first change so a bad item leaves no half-applied update.
      const draft = structuredClone(subscription);
      applyItems(deps, scope, draft, items);
      const metadata = params.metadata(subscription.metadata);
      updateSubscription(
        deps,
        scope,
        subscription,
        (s) => {
          s.metadata = metadata;
          s.items = draft.items;
          if (cancelAtPeriodEnd !== undefined) scheduleCancellation(s, cancelAtPeriodEnd, deps.now());
        },
        origin,
      );
      return subscription;
    }),
  );

  app.delete(
    "/v1/subscriptions/:id",
    api(deps, CANCEL, ({ scope, path, origin }) => cancelNow(deps, scope, mustGet(store, scope, "subscriptions", path("id")), origin)),
  );

  app.get(
    "/v1/subscriptions",
    api(deps, LIST, ({ scope, params }) => {
      const customer = params.string("customer");
      const price = params.string("price");
      // Stripe lists every status except canceled unless asked.
      const status = params.oneOf("status", STATUSES);
      const subscriptions = store
        .all(scope, "subscriptions")
        .filter(
          (s) =>
            (customer === undefined || s.customer === customer) &&
            (price === undefined || s.items.data.some((item) => item.price.id === price)) &&
            (status === "all" || (status === undefined ? s.status !== "canceled" : s.status === status)),
        );
      return paginate(subscriptions, params, "/v1/subscriptions", "subscription");
    }),
  );
}
