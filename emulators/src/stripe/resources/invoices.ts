import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { paginate } from "../list.js";
import { mustGet } from "./lookup.js";

/** Read-only: invoices are created by subscription billing. */
export function registerInvoices(app: Hono, deps: Deps): void {
  const { store } = deps;

  app.get(
    "/v1/invoices/:id",
    api(deps, ({ scope, path }) => mustGet(store, scope, "invoices", path("id"))),
  );

  app.get(
    "/v1/invoices",
    api(deps, ({ scope, params }) => {
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
