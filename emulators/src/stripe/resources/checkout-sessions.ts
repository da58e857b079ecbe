import type { Hono } from "hono";
import { api } from "../api.js";
import { expireIfDue, expireSession } from "../checkout.js";
import type { Deps } from "../deps.js";
import { invalidRequest, parameterMissing } from "../errors.js";
import type { RequestOrigin } from "../events.js";
import { newId } from "../ids.js";
import { NO_PARAMS, PAGINATION } from "../known-params.js";
import { paginate } from "../list.js";
import type { Price } from "../objects/catalog.js";
import { buildCheckoutItem, buildCheckoutSession, type CheckoutItem, type CheckoutMode } from "../objects/checkout.js";
import type { Params } from "../params.js";
import { brandingSettingsParam } from "./checkout-branding.js";
import { CREATE, LIST } from "./checkout-session-params.js";
import { mustGet } from "./lookup.js";
import { createPrice } from "./prices.js";
import type { Scope } from "../store.js";

const DAY = 86_400;

export function urlParam(params: Params, name: string): string | null {
  const value = params.nullableString(name);
  if (!value) return null;
  try {
    new URL(value.replaceAll("{CHECKOUT_SESSION_ID}", "x"));
  } catch {
    throw invalidRequest("Not a valid URL", { code: "url_invalid", param: name });
  }
  return value;
}

function lineItems(deps: Deps, scope: Scope, params: Params, mode: CheckoutMode, origin: RequestOrigin): CheckoutItem[] {
  const entries = params.list("line_items");
  if (entries.length === 0) throw parameterMissing("line_items");
  const items = entries.map((entry) => {
    const priceId = entry.string("price");
    const priceData = entry.child("price_data");
    if (priceId && priceData) throw invalidRequest("You may only specify one of these parameters: price, price_data.", { param: entry.path("price") });
    let price: Price;
    if (priceId) {
      price = mustGet(deps.store, scope, "prices", priceId, entry.path("price"));
      if (!price.active) {
        throw invalidRequest("The price specified is inactive. This field only accepts active prices.", { param: entry.path("price") });
      }
    } else if (priceData) {
      // Ad-hoc prices are created inactive, as Stripe does, so they never show up as catalog prices.
      price = createPrice(deps, scope, priceData, origin);
      price.active = false;
    } else {
      throw parameterMissing(entry.path("price"));
    }
    const quantity = entry.integer("quantity", { min: 1 }) ?? 1;
    const product = deps.store.get(scope, "products", price.product);
    return buildCheckoutItem(newId("li"), price, quantity, product?.name ?? price.product);
  });

  const currencies = new Set(items.map((item) => item.price.currency));
  if (currencies.size > 1) throw invalidRequest("All line items must have the same currency.", { param: "line_items" });
  const recurring = items.filter((item) => item.price.recurring);
  if (mode === "payment" && recurring.length > 0) {
    throw invalidRequest("You specified `payment` mode but passed a recurring price. Either switch to `subscription` mode or use only one-time prices.", { param: "line_items" });
  }
  if (mode === "subscription") {
    if (recurring.length === 0) {
      throw invalidRequest("You must provide at least one recurring price in `subscription` mode when using prices.", { param: "line_items" });
    }
    if (recurring.length < items.length) {
      throw invalidRequest("The emulator bills only recurring prices in `subscription` mode; move one-time prices to a `payment` session.", { param: "line_items" });
    }
    const cadences = new Set(recurring.map((item) => `${item.price.recurring?.interval}/${item.price.recurring?.interval_count}`));
    if (cadences.size > 1) {
      throw invalidRequest("All prices on a subscription must have the same `recurring.interval` and `recurring.interval_count`.", { param: "line_items" });
    }
  }
  return items;
}

