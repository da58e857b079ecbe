/**
 * `/v1/webhook_endpoints`: endpoints registered through the API, per account
 * and mode like every other object. The signing secret is shown once, in the
 * create response. What they receive is decided by `endpointsFor`, which the
 * webhook dispatcher consults next to the endpoints the stand-in was started
 * with.
 */
import type { Hono } from "hono";
import { api } from "../api.js";
import { NO_PARAMS, paramSpec } from "../known-params.js";
import type { Deps } from "../deps.js";
import { invalidRequest, parameterMissing } from "../errors.js";
import { newId, randomToken } from "../ids.js";
import { paginate } from "../list.js";
import type { StripeEvent } from "../objects/event.js";
import { buildWebhookEndpoint, createdWebhookEndpoint, deletedWebhookEndpoint, publicWebhookEndpoint, subscribesTo, type WebhookEndpointRecord } from "../objects/webhook-endpoint.js";
import type { Params } from "../params.js";
import type { Scope, Store } from "../store.js";
import type { WebhookEndpointConfig } from "../webhooks.js";
import { mustGet } from "./lookup.js";

const CREATE_PARAMS = ["url", "enabled_events", "api_version", "connect", "description", "metadata", "expand"] as const;
const UPDATE_PARAMS = ["url", "enabled_events", "disabled", "description", "metadata", "expand"] as const;
const LIST_PARAMS = ["limit", "starting_after", "ending_before", "expand"] as const;

/** `*` or a dotted event type; the stand-in checks the form, not Stripe's list of types. */
const EVENT_TYPE = /^(\*|[a-z0-9_]+(\.[a-z0-9_]+)+)$/;
const API_VERSION_FORM = /^\d{4}-\d{2}-\d{2}(\.[a-z]+)?$/;

/**
 * Stripe delivers test-mode events over plain http (so does the stand-in, to
 * loopback receivers), but a live-mode endpoint must be https.
 */
function endpointUrl(params: Params, scope: Scope, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidRequest(`Invalid URL: ${value}`, { code: "url_invalid", param: params.path("url") });
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalidRequest(`Invalid URL: ${value}. URLs must begin with "http://" or "https://"`, { code: "url_invalid", param: params.path("url") });
  }
  if (scope.livemode && url.protocol !== "https:") {
    throw invalidRequest(`Invalid URL: ${value}. URLs in livemode must begin with "https://"`, { code: "url_invalid", param: params.path("url") });
  }
  return value;
}

function enabledEvents(params: Params): string[] {
  const events = params.stringList("enabled_events");
  if (events.length === 0) throw parameterMissing("enabled_events");
  events.forEach((type, index) => {
    if (!EVENT_TYPE.test(type)) {
      throw invalidRequest(`Invalid enabled_events[${index}]: must be \`*\` or an event type such as customer.subscription.updated`, { param: `enabled_events[${index}]` });
    }
  });
  return [...new Set(events)];
}

export function registerWebhookEndpoints(app: Hono, deps: Deps): void {
  const { store, now } = deps;

  app.post(
    "/v1/webhook_endpoints",
    api(deps, paramSpec(CREATE_PARAMS), ({ scope, params }) => {
      params.refuseUnset("url", "enabled_events", "api_version", "connect");
      const url = endpointUrl(params, scope, params.requiredString("url"));
      const events = enabledEvents(params);
      const apiVersion = params.string("api_version");
      if (apiVersion !== undefined && !API_VERSION_FORM.test(apiVersion)) throw invalidRequest(`Invalid api_version: ${apiVersion}`, { param: "api_version" });
      const endpoint = buildWebhookEndpoint({
        id: newId("we"),
        created: now(),
        livemode: scope.livemode,
        url,
        enabledEvents: events,
        apiVersion: apiVersion ?? null,
        description: params.nullableString("description") ?? null,
        metadata: params.metadata(),
        connect: params.boolean("connect") ?? false,
        secret: `whsec_${randomToken(32)}`,
      });
      store.put(scope, "webhook_endpoints", endpoint);
      return createdWebhookEndpoint(endpoint);
    }),
  );

  app.get(
    "/v1/webhook_endpoints/:id",
    api(deps, NO_PARAMS, ({ scope, params, path }) => {
      return publicWebhookEndpoint(mustGet(store, scope, "webhook_endpoints", path("id")));
    }),
  );

  app.post(
    "/v1/webhook_endpoints/:id",
    api(deps, paramSpec(UPDATE_PARAMS), ({ scope, params, path }) => {
      // Unsettable here (Emptyable in Stripe's API): description, metadata.
      params.refuseUnset("url", "enabled_events", "disabled");
      const stored = mustGet(store, scope, "webhook_endpoints", path("id"));
      const endpoint = structuredClone(stored);
      const url = params.string("url");
      if (url !== undefined) endpoint.url = endpointUrl(params, scope, url);
      if (params.has("enabled_events")) endpoint.enabled_events = enabledEvents(params);
      const disabled = params.boolean("disabled");
      if (disabled !== undefined) endpoint.status = disabled ? "disabled" : "enabled";
      const description = params.nullableString("description");
      if (description !== undefined) endpoint.description = description;
      endpoint.metadata = params.metadata(endpoint.metadata);
      store.put(scope, "webhook_endpoints", endpoint);
      return publicWebhookEndpoint(endpoint);
    }),
  );

  app.delete(
    "/v1/webhook_endpoints/:id",
    api(deps, NO_PARAMS, ({ scope, params, path }) => {
      const endpoint = mustGet(store, scope, "webhook_endpoints", path("id"));
      delete store.modeData(scope).data.webhook_endpoints[endpoint.id];
      store.touch();
      return deletedWebhookEndpoint(endpoint.id);
    }),
  );

  app.get(
    "/v1/webhook_endpoints",
    api(deps, paramSpec(LIST_PARAMS), ({ scope, params }) => {
      const endpoints = store.all(scope, "webhook_endpoints").map(publicWebhookEndpoint);
      return paginate(endpoints, params, "/v1/webhook_endpoints", "webhook endpoint");
    }),
  );
}

function asTarget(endpoint: WebhookEndpointRecord): WebhookEndpointConfig {
  return { url: endpoint.url, secret: endpoint.secret, connect: endpoint.connect, livemode: endpoint.livemode };
}

/**
 * The registered endpoints an event goes to, as Stripe routes it: enabled
 * endpoints of the event's mode that subscribed to its type — the account's
 * own endpoints for its own events, and for a connected account's event
 * (which carries `account`) also the platform's `connect: true` endpoints.
 */
export function endpointsFor(store: Store, event: StripeEvent): WebhookEndpointConfig[] {
  const wanted = (endpoint: WebhookEndpointRecord, connect: boolean) => endpoint.status === "enabled" && endpoint.connect === connect && subscribesTo(endpoint, event.type);
  const inMode = (account: string): WebhookEndpointRecord[] => (store.account(account) ? store.all({ account, livemode: event.livemode }, "webhook_endpoints") : []);
  const own = inMode(event.account ?? store.platformAccountId).filter((endpoint) => wanted(endpoint, false));
  const connect = event.account ? inMode(store.platformAccountId).filter((endpoint) => wanted(endpoint, true)) : [];
  return [...own, ...connect].map(asTarget);
}
