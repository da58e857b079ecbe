/**
 * The document's `webhooks`: one entry per event type of the catalog
 * (events/catalog.ts), each a signed POST of the envelope `{id, type,
 * createdAt, mode, data}` to the developer's endpoint. The envelopes are
 * named models (`UsageThresholdReachedEvent`, …), so the SDK's
 * `WebhookEvent` union is generated from them and cannot drift from what
 * the emitters send.
 */
import { isoDateTime, type WebhookDefinition } from "@dream-api/shared/openapi";
import { z } from "zod";
import { WEBHOOK_EVENT_DATA, type WebhookEventData, type WebhookEventType } from "../events/catalog";

/** The envelope's model name: `usage.threshold_reached` → `UsageThresholdReachedEvent`. */
export function eventModelName(type: string): string {
  const words = type.split(/[._]/).filter(Boolean);
  return `${words.map((word) => word[0]!.toUpperCase() + word.slice(1)).join("")}Event`;
}

/** `usage.threshold_reached` → `Usage: threshold reached`. */
function summaryOf(type: string): string {
  const [resource = type, action] = type.split(".");
  const title = resource[0]!.toUpperCase() + resource.slice(1);
  return action ? `${title}: ${action.replaceAll("_", " ")}` : title;
}

/** The Standard Webhooks headers every delivery carries. */
const signatureHeaders = z.object({
  "webhook-id": z.string().meta({ description: "The event's id (`evt_…`, the body's `id`): the same on every attempt, so deduplicate on it.", example: "evt_5kQ2mN8xT1vW3yZ7" }),
  "webhook-timestamp": z
    .string()
    .regex(/^\d+$/)
    .meta({ description: "When this attempt was signed, in Unix seconds. Refuse deliveries more than 5 minutes off your clock (replays).", example: "1793491200" }),
  "webhook-signature": z.string().meta({
    description:
      "`v1,<base64 HMAC-SHA256 of \"{webhook-id}.{webhook-timestamp}.{raw body}\">`, keyed with the base64-decoded part of your endpoint's `whsec_…` secret after the prefix. Space-separated when more than one secret signs (after a rotation); any one match is enough. The SDK's `dream.webhooks.verify` (or any Standard Webhooks library) checks all of this.",
    example: "v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=",
  }),
});

const envelopeFields = {
  id: z.string().meta({ description: "`evt_…`, also the `webhook-id` header: the same on every attempt and on a resend.", example: "evt_5kQ2mN8xT1vW3yZ7" }),
  createdAt: isoDateTime.meta({ description: "When the event happened (not when this attempt was sent)." }),
  mode: z.enum(["test", "live"]).meta({ description: "The mode of the keys and end-user the event belongs to." }),
};

function envelope(type: WebhookEventType) {
  const data = WEBHOOK_EVENT_DATA[type];
  return z
    .strictObject({ id: envelopeFields.id, type: z.literal(type), createdAt: envelopeFields.createdAt, mode: envelopeFields.mode, data })
    .meta({ id: eventModelName(type), description: `The body of a \`${type}\` delivery. ${data.description ?? ""}`.trim() });
}

const usage = { plan: "free", credits: 0, periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" };

/** A plausible `data` of each type (typed by the catalog, and checked against the document's schemas by the SDK's tests). */
const EXAMPLE_DATA: { [T in WebhookEventType]: WebhookEventData<T> } = {
  ping: { endpointId: "we_3nR8kL2pQ6sT9vX1" },
  "usage.threshold_reached": { userId: "user_42", threshold: 0.8, usage: { ...usage, count: 80, limit: 100, remaining: 20 } },
  "usage.limit_reached": { userId: "user_42", usage: { ...usage, count: 100, limit: 100, remaining: 0 } },
  "customer.created": { userId: "user_42", email: "ada@example.com", plan: "free" },
  "customer.plan_changed": { userId: "user_42", from: "free", to: "pro", cause: "checkout" },
  "customer.subscription_updated": { userId: "user_42", subscriptionId: "sub_1QxYz", status: "active", cancelAtPeriodEnd: true, currentPeriodEnd: "2026-12-01T00:00:00.000Z" },
  "invoice.payment_failed": { userId: "user_42", invoiceId: "in_1QxYz", subscriptionId: "sub_1QxYz", amountDue: 1500, currency: "usd", attemptCount: 1 },
  "credits.granted": {
    userId: "user_42",
    grant: {
      id: "cg_5f1e0c9a7b3d2e4f6a8b9c0d",
      source: "purchase",
      amount: 100,
      remaining: 100,
      expiresAt: "2027-11-14T09:30:00.000Z",
      expired: false,
      reason: "Bought 100 credits",
      createdAt: "2026-11-14T09:30:00.000Z",
    },
    balance: 100,
  },
  "credits.exhausted": { userId: "user_42", usage: { ...usage, count: 150, limit: 100, remaining: 0 } },
};

/** One webhook per event type, in the catalog's order. Built once per bundle: the envelopes register as named models. */
export const WEBHOOKS: readonly WebhookDefinition[] = (Object.keys(WEBHOOK_EVENT_DATA) as WebhookEventType[]).map((type) => ({
  name: type,
  summary: summaryOf(type),
  description: WEBHOOK_EVENT_DATA[type].description ?? "",
  body: envelope(type),
  example: { id: "evt_5kQ2mN8xT1vW3yZ7", type, createdAt: "2026-11-14T09:30:00.000Z", mode: "live", data: EXAMPLE_DATA[type] },
  headers: signatureHeaders,
  responses: {
    "2XX": "Received. Answer any 2xx quickly (do slow work afterwards); any other answer, or none in time, is retried with backoff, and an endpoint that keeps failing for 5 days is disabled.",
  },
}));