export function registerCheckoutSessions(app: Hono, deps: Deps): void {
  const { store, now } = deps;

  app.post(
    "/v1/checkout/sessions",
    api(deps, CREATE, ({ scope, params, origin }) => {
      const mode = params.oneOf("mode", ["payment", "subscription", "setup"] as const);
      if (!mode) throw parameterMissing("mode");
      if (mode === "setup") throw invalidRequest("The emulator supports `payment` and `subscription` modes only.", { param: "mode" });

      const customer = params.string("customer");
      const customerEmail = params.string("customer_email");
      if (customer && customerEmail) {
        throw invalidRequest("You may only specify one of these parameters: customer, customer_email.", { param: "customer_email" });
      }
      if (customer) mustGet(store, scope, "customers", customer, "customer");
      const customerCreation = params.oneOf("customer_creation", ["always", "if_required"] as const);
      if (customerCreation && mode !== "payment") {
        throw invalidRequest("`customer_creation` can only be used in `payment` mode.", { param: "customer_creation" });
      }
      const clientReferenceId = params.nullableString("client_reference_id") ?? null;
      if (clientReferenceId && clientReferenceId.length > 200) {
        throw invalidRequest("client_reference_id must be at most 200 characters.", { param: "client_reference_id" });
      }
      const created = now();
      const expiresAt = params.integer("expires_at") ?? created + DAY;
      if (expiresAt < created + 30 * 60 || expiresAt > created + DAY) {
        throw invalidRequest("The `expires_at` timestamp must be between 30 minutes and 24 hours after the Checkout Session is created.", { param: "expires_at" });
      }
      const successUrl = urlParam(params, "success_url");
      const cancelUrl = urlParam(params, "cancel_url");
      const subscriptionData = params.child("subscription_data");
      const paymentIntentData = params.child("payment_intent_data");
      if (subscriptionData && mode !== "subscription") {
        throw invalidRequest("You can only specify `subscription_data` in `subscription` mode.", { param: "subscription_data" });
      }
      if (paymentIntentData && mode !== "payment") {
        throw invalidRequest("You can only specify `payment_intent_data` in `payment` mode.", { param: "payment_intent_data" });
      }
      const metadata = params.metadata();
      const subscriptionMetadata = subscriptionData?.metadata() ?? {};
      const paymentIntentMetadata = paymentIntentData?.metadata() ?? {};
      const { account } = store.requireAccount(scope.account);
      // Checked before the line items, whose price_data creates prices: a refused session leaves nothing behind.
      const brandingSettings = brandingSettingsParam(params, account.business_profile.name ?? account.id);
      const items = lineItems(deps, scope, params, mode, origin);

      const id = newId(scope.livemode ? "cs_live" : "cs_test");
      const session = buildCheckoutSession({
        livemode: scope.livemode,
        id,
        created,
        expiresAt,
        mode,
        url: `${deps.publicUrl}/checkout/${id}`,
        successUrl,
        cancelUrl,
        clientReferenceId,
        customer: customer ?? null,
        customerEmail: customerEmail ?? null,
        customerCreation: mode === "payment" ? (customerCreation ?? "if_required") : null,
        currency: items[0]?.price.currency ?? "usd",
        amount: items.reduce((sum, item) => sum + item.amount_total, 0),
        metadata,
        allowPromotionCodes: params.boolean("allow_promotion_codes") ?? null,
        brandingSettings,
      });
      store.extras(scope)[id] = { lineItems: items, subscriptionMetadata, paymentIntentMetadata };
      store.put(scope, "checkout_sessions", session);
      return session;
    }),
  );

  app.get(
    "/v1/checkout/sessions/:id",
    api(deps, NO_PARAMS, ({ scope, path }) => expireIfDue(deps, scope, mustGet(store, scope, "checkout_sessions", path("id")))),
  );

  app.get(
    "/v1/checkout/sessions/:id/line_items",
    api(deps, PAGINATION, ({ scope, params, path }) => {
      const session = mustGet(store, scope, "checkout_sessions", path("id"));
      const items = store.extras(scope)[session.id]?.lineItems ?? [];
      return paginate(items, params, `/v1/checkout/sessions/${session.id}/line_items`, "line item", "as_given");
    }),
  );

  app.post(
    "/v1/checkout/sessions/:id/expire",
    api(deps, NO_PARAMS, ({ scope, path, origin }) => expireSession(deps, scope, mustGet(store, scope, "checkout_sessions", path("id")), origin)),
  );

  app.get(
    "/v1/checkout/sessions",
    api(deps, LIST, ({ scope, params }) => {
      const filters = {
        customer: params.string("customer"),
        status: params.oneOf("status", ["open", "complete", "expired"] as const),
        subscription: params.string("subscription"),
        payment_intent: params.string("payment_intent"),
      };
      const sessions = store
        .all(scope, "checkout_sessions")
        .map((session) => expireIfDue(deps, scope, session))
        .filter((session) => Object.entries(filters).every(([field, value]) => value === undefined || session[field] === value));
      return paginate(sessions, params, "/v1/checkout/sessions", "checkout.session");
    }),
  );
}
