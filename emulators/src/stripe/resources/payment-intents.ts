import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { type ParamSpec, SEARCH } from "../known-params.js";
import type { PaymentIntent } from "../objects/payment-intent.js";
import { search, type SearchFields } from "../search.js";
import { mustGet } from "./lookup.js";

/** `client_secret` is required by Stripe with a publishable key only; a secret key may send it too. */
const RETRIEVE = { client_secret: true } as const satisfies ParamSpec;

/** Read-only: payment intents are created by paying a payment-mode checkout. */
/** Stripe's query fields for payment intents (besides `metadata`). */
const SEARCH_FIELDS: SearchFields<PaymentIntent> = {
  amount: (p) => p.amount,
  created: (p) => p["created"] as number,
  currency: (p) => p.currency,
  customer: (p) => p.customer,
  status: (p) => p.status,
};

export function registerPaymentIntents(app: Hono, deps: Deps): void {
  // Before `/:id`, which would take "search" for an id.
  app.get(
    "/v1/payment_intents/search",
    api(deps, SEARCH, ({ scope, params }) => search(deps.store.all(scope, "payment_intents"), params, "/v1/payment_intents/search", "payment_intents", SEARCH_FIELDS)),
  );

  app.get(
    "/v1/payment_intents/:id",
    api(deps, RETRIEVE, ({ scope, path }) => mustGet(deps.store, scope, "payment_intents", path("id"))),
  );
}
