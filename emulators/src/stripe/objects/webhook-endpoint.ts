import type { Metadata, StripeObject } from "./common.js";

/** What the API shows of an endpoint: neither its signing secret (create only) nor `connect` (Stripe never shows it). */
export interface WebhookEndpoint extends StripeObject {
  object: "webhook_endpoint";
  api_version: string | null;
  created: number;
  description: string | null;
  enabled_events: string[];
  livemode: boolean;
  metadata: Metadata;
  status: "enabled" | "disabled";
  url: string;
}

/** The stored endpoint: the object plus what Stripe keeps to itself and uses to deliver. */
export interface WebhookEndpointRecord extends WebhookEndpoint {
  /** `whsec_…`, returned once, in the create response. */
  secret: string;
  /** Receives connected accounts' events rather than its own account's. */
  connect: boolean;
}

export interface DeletedWebhookEndpoint {
  id: string;
  object: "webhook_endpoint";
  deleted: true;
}

export function buildWebhookEndpoint(init: {
  id: string;
  created: number;
  livemode: boolean;
  url: string;
  enabledEvents: string[];
  apiVersion: string | null;
  description: string | null;
  metadata: Metadata;
  connect: boolean;
  secret: string;
}): WebhookEndpointRecord {
  return {
    id: init.id,
    object: "webhook_endpoint",
    api_version: init.apiVersion,
    application: null,
    created: init.created,
    description: init.description,
    enabled_events: init.enabledEvents,
    livemode: init.livemode,
    metadata: init.metadata,
    status: "enabled",
    url: init.url,
    secret: init.secret,
    connect: init.connect,
  };
}

/** The endpoint as retrieve, update and list show it. */
export function publicWebhookEndpoint(record: WebhookEndpointRecord): WebhookEndpoint {
  const { secret: _secret, connect: _connect, ...endpoint } = record;
  return structuredClone(endpoint);
}

/** The create response: the only one that carries the signing secret. */
export function createdWebhookEndpoint(record: WebhookEndpointRecord): WebhookEndpoint & { secret: string } {
  return { ...publicWebhookEndpoint(record), secret: record.secret };
}

export function deletedWebhookEndpoint(id: string): DeletedWebhookEndpoint {
  return { id, object: "webhook_endpoint", deleted: true };
}

/** Whether an endpoint subscribed to this event type (`*` is every type). */
export function subscribesTo(endpoint: WebhookEndpoint, type: string): boolean {
  return endpoint.enabled_events.includes("*") || endpoint.enabled_events.includes(type);
}
