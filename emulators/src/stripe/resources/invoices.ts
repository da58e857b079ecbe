import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { NO_PARAMS, PAGINATION, type ParamSpec } from "../known-params.js";
import { paginate } from "../list.js";
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

/** Read-only: invoices are created by subscription billing. */
export function registerInvoices(app: Hono, deps: Deps): void {
  const { store } = deps;

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
