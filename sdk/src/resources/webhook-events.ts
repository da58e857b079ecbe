import type { RequestOptions } from "../http.js";
import type { ListWebhookEventsParams, WebhookEventPage, WebhookEventRecord, WebhookEventResponse } from "../types.js";
import { send, type ResourceContext } from "./context.js";

/** The events of the last 30 days with their deliveries and attempts (`/api/webhook-events`), in the secret key's mode. Secret key only. */
export class WebhookEvents {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * One page of events, newest first, each with every delivery and attempt;
   * filter by `type` and `userId`.
   *
   * @example
   * const page = await dream.webhooks.events.list({ type: "usage.threshold_reached", limit: 20 });
   * if (page.nextCursor) await dream.webhooks.events.list({ type: "usage.threshold_reached", cursor: page.nextCursor });
   */
  async list(params: ListWebhookEventsParams = {}, options?: RequestOptions): Promise<WebhookEventPage> {
    const query = { limit: params.limit, cursor: params.cursor, type: params.type, userId: params.userId, mode: params.mode };
    return send<WebhookEventPage>(this.ctx, "secret", "webhooks.events.list", { method: "GET", path: "/api/webhook-events", query }, options);
  }

  /**
   * Every event matching the filters, newest first, fetching pages of `limit` (default 100) as you iterate.
   *
   * @example
   * for await (const event of dream.webhooks.events.listAll({ userId: "user_42" })) console.log(event.type, event.deliveries.length);
   */
  async *listAll(params: ListWebhookEventsParams = {}, options?: RequestOptions): AsyncGenerator<WebhookEventRecord, void, undefined> {
    let cursor = params.cursor;
    for (;;) {
      const page = await this.list({ ...params, limit: params.limit ?? 100, cursor }, options);
      yield* page.events;
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }

  /**
   * One event with its deliveries and every attempt. 404 `not_found` after 30 days or for another mode's.
   *
   * @example
   * const { event } = await dream.webhooks.events.get("evt_9f8e7d6c5b4a39281706f5e4");
   */
  async get(eventId: string, options?: RequestOptions): Promise<WebhookEventResponse> {
    return send<WebhookEventResponse>(this.ctx, "secret", "webhooks.events.get", { method: "GET", path: eventPath(eventId) }, options);
  }

  /**
   * Gives every enabled endpoint that takes the event one more attempt, with
   * the same `webhook-id` (so your deduplication still holds), queued now.
   *
   * @example
   * await dream.webhooks.events.resend("evt_9f8e7d6c5b4a39281706f5e4");
   */
  async resend(eventId: string, options?: RequestOptions): Promise<WebhookEventResponse> {
    return send<WebhookEventResponse>(this.ctx, "secret", "webhooks.events.resend", { method: "POST", path: `${eventPath(eventId)}/resend` }, options);
  }
}

function eventPath(eventId: string): string {
  return `/api/webhook-events/${encodeURIComponent(eventId)}`;
}
