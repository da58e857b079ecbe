/** Wires every route onto one Hono app. */
import { Hono } from "hono";
import { errorResponse } from "./api.js";
import { registerControl } from "./control.js";
import type { Deps } from "./deps.js";
import { unrecognizedUrl } from "./errors.js";
import { registerOAuth } from "./oauth.js";
import { registerCheckoutPage } from "./pages/checkout.js";
import { registerAuthorizePage } from "./pages/oauth.js";
import { registerPortalPage } from "./pages/portal.js";
import { registerAccounts } from "./resources/accounts.js";
import { registerBillingPortal } from "./resources/billing-portal.js";
import { registerCheckoutSessions } from "./resources/checkout-sessions.js";
import { registerCustomers } from "./resources/customers.js";
import { registerEvents } from "./resources/events.js";
import { registerInvoices } from "./resources/invoices.js";
import { registerPaymentIntents } from "./resources/payment-intents.js";
import { registerPrices } from "./resources/prices.js";
import { registerProducts } from "./resources/products.js";
import { registerPortalConfigurations } from "./resources/portal-configurations.js";
import { registerSubscriptions } from "./resources/subscriptions.js";
import { startRequest } from "./request-log.js";
import { registerWebhookEndpoints } from "./resources/webhook-endpoints.js";
import type { WebhookDispatcher } from "./webhooks.js";

export function buildApp(deps: Deps, dispatcher: WebhookDispatcher): Hono {
  const app = new Hono();

  // Persist after every request that changed something, whatever route it took.
  app.use(async (_c, next) => {
    try {
      await next();
    } finally {
      deps.store.commit();
    }
  });

  app.get("/health", (c) => c.json({ ok: true, service: "stripe-stand-in" }));
  registerControl(app, deps, dispatcher);

  registerCheckoutPage(app, deps);
  registerPortalPage(app, deps);
  registerAuthorizePage(app, deps);
  registerOAuth(app, deps);

  registerAccounts(app, deps);
  registerCustomers(app, deps);
  registerProducts(app, deps);
  registerPrices(app, deps);
  registerCheckoutSessions(app, deps);
  registerSubscriptions(app, deps);
  registerPortalConfigurations(app, deps);
  registerBillingPortal(app, deps);
  registerInvoices(app, deps);
  registerPaymentIntents(app, deps);
  registerEvents(app, deps);
  registerWebhookEndpoints(app, deps);

  app.notFound((c) => errorResponse(unrecognizedUrl(c.req.method, c.req.path), startRequest(deps, c)));
  app.onError((error, c) => errorResponse(error, startRequest(deps, c)));
  return app;
}
