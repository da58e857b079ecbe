import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { invalidRequest, parameterMissing } from "../errors.js";
import { previousAttributes, type RequestOrigin } from "../events.js";
import { newId } from "../ids.js";
import { NO_PARAMS, PAGINATION, type ParamSpec, SEARCH } from "../known-params.js";
import { paginate } from "../list.js";
import { buildPrice, buildProduct, type Price, type Product } from "../objects/catalog.js";
import type { Params } from "../params.js";
import { INTERVALS } from "../periods.js";
import { search, type SearchFields } from "../search.js";
import { mustGet } from "./lookup.js";
import type { Scope } from "../store.js";

/** Stripe's params for the price endpoints (stripe-node's `PriceCreateParams`, …). */
const CREATE = {
  active: true,
  billing_scheme: true,
  currency: true,
  currency_options: true,
  custom_unit_amount: true,
  lookup_key: true,
  metadata: true,
  nickname: true,
  product: true,
  product_data: { active: true, id: true, metadata: true, name: true, statement_descriptor: true, tax_code: true, tax_details: true, unit_label: true },
  recurring: { interval: true, interval_count: true, meter: true, trial_period_days: true, usage_type: true },
  tax_behavior: true,
  tiers: true,
  tiers_mode: true,
  transfer_lookup_key: true,
  transform_quantity: true,
  unit_amount: true,
  unit_amount_decimal: true,
} as const satisfies ParamSpec;

const UPDATE = {
  active: true,
  currency_options: true,
  lookup_key: true,
  metadata: true,
  nickname: true,
  tax_behavior: true,
  transfer_lookup_key: true,
} as const satisfies ParamSpec;

const LIST = {
  ...PAGINATION,
  active: true,
  created: true,
  currency: true,
  lookup_keys: true,
  product: true,
  recurring: { interval: true, meter: true, usage_type: true },
  type: true,
} as const satisfies ParamSpec;

/** Stripe's query fields for prices (besides `metadata`). */
const SEARCH_FIELDS: SearchFields<Price> = {
  active: (p) => p.active,
  currency: (p) => p.currency,
  lookup_key: (p) => p.lookup_key,
  product: (p) => p.product,
  type: (p) => p.type,
};

export function currencyParam(params: Params): string {
  const currency = params.requiredString("currency").toLowerCase();
  if (!/^[a-z]{3}$/.test(currency)) throw invalidRequest(`Invalid currency: ${currency}`, { param: params.path("currency") });
  return currency;
}

/** `lookup_key` is unique per account and mode among prices; `transfer_lookup_key` moves it. */
function claimLookupKey(deps: Deps, scope: Scope, params: Params, priceId: string): string | null | undefined {
  const lookupKey = params.nullableString("lookup_key");
  if (!lookupKey) return lookupKey;
  const holder = deps.store.all(scope, "prices").find((p) => p.lookup_key === lookupKey && p.id !== priceId);
  if (holder) {
    if (!params.boolean("transfer_lookup_key")) {
      throw invalidRequest(`A price (\`${holder.id}\`) already uses that lookup key.`, { param: "lookup_key" });
    }
    holder.lookup_key = null;
    deps.store.put(scope, "prices", holder);
  }
  return lookupKey;
}

/**
 * Creates a product from `product_data` (inline, as `prices.create` and
 * Checkout's `price_data` allow) and emits `product.created`.
 */
export function createProduct(deps: Deps, scope: Scope, params: Params, origin: RequestOrigin, id = newId("prod")): Product {
  const product = buildProduct({
    livemode: scope.livemode,
    id,
    created: deps.now(),
    name: params.requiredString("name"),
    active: params.boolean("active") ?? true,
    description: params.nullableString("description") ?? null,
    images: params.stringList("images"),
    metadata: params.metadata(),
    url: params.nullableString("url") ?? null,
  });
  deps.store.put(scope, "products", product);
  deps.events.emit(scope, "product.created", product, origin);
  return product;
}

