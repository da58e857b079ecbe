/**
 * `/v1/billing_portal/configurations`: create, retrieve, update and list,
 * per account and mode. The first configuration of an account in a mode is
 * its default, the one a portal session without `configuration` uses (Stripe
 * makes it when the portal settings are first saved in the dashboard).
 * Configurations cannot be deleted, only deactivated (`active=false`), as in
 * Stripe. Every member of `features` is read as Stripe types it; what the
 * stand-in does not model is refused by name.
 */
import type { Hono } from "hono";
import { api } from "../api.js";
import { NO_PARAMS, paramSpec } from "../known-params.js";
import type { Deps } from "../deps.js";
import { invalidRequest, parameterMissing } from "../errors.js";
import { newId } from "../ids.js";
import { paginate } from "../list.js";
import {
  buildPortalConfiguration,
  defaultPortalFeatures,
  renderPortalConfiguration,
  type BusinessProfile,
  type CustomerUpdateField,
  type PortalConfiguration,
  type PortalFeatures,
  type SwitchableProduct,
} from "../objects/portal-configuration.js";
import type { Params } from "../params.js";
import type { Scope } from "../store.js";
import { urlParam } from "./checkout-sessions.js";
import { mustGet } from "./lookup.js";

const CREATE_PARAMS = ["features", "business_profile", "default_return_url", "login_page", "metadata", "name", "expand"] as const;
const UPDATE_PARAMS = [...CREATE_PARAMS, "active"] as const;
const LIST_PARAMS = ["active", "is_default", "limit", "starting_after", "ending_before", "expand"] as const;

const CUSTOMER_UPDATES = ["address", "email", "name", "phone", "shipping", "tax_id"] as const;
const CANCEL_MODES = ["at_period_end", "immediately"] as const;
const PRORATIONS = ["always_invoice", "create_prorations", "none"] as const;
const CANCELLATION_REASONS = ["customer_service", "low_quality", "missing_features", "other", "switched_service", "too_complex", "too_expensive", "unused"] as const;
const UPDATE_KINDS = ["price", "promotion_code", "quantity"] as const;
const PAUSE_INTERVALS = ["day", "week", "month", "year"] as const;
const MAX_SWITCHABLE_PRODUCTS = 10;

type Verb = "create" | "update";

/** A boolean the request must carry when its hash is sent. */
function requiredBoolean(params: Params, name: string): boolean {
  const value = params.boolean(name);
  if (value === undefined) throw parameterMissing(params.path(name));
  return value;
}

/** An enum list where `name=` empties it (Stripe's Emptyable arrays). */
function enumList<T extends string>(params: Params, name: string, allowed: readonly T[]): T[] | undefined {
  if (!params.has(name)) return undefined;
  return params.stringList(name).map((value, index) => {
    if (!(allowed as readonly string[]).includes(value)) {
      const param = `${params.path(name)}[${index}]`;
      throw invalidRequest(`Invalid ${param}: must be one of ${allowed.join(", ")}`, { param });
    }
    return value as T;
  });
}

function switchableProducts(deps: Deps, scope: Scope, params: Params): SwitchableProduct[] | undefined {
  if (!params.has("products")) return undefined;
  const entries = params.list("products");
  if (entries.length > MAX_SWITCHABLE_PRODUCTS) {
    throw invalidRequest(`You can specify up to ${MAX_SWITCHABLE_PRODUCTS} products.`, { param: params.path("products") });
  }
  return entries.map((entry) => {
    entry.refuseUnknown(["product", "prices", "adjustable_quantity"]);
    const product = mustGet(deps.store, scope, "products", entry.requiredString("product"), entry.path("product")).id;
    const prices = entry.stringList("prices");
    if (prices.length === 0) throw parameterMissing(entry.path("prices"));
    prices.forEach((id, index) => {
      const param = `${entry.path("prices")}[${index}]`;
      const price = mustGet(deps.store, scope, "prices", id, param);
      if (price.product !== product) throw invalidRequest(`The price \`${id}\` does not belong to product \`${product}\`.`, { param });
      if (!price.recurring) throw invalidRequest(`The price \`${id}\` is not recurring: only recurring prices can be switched to in the portal.`, { param });
    });
    const quantity = entry.child("adjustable_quantity");
    quantity?.refuseUnknown(["enabled", "maximum", "minimum"]);
    return {
      adjustable_quantity: {
        enabled: quantity ? requiredBoolean(quantity, "enabled") : false,
        maximum: quantity?.integer("maximum", { min: 1 }) ?? null,
        minimum: quantity?.integer("minimum", { min: 0 }) ?? 0,
      },
      prices,
      product,
    };
  });
}

/**
 * Applies `features[…]` onto `features` (Stripe's defaults on create, the
 * stored ones on update). On create each sent feature needs `enabled`; on
 * update only `invoice_history` and `payment_method_update` do, as in
 * Stripe's API.
 */
