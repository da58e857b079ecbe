import type { RequestOptions } from "../http.js";
import type {
  CreateWebhookEndpointParams,
  DeletedWebhookEndpoint,
  UpdateWebhookEndpointParams,
  WebhookEndpointList,
  WebhookEndpointResponse,
  WebhookEndpointWithSecret,
  WebhookEventResponse,
} from "../types.js";
import { send, type ResourceContext } from "./context.js";

/** Where dream-api posts your events (`/api/webhook-endpoints`), in the secret key's mode. Secret key only. */
export class WebhookEndpoints {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * Adds an endpoint; `events` left out or null = every type. The answer
   * holds the signing secret (`whsec_…`), the only time it is shown: store it.
   * Live endpoints must be https; at most 20 per mode (409 `conflict`).
   *
   * @example
   * const { endpoint, secret } = await dream.webhooks.endpoints.create({ url: "https://api.example.com/webhooks/dream", events: ["usage.threshold_reached"] });
   */
  async create(params: CreateWebhookEndpointParams, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    const body = { url: params.url, events: params.events, description: params.description };
    return send<WebhookEndpointWithSecret>(this.ctx, "secret", "webhooks.endpoints.create", { method: "POST", path: "/api/webhook-endpoints", body }, options);
  }

  /**
   * Every endpoint of the mode, oldest first (secrets only as `secretPrefix`).
   *
   * @example
   * const { endpoints } = await dream.webhooks.endpoints.list();
   */
  async list(options?: RequestOptions): Promise<WebhookEndpointList> {
    return send<WebhookEndpointList>(this.ctx, "secret", "webhooks.endpoints.list", { method: "GET", path: "/api/webhook-endpoints" }, options);
  }

  /**
   * One endpoint. 404 `not_found` for an unknown id (or another mode's).
   *
   * @example
   * const { endpoint } = await dream.webhooks.endpoints.get("we_3kT9xQ2mP7rL1vW8nB4cD6fH");
   */
  async get(endpointId: string, options?: RequestOptions): Promise<WebhookEndpointResponse> {
    return send<WebhookEndpointResponse>(this.ctx, "secret", "webhooks.endpoints.get", { method: "GET", path: endpointPath(endpointId) }, options);
  }

  /**
   * Changes the given fields; `enabled: false` stops deliveries, `enabled: true`
   * resumes them (and clears a `failing` state).
   *
   * @example
   * await dream.webhooks.endpoints.update("we_3kT9xQ2mP7rL1vW8nB4cD6fH", { enabled: false });
   */
  async update(endpointId: string, params: UpdateWebhookEndpointParams, options?: RequestOptions): Promise<WebhookEndpointResponse> {
    const body = { url: params.url, events: params.events, description: params.description, enabled: params.enabled };
    return send<WebhookEndpointResponse>(this.ctx, "secret", "webhooks.endpoints.update", { method: "PATCH", path: endpointPath(endpointId), body }, options);
  }

  /**
   * Deletes the endpoint and its delivery log; pending retries to it stop.
   *
   * @example
   * await dream.webhooks.endpoints.delete("we_3kT9xQ2mP7rL1vW8nB4cD6fH");
   */
  async delete(endpointId: string, options?: RequestOptions): Promise<DeletedWebhookEndpoint> {
    return send<DeletedWebhookEndpoint>(this.ctx, "secret", "webhooks.endpoints.delete", { method: "DELETE", path: endpointPath(endpointId) }, options);
  }

  /**
   * Issues a new signing secret, shown only in this answer. For 24 hours
   * deliveries carry the old secret's signature too, so you can deploy the new one without missing a delivery.
   *
   * @example
   * const { secret } = await dream.webhooks.endpoints.rotateSecret("we_3kT9xQ2mP7rL1vW8nB4cD6fH");
   */
  async rotateSecret(endpointId: string, options?: RequestOptions): Promise<WebhookEndpointWithSecret> {
    return send<WebhookEndpointWithSecret>(this.ctx, "secret", "webhooks.endpoints.rotateSecret", { method: "POST", path: `${endpointPath(endpointId)}/rotate-secret` }, options);
  }

  /**
   * Queues a `ping` event to this endpoint only, signed and retried like any
   * event; its delivery shows in `dream.webhooks.events`. 409 `conflict` for a disabled endpoint.
   *
   * @example
   * const { event } = await dream.webhooks.endpoints.test("we_3kT9xQ2mP7rL1vW8nB4cD6fH");
   */
  async test(endpointId: string, options?: RequestOptions): Promise<WebhookEventResponse> {
    return send<WebhookEventResponse>(this.ctx, "secret", "webhooks.endpoints.test", { method: "POST", path: `${endpointPath(endpointId)}/test` }, options);
  }
}

function endpointPath(endpointId: string): string {
  return `/api/webhook-endpoints/${encodeURIComponent(endpointId)}`;
}
