import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import type { ParamSpec } from "../known-params.js";
import { mustGet } from "./lookup.js";

/** `client_secret` is required by Stripe with a publishable key only; a secret key may send it too. */
const RETRIEVE = { client_secret: true } as const satisfies ParamSpec;

/** Read-only: payment intents are created by paying a payment-mode checkout. */
export function registerPaymentIntents(app: Hono, deps: Deps): void {
  app.get(
    "/v1/payment_intents/:id",
    api(deps, RETRIEVE, ({ scope, path }) => mustGet(deps.store, scope, "payment_intents", path("id"))),
  );
}
