import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { invalidRequest } from "../errors.js";
import { previousAttributes } from "../events.js";
import { NO_PARAMS, PAGINATION, type ParamSpec, SEARCH } from "../known-params.js";
import { paginate } from "../list.js";
import type { Product } from "../objects/catalog.js";
import { search, type SearchFields } from "../search.js";
import { createPrice, createProduct } from "./prices.js";
import { mustGet } from "./lookup.js";

/** Stripe's params for the product endpoints (stripe-node's `ProductCreateParams`, …). */
const CREATE = {
  active: true,
  default_price_data: {
    currency: true,
    currency_options: true,
    custom_unit_amount: true,
    metadata: true,
    recurring: { interval: true, interval_count: true },
    tax_behavior: true,
    unit_amount: true,
    unit_amount_decimal: true,
  },
  description: true,
  id: true,
  images: true,
  marketing_features: true,
  metadata: true,
  name: true,
  package_dimensions: true,
  shippable: true,
  statement_descriptor: true,
  tax_code: true,
  tax_details: true,
  type: true,
  unit_label: true,
  url: true,
} as const satisfies ParamSpec;

const UPDATE = {
  active: true,
  default_price: true,
  description: true,
  images: true,
  marketing_features: true,
  metadata: true,
  name: true,
  package_dimensions: true,
  shippable: true,
  statement_descriptor: true,
  tax_code: true,
  tax_details: true,
  unit_label: true,
  url: true,
} as const satisfies ParamSpec;

const LIST = { ...PAGINATION, active: true, created: true, ids: true, shippable: true, type: true, url: true } as const satisfies ParamSpec;

/** Stripe's query fields for products (besides `metadata`). */
const SEARCH_FIELDS: SearchFields<Product> = {
  active: (p) => p.active,
  description: (p) => p.description,
  name: (p) => p.name,
  shippable: (p) => p["shippable"] as boolean | null,
  url: (p) => p.url,
};

export function registerProducts(app: Hono, deps: Deps): void {
  const { store, events, now } = deps;

  app.post(
    "/v1/products",
    api(deps, CREATE, ({ scope, params, origin }) => {
      // Nothing can be unset on create: `images=` or `description=` is refused, not read as "none".
      params.refuseUnset("id", "active", "description", "images", "url", "default_price_data");
      const customId = params.string("id");
      if (customId && store.get(scope, "products", customId)) {
        throw invalidRequest("Product already exists.", { code: "resource_already_exists", param: "id" });
      }
      const product = createProduct(deps, scope, params, origin, customId);
      const defaultPriceData = params.child("default_price_data");
      if (defaultPriceData) {
        product.default_price = createPrice(deps, scope, defaultPriceData, origin, product.id).id;
        store.put(scope, "products", product);
      }
      return product;
    }),
  );

  // Before `/:id`, which would take "search" for an id.
  app.get(
    "/v1/products/search",
    api(deps, SEARCH, ({ scope, params }) => search(store.all(scope, "products"), params, "/v1/products/search", "products", SEARCH_FIELDS)),
  );

  app.get(
    "/v1/products/:id",
    api(deps, NO_PARAMS, ({ scope, path }) => mustGet(store, scope, "products", path("id"))),
  );

  app.post(
    "/v1/products/:id",
    api(deps, UPDATE, ({ scope, params, path, origin }) => {
      const stored = mustGet(store, scope, "products", path("id"));
      // Changes go to a copy stored only once every param is accepted: a refused update changes nothing.
      const before = structuredClone(stored);
      const product = structuredClone(stored);
      // Unsettable here (Emptyable in Stripe's API): description, url, images, metadata. Not these:
      params.refuseUnset("active", "default_price");
      const name = params.string("name");
      if (name !== undefined) {
        if (name === "") throw invalidRequest("You must provide a name for the product.", { param: "name" });
        product.name = name;
      }
      const active = params.boolean("active");
      if (active !== undefined) product.active = active;
      for (const field of ["description", "url"] as const) {
        const value = params.nullableString(field);
        if (value !== undefined) product[field] = value;
      }
      const images = params.emptyableList("images");
      if (images !== undefined) product.images = images;
      const defaultPrice = params.string("default_price");
      if (defaultPrice) {
        const price = mustGet(store, scope, "prices", defaultPrice, "default_price");
        if (price.product !== product.id) {
          throw invalidRequest(`The price \`${price.id}\` does not belong to product \`${product.id}\`.`, { param: "default_price" });
        }
      }
      if (defaultPrice !== undefined) product.default_price = defaultPrice;
      product.metadata = params.metadata(product.metadata);
      const previous = previousAttributes(before, product);
      if (Object.keys(previous).length > 0) {
        product.updated = now();
        store.put(scope, "products", product);
        events.emit(scope, "product.updated", product, origin, previous);
        return product;
      }
      return stored;
    }),
  );

  app.get(
    "/v1/products",
    api(deps, LIST, ({ scope, params }) => {
      const active = params.boolean("active");
      const ids = params.stringList("ids");
      const products = store.all(scope, "products").filter((p) => (active === undefined || p.active === active) && (ids.length === 0 || ids.includes(p.id)));
      return paginate(products, params, "/v1/products", "product");
    }),
  );
}
