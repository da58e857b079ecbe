import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { NO_PARAMS, PAGINATION, type ParamSpec, SEARCH } from "../known-params.js";
import { paginate } from "../list.js";
import type { Invoice } from "../objects/invoice.js";
import { search, type SearchFields } from "../search.js";
import { mustGet } from "./lookup.js";

/** Stripe's params for `GET /v1/invoices` (stripe-node's `InvoiceListParams`). */
const LIST = {
  ...PAGINATION,
  collection_method: true,
  created: true,
  customer: true,
  customer_account: true,
  due_date: true,
  status: true,
  subscription: true,
} as const satisfies ParamSpec;

/** Stripe's query fields for invoices (besides `metadata`); the stand-in's invoices never fail to finalize. */
const SEARCH_FIELDS: SearchFields<Invoice> = {
  created: (i) => i.created,
  currency: (i) => i["currency"] as string,
  customer: (i) => i.customer,
  last_finalization_error_code: () => null,
  last_finalization_error_type: () => null,
  number: (i) => i["number"] as string | null,
  receipt_number: (i) => i["receipt_number"] as string | null,
  status: (i) => i.status,
  subscription: (i) => i.subscription,
  total: (i) => i.total,
};

/** Read-only: invoices are created by subscription billing. */
export function registerInvoices(app: Hono, deps: Deps): void {
  const { store } = deps;

  // Before `/:id`, which would take "search" for an id.
  app.get(
    "/v1/invoices/search",
    api(deps, SEARCH, ({ scope, params }) => search(store.all(scope, "invoices"), params, "/v1/invoices/search", "invoices", SEARCH_FIELDS)),
  );

  app.get(
    "/v1/invoices/:id",
    api(deps, NO_PARAMS, ({ scope, path }) => mustGet(store, scope, "invoices", path("id"))),
  );

  app.get(
    "/v1/invoices",
    api(deps, LIST, ({ scope, params }) => {
      const customer = params.string("customer");
      const subscription = params.string("subscription");
      const status = params.oneOf("status", ["open", "paid"] as const);
      const invoices = store
        .all(scope, "invoices")
        .filter((i) => (customer === undefined || i.customer === customer) && (subscription === undefined || i.subscription === subscription) && (status === undefined || i.status === status));
      return paginate(invoices, params, "/v1/invoices", "invoice");
    }),
  );
}
