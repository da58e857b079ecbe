/**
 * Emitting an outbound event: the request that causes it hands it to the
 * webhook queue through waitUntil, after its own write is durable, so no
 * response waits for it and no request gets an extra synchronous write.
 * The queue consumer (queues/webhooks.ts) stores it and delivers it.
 */
import { deterministicEventId, newEventId, type KeyMode } from "@dream-api/shared";
import { WEBHOOK_EVENT_DATA, type WebhookEventData, type WebhookEventEnvelope, type WebhookEventType } from "./catalog";

/** What emitting needs: the bindings, the tenant the event belongs to, and the request's clock. */
export interface EventContext {
  env: Env;
  waitUntil: (promise: Promise<unknown>) => void;
  platformId: string;
  mode: KeyMode;
  now: Date;
}

/** Messages on the webhook queue: an event to store and fan out, or one attempt of one delivery. */
export type WebhookQueueMessage =
  | { kind: "event"; platformId: string; mode: KeyMode; userId: string | null; event: WebhookEventEnvelope; onlyEndpointId?: string }
  | { kind: "attempt"; deliveryId: string; attempt: number /** A resend: one attempt, no retries. */; single?: boolean };

export interface EmitOptions {
  /** The end-user the event is about (the dashboard lists a customer's events by it). */
  userId?: string | null;
  /** An event that must exist once: its id is derived from these parts, so a second emission is ignored. */
  onceKey?: readonly string[];
  /** A test ping: delivered to this endpoint only. */
  onlyEndpointId?: string;
}

/** Builds the event's envelope (validated against the catalog) and its queue message. */
export async function eventMessage<T extends WebhookEventType>(ctx: EventContext, type: T, data: WebhookEventData<T>, options: EmitOptions = {}): Promise<WebhookQueueMessage & { kind: "event" }> {
  const id = options.onceKey ? await deterministicEventId([ctx.platformId, ctx.mode, type, ...options.onceKey]) : newEventId();
  const event: WebhookEventEnvelope = { id, type, createdAt: ctx.now.toISOString(), mode: ctx.mode, data: WEBHOOK_EVENT_DATA[type].parse(data) as WebhookEventData<T> };
  return {
    kind: "event",
    platformId: ctx.platformId,
    mode: ctx.mode,
    userId: options.userId ?? null,
    event,
    ...(options.onlyEndpointId ? { onlyEndpointId: options.onlyEndpointId } : {}),
  };
}

/** Emits after the response: a queue failure is logged, never the caller's error. */
export function emitEvent<T extends WebhookEventType>(ctx: EventContext, type: T, data: WebhookEventData<T>, options: EmitOptions = {}): void {
  ctx.waitUntil(
    eventMessage(ctx, type, data, options)
      .then((message) => ctx.env.WEBHOOK_QUEUE.send(message))
      .catch((error: unknown) => {
        console.error(JSON.stringify({ level: "error", msg: "event not emitted", type, platformId: ctx.platformId, mode: ctx.mode, error: error instanceof Error ? error.name : "unknown" }));
      }),
  );
}
