/**
 * The events a platform was sent, with every delivery attempt (kept 30
 * days), and resending one: its deliveries to endpoints that still take it
 * go back to pending and get one more attempt each, with the same event id.
 */
import { ApiError } from "@dream-api/shared";
import { getWebhookEvent, listWebhookEvents, reopenWebhookDeliveries, webhookDeliveriesOf, type StoredWebhookEvent, type WebhookDeliveryRecord } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import type { WebhookEventEnvelope } from "../../events/catalog";
import type { WebhookQueueMessage } from "../../events/emit";
import { decodePageCursor, encodePageCursor } from "../page-cursor";

export interface WebhookEventView {
  id: string;
  type: string;
  createdAt: string;
  userId: string | null;
  data: Record<string, unknown>;
  deliveries: {
    id: string;
    endpointId: string;
    url: string;
    status: "pending" | "succeeded" | "failed";
    attemptCount: number;
    nextAttemptAt: string | null;
    attempts: WebhookDeliveryRecord["attempts"];
  }[];
}

function toEventView(event: StoredWebhookEvent, deliveries: WebhookDeliveryRecord[]): WebhookEventView {
  const envelope = JSON.parse(event.payload) as WebhookEventEnvelope;
  return {
    id: event.eventId,
    type: event.type,
    createdAt: event.createdAt,
    userId: event.userId,
    data: envelope.data as Record<string, unknown>,
    deliveries: deliveries.map((delivery) => ({
      id: delivery.deliveryId,
      endpointId: delivery.endpointId,
      url: delivery.url,
      status: delivery.status,
      attemptCount: delivery.attemptCount,
      nextAttemptAt: delivery.nextAttemptAt,
      attempts: delivery.attempts,
    })),
  };
}

export interface ListEventsInput {
  limit: number;
  cursor?: string | undefined;
  type?: string | undefined;
  userId?: string | undefined;
}

export async function listEvents({ ctx, input }: { ctx: ServiceContext; input: ListEventsInput }): Promise<{ events: WebhookEventView[]; nextCursor: string | null }> {
  const after = input.cursor === undefined ? undefined : decodePageCursor(input.cursor);
  const page = await listWebhookEvents(ctx.env.DB, ctx, { limit: input.limit, after: after && { createdAt: after[0], eventId: after[1] }, type: input.type, userId: input.userId });
  const deliveries = await webhookDeliveriesOf(
    ctx.env.DB,
    ctx,
    page.events.map((event) => event.eventId),
  );
  return {
    events: page.events.map((event) => toEventView(event, deliveries.get(event.eventId) ?? [])),
    nextCursor: page.next ? encodePageCursor([page.next.createdAt, page.next.eventId]) : null,
  };
}

async function requireEvent(ctx: ServiceContext, eventId: string): Promise<StoredWebhookEvent> {
  const event = await getWebhookEvent(ctx.env.DB, ctx, eventId);
  if (!event) throw new ApiError("not_found", `No event ${eventId} in ${ctx.mode} mode in the last 30 days.`, { param: "eventId" });
  return event;
}

export async function getEvent({ ctx, input }: { ctx: ServiceContext; input: { eventId: string } }): Promise<WebhookEventView> {
  const event = await requireEvent(ctx, input.eventId);
  return toEventView(event, (await webhookDeliveriesOf(ctx.env.DB, ctx, [event.eventId])).get(event.eventId) ?? []);
}

export async function resendEvent({ ctx, input }: { ctx: ServiceContext; input: { eventId: string } }): Promise<WebhookEventView> {
  const event = await requireEvent(ctx, input.eventId);
  const reopened = await reopenWebhookDeliveries(ctx.env.DB, ctx, { eventId: event.eventId, type: event.type }, ctx.now.toISOString());
  if (reopened.length === 0) {
    throw new ApiError("conflict", "No enabled endpoint takes this event: add or enable an endpoint subscribed to it, then resend.", { param: "eventId" });
  }
  await ctx.env.WEBHOOK_QUEUE.sendBatch(reopened.map(({ deliveryId, attempt }) => ({ body: { kind: "attempt", deliveryId, attempt, single: true } satisfies WebhookQueueMessage })));
  return getEvent({ ctx, input });
}
