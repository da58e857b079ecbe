import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { parameterMissing } from "../errors.js";
import { newId } from "../ids.js";
import { buildPortalSession } from "../objects/portal.js";
import { urlParam } from "./checkout-sessions.js";
import { mustGet } from "./lookup.js";

export function registerBillingPortal(app: Hono, deps: Deps): void {
  app.post(
    "/v1/billing_portal/sessions",
    api(deps, ({ scope, params }) => {
      const customer = params.string("customer");
      if (!customer) throw parameterMissing("customer");
      mustGet(deps.store, scope, "customers", customer, "customer");
      const id = newId("bps");
      const session = buildPortalSession({
        livemode: scope.livemode,
        id,
        created: deps.now(),
        customer,
        returnUrl: urlParam(params, "return_url"),
        url: `${deps.publicUrl}/portal/${id}`,
      });
      deps.store.put(scope, "portal_sessions", session);
      return session;
    }),
  );
}