function applyFeatures(deps: Deps, scope: Scope, params: Params, features: PortalFeatures, verb: Verb): void {
  params.refuseUnknown(["customer_update", "invoice_history", "payment_method_update", "subscription_cancel", "subscription_pause", "subscription_update"]);
  const enabled = (hash: Params, alwaysRequired = false): boolean | undefined => (verb === "create" || alwaysRequired ? requiredBoolean(hash, "enabled") : hash.boolean("enabled"));

  const customerUpdate = params.child("customer_update");
  if (customerUpdate) {
    customerUpdate.refuseUnknown(["enabled", "allowed_updates"]);
    const target = features.customer_update;
    target.enabled = enabled(customerUpdate) ?? target.enabled;
    target.allowed_updates = enumList<CustomerUpdateField>(customerUpdate, "allowed_updates", CUSTOMER_UPDATES) ?? target.allowed_updates;
  }

  const invoiceHistory = params.child("invoice_history");
  if (invoiceHistory) {
    invoiceHistory.refuseUnknown(["enabled"]);
    features.invoice_history.enabled = requiredBoolean(invoiceHistory, "enabled");
  }

  const paymentMethodUpdate = params.child("payment_method_update");
  if (paymentMethodUpdate) {
    paymentMethodUpdate.refuseUnknown(["enabled", "payment_method_configuration"]);
    const target = features.payment_method_update;
    target.enabled = requiredBoolean(paymentMethodUpdate, "enabled");
    const configuration = paymentMethodUpdate.nullableString("payment_method_configuration");
    if (configuration !== undefined) target.payment_method_configuration = configuration;
  }

  const cancel = params.child("subscription_cancel");
  if (cancel) {
    cancel.refuseUnknown(["enabled", "mode", "proration_behavior", "cancellation_reason"]);
    const target = features.subscription_cancel;
    target.enabled = enabled(cancel) ?? target.enabled;
    target.mode = cancel.oneOf("mode", CANCEL_MODES) ?? target.mode;
    target.proration_behavior = cancel.oneOf("proration_behavior", PRORATIONS) ?? target.proration_behavior;
    if (target.proration_behavior === "always_invoice") {
      throw invalidRequest("`always_invoice` is not a valid proration behavior for canceling subscriptions: use `none` or `create_prorations`.", { param: cancel.path("proration_behavior") });
    }
    if (target.proration_behavior === "create_prorations" && target.mode !== "immediately") {
      throw invalidRequest("`create_prorations` is only compatible with `mode=immediately`.", { param: cancel.path("proration_behavior") });
    }
    const reason = cancel.child("cancellation_reason");
    if (reason) {
      reason.refuseUnknown(["enabled", "options"]);
      target.cancellation_reason.enabled = requiredBoolean(reason, "enabled");
      target.cancellation_reason.options = enumList(reason, "options", CANCELLATION_REASONS) ?? target.cancellation_reason.options;
      if (target.cancellation_reason.enabled && target.cancellation_reason.options.length === 0) throw parameterMissing(reason.path("options"));
    }
  }

  const pause = params.child("subscription_pause");
  if (pause) {
    pause.refuseUnknown(["enabled", "duration"]);
    const target = features.subscription_pause;
    target.enabled = pause.boolean("enabled") ?? target.enabled;
    const duration = pause.child("duration");
    if (duration) {
      duration.refuseUnknown(["type", "interval_options"]);
      target.duration.type = duration.requiredOneOf("type", ["indefinite", "interval_options"] as const);
      if (duration.has("interval_options")) {
        target.duration.interval_options = duration.list("interval_options").map((option) => {
          option.refuseUnknown(["interval", "interval_count"]);
          return { interval: option.requiredOneOf("interval", PAUSE_INTERVALS), interval_count: option.integer("interval_count", { min: 1 }) ?? 1 };
        });
      }
    }
  }

  const update = params.child("subscription_update");
  if (update) {
    update.refuseUnknown(["enabled", "default_allowed_updates", "products", "proration_behavior", "billing_cycle_anchor", "schedule_at_period_end", "trial_update_behavior"]);
    const target = features.subscription_update;
    target.enabled = enabled(update) ?? target.enabled;
    target.default_allowed_updates = enumList(update, "default_allowed_updates", UPDATE_KINDS) ?? target.default_allowed_updates;
    target.products = switchableProducts(deps, scope, update) ?? target.products ?? [];
    target.proration_behavior = update.oneOf("proration_behavior", PRORATIONS) ?? target.proration_behavior;
    target.billing_cycle_anchor = update.oneOf("billing_cycle_anchor", ["now", "unchanged"] as const) ?? target.billing_cycle_anchor;
    target.trial_update_behavior = update.oneOf("trial_update_behavior", ["continue_trial", "end_trial"] as const) ?? target.trial_update_behavior;
    const schedule = update.child("schedule_at_period_end");
    if (schedule) {
      schedule.refuseUnknown(["conditions"]);
      target.schedule_at_period_end.conditions = schedule.list("conditions").map((condition) => {
        condition.refuseUnknown(["type"]);
        return { type: condition.requiredOneOf("type", ["decreasing_item_amount", "shortening_interval"] as const) };
      });
    }
  }
}

