import { Webhooks } from "../webhooks.js";
import type { ResourceContext } from "./context.js";
import { WebhookEndpoints } from "./webhook-endpoints.js";
import { WebhookEvents } from "./webhook-events.js";

/**
 * `dream.webhooks`: `verify` for the deliveries you receive (no credentials
 * needed), plus the endpoints they go to and the log of events sent (secret key).
 */
export class WebhooksResource extends Webhooks {
  /** Where your events are posted: create, list, get, update, delete, rotateSecret, test. */
  readonly endpoints: WebhookEndpoints;
  /** The events of the last 30 days and their delivery attempts: list, listAll, get, resend. */
  readonly events: WebhookEvents;

  constructor(ctx: ResourceContext) {
    super();
    this.endpoints = new WebhookEndpoints(ctx);
    this.events = new WebhookEvents(ctx);
  }
}
