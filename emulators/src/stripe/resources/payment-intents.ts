import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { mustGet } from "./lookup.js";

/** Read-only: payment intents are created by paying a payment-mode checkout. */
export function registerPaymentIntents(app: Hono, deps: Deps): void {
  app.get(
    "/v1/payment_intents/:id",
    api(deps, ({ scope, path }) => mustGet(deps.store, scope, "payment_intents", path("id"))),
  );
}