function applyBusinessProfile(params: Params, profile: BusinessProfile): void {
  params.refuseUnknown(["headline", "privacy_policy_url", "terms_of_service_url"]);
  const headline = params.nullableString("headline");
  if (headline !== undefined) {
    if (headline !== null && headline.length > 60) throw invalidRequest("The headline can have up to 60 characters.", { param: params.path("headline") });
    profile.headline = headline;
  }
  for (const field of ["privacy_policy_url", "terms_of_service_url"] as const) {
    if (params.has(field)) profile[field] = urlParam(params, field) ?? null;
  }
}

/** The portal login page is not modelled: it can stay off, nothing more. */
function refuseLoginPage(params: Params): void {
  const loginPage = params.child("login_page");
  if (!loginPage) return;
  loginPage.refuseUnknown(["enabled"]);
  if (requiredBoolean(loginPage, "enabled")) {
    throw invalidRequest("The Stripe stand-in does not model the portal login page; leave login_page[enabled] false.", { param: loginPage.path("enabled") });
  }
}

function applyCommon(params: Params, configuration: PortalConfiguration): void {
  const profile = params.child("business_profile");
  if (profile) applyBusinessProfile(profile, configuration.business_profile);
  if (params.has("default_return_url")) configuration.default_return_url = urlParam(params, "default_return_url");
  const name = params.nullableString("name");
  if (name !== undefined) configuration.name = name;
  configuration.metadata = params.metadata(configuration.metadata);
  refuseLoginPage(params);
}

/** Whether the request expanded the includable `features.subscription_update.products` (under `prefix` for lists). */
function wantsProducts(params: Params, prefix = ""): boolean {
  return params.stringList("expand").includes(`${prefix}features.subscription_update.products`);
}

export function registerPortalConfigurations(app: Hono, deps: Deps): void {
  const { store, now } = deps;

  app.post(
    "/v1/billing_portal/configurations",
    api(deps, paramSpec(CREATE_PARAMS), ({ scope, params }) => {
      const featureParams = params.child("features");
      if (!featureParams) throw parameterMissing("features");
      const features = defaultPortalFeatures();
      applyFeatures(deps, scope, featureParams, features, "create");
      const configuration = buildPortalConfiguration({
        id: newId("bpc"),
        created: now(),
        livemode: scope.livemode,
        isDefault: store.all(scope, "portal_configurations").length === 0,
        features,
        businessProfile: { headline: null, privacy_policy_url: null, terms_of_service_url: null },
        defaultReturnUrl: null,
        metadata: {},
        name: null,
      });
      applyCommon(params, configuration);
      store.put(scope, "portal_configurations", configuration);
      return renderPortalConfiguration(configuration, wantsProducts(params));
    }),
  );

  app.get(
    "/v1/billing_portal/configurations/:id",
    api(deps, NO_PARAMS, ({ scope, params, path }) => {
      return renderPortalConfiguration(mustGet(store, scope, "portal_configurations", path("id")), wantsProducts(params));
    }),
  );

  app.post(
    "/v1/billing_portal/configurations/:id",
    api(deps, paramSpec(UPDATE_PARAMS), ({ scope, params, path }) => {
      params.refuseUnset("active", "features", "business_profile", "login_page");
      // Changes go to a copy stored only once every param is accepted: a refused update changes nothing.
      const configuration = structuredClone(mustGet(store, scope, "portal_configurations", path("id")));
      const featureParams = params.child("features");
      if (featureParams) applyFeatures(deps, scope, featureParams, configuration.features, "update");
      applyCommon(params, configuration);
      configuration.active = params.boolean("active") ?? configuration.active;
      configuration.updated = now();
      store.put(scope, "portal_configurations", configuration);
      return renderPortalConfiguration(configuration, wantsProducts(params));
    }),
  );

  app.get(
    "/v1/billing_portal/configurations",
    api(deps, paramSpec(LIST_PARAMS), ({ scope, params }) => {
      const active = params.boolean("active");
      const isDefault = params.boolean("is_default");
      const withProducts = wantsProducts(params, "data.");
      const configurations = store
        .all(scope, "portal_configurations")
        .filter((c) => (active === undefined || c.active === active) && (isDefault === undefined || c.is_default === isDefault))
        .map((c) => renderPortalConfiguration(c, withProducts));
      return paginate(configurations, params, "/v1/billing_portal/configurations", "configuration");
    }),
  );
}
