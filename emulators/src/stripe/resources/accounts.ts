import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { resourceMissing } from "../errors.js";
import { NO_PARAMS } from "../known-params.js";

export function registerAccounts(app: Hono, deps: Deps): void {
  const { store } = deps;

  /** The account the request acts on (platform, or the `Stripe-Account` one). */
  app.get(
    "/v1/account",
    api(deps, NO_PARAMS, ({ scope }) => store.requireAccount(scope.account).account),
  );

  /** The platform may read itself and the accounts connected to it. */
  app.get(
    "/v1/accounts/:id",
    api(deps, NO_PARAMS, ({ scope, path }) => {
      const id = path("id");
      const record = store.account(id);
      const visible = record?.connected && (scope.account === store.platformAccountId || scope.account === id);
      if (!record || !visible) throw resourceMissing("account", id);
      return record.account;
    }),
  );
}
