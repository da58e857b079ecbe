/** What the webhook-endpoint and webhook-event routes share: path ids, the event-type list, the URL rule. */
import { ApiError } from "@dream-api/shared";
import { z } from "zod";
import { SUBSCRIBABLE_EVENT_TYPES } from "../../events/catalog";

export const endpointIdPath = z.strictObject({ endpointId: z.string().meta({ description: "The endpoint's id (`we_…`).", example: "we_3kT9xQ2mP7rL1vW8nB4cD6fH" }) });
export const eventIdPath = z.strictObject({ eventId: z.string().meta({ description: "The event's id (`evt_…`).", example: "evt_9f8e7d6c5b4a39281706f5e4" }) });

const ENDPOINT_ID = /^we_[0-9A-Za-z]{8,64}$/;
const EVENT_ID = /^evt_[0-9A-Za-z]{8,64}$/;

/** A malformed id is 400 invalid_id (an unknown one is 404 later). */
export function parseEndpointId(value: string | undefined): string {
  if (!value || !ENDPOINT_ID.test(value)) throw new ApiError("invalid_id", "endpointId must be a webhook endpoint id (we_…).", { param: "endpointId" });
  return value;
}

export function parseEventId(value: string | undefined): string {
  if (!value || !EVENT_ID.test(value)) throw new ApiError("invalid_id", "eventId must be an event id (evt_…).", { param: "eventId" });
  return value;
}

export const endpointUrl = z
  .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL" })
  .max(2048, "must be at most 2048 characters")
  .meta({ description: "Where events are posted. Live endpoints must be https.", example: "https://api.example.com/webhooks/dream" });

export const eventTypeSchema = z.enum(SUBSCRIBABLE_EVENT_TYPES as [string, ...string[]], { error: `must be one of ${SUBSCRIBABLE_EVENT_TYPES.join(", ")}` });

export const endpointEvents = z
  .array(eventTypeSchema)
  .min(1, "must name at least one event type (or be null for every type)")
  .refine((types) => new Set(types).size === types.length, { message: "must not repeat an event type" })
  .nullable()
  .meta({ description: "Event types to receive; null or left out = every type.", example: ["usage.threshold_reached"] });

export const endpointDescription = z.string().trim().max(200, "must be at most 200 characters").nullable().meta({ description: "A note for yourself.", example: "Production alerts" });
