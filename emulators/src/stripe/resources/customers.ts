import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { invalidRequest } from "../errors.js";
import { previousAttributes } from "../events.js";
import { newId } from "../ids.js";
import { NO_PARAMS, PAGINATION, type ParamSpec, SEARCH } from "../known-params.js";
import { paginate } from "../list.js";
import { buildCustomer } from "../objects/customer.js";
import type { Params } from "../params.js";
import { search, type SearchFields } from "../search.js";
import type { Customer } from "../objects/customer.js";
import { mustGet } from "./lookup.js";

/** Stripe's params for the customer endpoints (stripe-node's `CustomerCreateParams`, …). */
const CREATE = {
  address: true,
  balance: true,
  business_name: true,
  cash_balance: true,
  description: true,
  email: true,
  individual_name: true,
  invoice_prefix: true,
  invoice_settings: true,
  metadata: true,
  name: true,
  next_invoice_sequence: true,
  payment_method: true,
  phone: true,
  preferred_locales: true,
  shipping: true,
  source: true,
  tax: true,
  tax_exempt: true,
  tax_id_data: true,
  test_clock: true,
  validate: true,
} as const satisfies ParamSpec;

const UPDATE = {
  address: true,
  balance: true,
  business_name: true,
  cash_balance: true,
  default_source: true,
  description: true,
  email: true,
  individual_name: true,
  invoice_prefix: true,
  invoice_settings: true,
  metadata: true,
  name: true,
  next_invoice_sequence: true,
  phone: true,
  preferred_locales: true,
  shipping: true,
  source: true,
  tax: true,
  tax_exempt: true,
  validate: true,
} as const satisfies ParamSpec;

const LIST = { ...PAGINATION, created: true, email: true, test_clock: true } as const satisfies ParamSpec;

/** Stripe's query fields for customers (besides `metadata`). */
const SEARCH_FIELDS: SearchFields<Customer> = { created: (c) => c.created, email: (c) => c.email, name: (c) => c.name, phone: (c) => c.phone };

function email(params: Params): string | null | undefined {
  const value = params.nullableString("email");
  if (value && !/^[^@\s]+@[^@\s]+$/.test(value)) {
    throw invalidRequest(`Invalid email address: ${value}`, { code: "email_invalid", param: "email" });
  }
  return value;
}

export function registerCustomers(app: Hono, deps: Deps): void {
  const { store, events, now } = deps;

  app.post(
    "/v1/customers",
    api(deps, CREATE, ({ scope, params, origin }) => {
      const customer = buildCustomer({
        livemode: scope.livemode,
        id: newId("cus"),
        created: now(),
        email: email(params) ?? null,
        name: params.nullableString("name") ?? null,
        description: params.nullableString("description") ?? null,
        phone: params.nullableString("phone") ?? null,
        metadata: params.metadata(),
      });
      store.put(scope, "customers", customer);
      events.emit(scope, "customer.created", customer, origin);
      return customer;
    }),
  );

  // Before `/:id`, which would take "search" for an id.
  app.get(
    "/v1/customers/search",
    api(deps, SEARCH, ({ scope, params }) => search(store.all(scope, "customers"), params, "/v1/customers/search", "customers", SEARCH_FIELDS)),
  );

  app.get(
    "/v1/customers/:id",
    api(deps, NO_PARAMS, ({ scope, path }) => mustGet(store, scope, "customers", path("id"))),
  );

  app.post(
    "/v1/customers/:id",
    api(deps, UPDATE, ({ scope, params, path, origin }) => {
      const customer = mustGet(store, scope, "customers", path("id"));
      const before = structuredClone(customer);
      const newEmail = email(params);
      if (newEmail !== undefined) customer.email = newEmail;
      for (const field of ["name", "description", "phone"] as const) {
        const value = params.nullableString(field);
        if (value !== undefined) customer[field] = value;
      }
      customer.metadata = params.metadata(customer.metadata);
      const previous = previousAttributes(before, customer);
      if (Object.keys(previous).length > 0) {
        store.put(scope, "customers", customer);
        events.emit(scope, "customer.updated", customer, origin, previous);
      }
      return customer;
    }),
  );

  app.get(
    "/v1/customers",
    api(deps, LIST, ({ scope, params }) => {
      const filter = params.string("email");
      const customers = store.all(scope, "customers").filter((c) => filter === undefined || c.email === filter);
      return paginate(customers, params, "/v1/customers", "customer");
    }),
  );
}