/**
 * Creates a price from price params (`prices.create`, a product's
 * `default_price_data`, a checkout line item's `price_data`).
 * `product` is the product id when the caller already knows it.
 */
export function createPrice(deps: Deps, scope: Scope, params: Params, origin: RequestOrigin, product?: string): Price {
  const currency = currencyParam(params);
  const unitAmount = params.integer("unit_amount", { min: 0 });
  if (unitAmount === undefined) throw parameterMissing(params.path("unit_amount"));
  let productId = product ?? params.string("product");
  const productData = params.child("product_data");
  if (productId) mustGet(deps.store, scope, "products", productId, params.path("product"));
  else if (productData) productId = createProduct(deps, scope, productData, origin).id;
  else throw parameterMissing(params.path("product"));

  const recurringParams = params.child("recurring");
  const recurring = recurringParams
    ? {
        interval: recurringParams.requiredOneOf("interval", INTERVALS),
        intervalCount: recurringParams.integer("interval_count", { min: 1, max: 36 }) ?? 1,
      }
    : null;
  const id = newId("price");
  const price = buildPrice({
    livemode: scope.livemode,
    id,
    created: deps.now(),
    currency,
    product: productId,
    unitAmount,
    recurring,
    active: params.boolean("active") ?? true,
    nickname: params.nullableString("nickname") ?? null,
    lookupKey: claimLookupKey(deps, scope, params, id) ?? null,
    metadata: params.metadata(),
  });
  deps.store.put(scope, "prices", price);
  deps.events.emit(scope, "price.created", price, origin);
  return price;
}

export function registerPrices(app: Hono, deps: Deps): void {
  const { store, events } = deps;

  app.post(
    "/v1/prices",
    api(deps, CREATE, ({ scope, params, origin }) => createPrice(deps, scope, params, origin)),
  );

  // Before `/:id`, which would take "search" for an id.
  app.get(
    "/v1/prices/search",
    api(deps, SEARCH, ({ scope, params }) => search(store.all(scope, "prices"), params, "/v1/prices/search", "prices", SEARCH_FIELDS)),
  );

  app.get(
    "/v1/prices/:id",
    api(deps, NO_PARAMS, ({ scope, path }) => mustGet(store, scope, "prices", path("id"))),
  );

  app.post(
    "/v1/prices/:id",
    api(deps, UPDATE, ({ scope, params, path, origin }) => {
      const price = mustGet(store, scope, "prices", path("id"));
      const before = structuredClone(price);
      const active = params.boolean("active");
      if (active !== undefined) price.active = active;
      const nickname = params.nullableString("nickname");
      if (nickname !== undefined) price.nickname = nickname;
      const lookupKey = claimLookupKey(deps, scope, params, price.id);
      if (lookupKey !== undefined) price.lookup_key = lookupKey;
      price.metadata = params.metadata(price.metadata);
      const previous = previousAttributes(before, price);
      if (Object.keys(previous).length > 0) {
        store.put(scope, "prices", price);
        events.emit(scope, "price.updated", price, origin, previous);
      }
      return price;
    }),
  );

  app.get(
    "/v1/prices",
    api(deps, LIST, ({ scope, params }) => {
      const product = params.string("product");
      const active = params.boolean("active");
      const type = params.oneOf("type", ["recurring", "one_time"] as const);
      const currency = params.string("currency")?.toLowerCase();
      const lookupKeys = params.stringList("lookup_keys");
      const prices = store
        .all(scope, "prices")
        .filter(
          (p) =>
            (product === undefined || p.product === product) &&
            (active === undefined || p.active === active) &&
            (type === undefined || p.type === type) &&
            (currency === undefined || p.currency === currency) &&
            (lookupKeys.length === 0 || (p.lookup_key !== null && lookupKeys.includes(p.lookup_key))),
        );
      return paginate(prices, params, "/v1/prices", "price");
    }),
  );
}
