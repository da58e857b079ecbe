/**
 * `POST /v1/billing_portal/sessions`. As in Stripe, a session needs a portal
 * configuration: the one named by `configuration`, else the account's default
 * for the mode — and an account that has none (Stripe: its portal settings
 * were never saved) gets Stripe's refusal.
 */
import type { Hono } from "hono";
import { api } from "../api.js";
import { paramSpec } from "../known-params.js";
import type { Deps } from "../deps.js";
import { invalidRequest, parameterMissing } from "../errors.js";
import { newId } from "../ids.js";
import { buildPortalSession } from "../objects/portal.js";
import type { PortalConfiguration } from "../objects/portal-configuration.js";
import type { Params } from "../params.js";
import type { Scope } from "../store.js";
import { urlParam } from "./checkout-sessions.js";
import { mustGet } from "./lookup.js";

const SESSION_PARAMS = ["customer", "configuration", "return_url", "locale", "expand"] as const;

/** Stripe's answer when the account never saved portal settings in this mode. */
function noDefaultConfiguration(scope: Scope) {
  const mode = scope.livemode ? "live" : "test";
  const settings = scope.livemode ? "https://dashboard.stripe.com/settings/billing/portal" : "https://dashboard.stripe.com/test/settings/billing/portal";
  return invalidRequest(`You can’t create a portal session in ${mode} mode until you save your customer portal settings in ${mode} mode at ${settings}.`);
}

function sessionConfiguration(deps: Deps, scope: Scope, params: Params): PortalConfiguration {
  const requested = params.string("configuration");
  const configuration = requested ? mustGet(deps.store, scope, "portal_configurations", requested, "configuration") : deps.store.all(scope, "portal_configurations").find((c) => c.is_default);
  if (!configuration) throw noDefaultConfiguration(scope);
  if (!configuration.active) {
    throw invalidRequest(`The configuration \`${configuration.id}\` is inactive: activate it, or create the session with an active configuration.`, { param: "configuration" });
  }
  return configuration;
}

export function registerBillingPortal(app: Hono, deps: Deps): void {
  app.post(
    "/v1/billing_portal/sessions",
    api(deps, paramSpec(SESSION_PARAMS), ({ scope, params }) => {
      const customer = params.string("customer");
      if (!customer) throw parameterMissing("customer");
      mustGet(deps.store, scope, "customers", customer, "customer");
      const configuration = sessionConfiguration(deps, scope, params);
      const id = newId("bps");
      const session = buildPortalSession({
        livemode: scope.livemode,
        id,
        configuration: configuration.id,
        created: deps.now(),
        customer,
        locale: params.string("locale") ?? null,
        returnUrl: urlParam(params, "return_url") ?? configuration.default_return_url,
        url: `${deps.publicUrl}/portal/${id}`,
      });
      deps.store.put(scope, "portal_sessions", session);
      return session;
    }),
  );
}
