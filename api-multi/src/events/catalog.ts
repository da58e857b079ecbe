/**
 * The events dream-api sends to developers' webhook endpoints: each type's
 * `data` as a zod schema. The one source of the event contract — emitters
 * are typed from it (events/emit.ts), the OpenAPI document's `webhooks`
 * section is generated from it, and the SDK's event types from that.
 *
 * The body of every delivery is the envelope `{id, type, createdAt, mode,
 * data}`, signed as Standard Webhooks prescribe (`webhook-id`,
 * `webhook-timestamp`, `webhook-signature`).
 */
import { isoDateTime } from "@dream-api/shared/openapi";
import { z } from "zod";
import { creditGrantSchema, usageSchema } from "../models";

const userId = z.string().meta({ description: "Your id for the end-user.", example: "user_42" });

export const planChangeCause = z.enum(["checkout", "portal", "api", "cancellation"]).meta({
  id: "PlanChangeCause",
  description: "What moved the plan: a paid Checkout, the billing portal, your PATCH /api/customers/:userId, or the end of a subscription.",
});

export const WEBHOOK_EVENT_DATA = {
  ping: z.strictObject({ endpointId: z.string().meta({ description: "The endpoint the test was sent to." }) }).meta({
    description: "Sent by POST /api/webhook-endpoints/:id/test (and the dashboard's Send test) to that endpoint only.",
  }),
  "usage.threshold_reached": z
    .strictObject({
      userId,
      threshold: z.number().gt(0).max(1).meta({ description: "The fraction of the tier limit that was reached (0.8 = 80 %).", example: 0.8 }),
      usage: usageSchema,
    })
    .meta({
      description:
        "An end-user's usage reached one of your alert thresholds (Settings; default 80 % and 100 % of the tier limit). Sent once per end-user, threshold and billing period; never for unlimited tiers.",
    }),
  "usage.limit_reached": z.strictObject({ userId, usage: usageSchema }).meta({
    description: "An end-user used up the tier's limit, or a track was refused for it (403 usage_limit_exceeded). Sent once per end-user and billing period.",
  }),
  "customer.created": z
    .strictObject({
      userId,
      email: z.string().nullable().meta({ description: "null for end-users registered by a first track." }),
      plan: z.string().meta({ description: "The tier the end-user starts on." }),
    })
    .meta({ description: "An end-user was registered: by POST /api/customers, a first track, or joining through your pricing page." }),
  "customer.plan_changed": z
    .strictObject({
      userId,
      from: z.string().nullable().meta({ description: "The previous tier." }),
      to: z.string().meta({ description: "The new tier." }),
      cause: planChangeCause,
    })
    .meta({ description: "An end-user's plan (tier) changed." }),
  "customer.subscription_updated": z
    .strictObject({
      userId,
      subscriptionId: z.string().meta({ description: "The Stripe subscription on your connected account.", example: "sub_1QxYz" }),
      status: z.string().meta({ description: "Stripe's subscription status: active, trialing, past_due, canceled, …", example: "active" }),
      cancelAtPeriodEnd: z.boolean(),
      currentPeriodEnd: isoDateTime.nullable(),
    })
    .meta({ description: "An end-user's subscription was created or changed (status, renewal, cancellation at period end)." }),
  "invoice.payment_failed": z
    .strictObject({
      userId,
      invoiceId: z.string().meta({ example: "in_1QxYz" }),
      subscriptionId: z.string().nullable(),
      amountDue: z.number().int().meta({ description: "Minor units (cents)." }),
      currency: z.string().meta({ description: "ISO 4217, lower case.", example: "usd" }),
      attemptCount: z.number().int().meta({ description: "Stripe's payment attempts on this invoice so far." }),
    })
    .meta({ description: "A payment of an end-user's subscription failed; Stripe retries it on your account's schedule." }),
  "credits.granted": z
    .strictObject({
      userId,
      grant: creditGrantSchema,
      balance: z.number().int().min(0).meta({ description: "The end-user's unexpired credits after the grant." }),
    })
    .meta({ description: "Credits were added to an end-user's balance: a paid credit pack, or your POST /api/customers/:userId/credits (or the dashboard's Grant credits)." }),
  "credits.exhausted": z
    .strictObject({ userId, usage: usageSchema })
    .meta({ description: "A track spent an end-user's last credit (its balance is now 0 and the period's allowance is used up). Sent once for the track that spent it." }),
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_DATA;
export type WebhookEventData<T extends WebhookEventType> = z.output<(typeof WEBHOOK_EVENT_DATA)[T]>;

export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_DATA) as WebhookEventType[];
/** What an endpoint may subscribe to: every type but `ping`, which goes to the endpoint it tests whatever it subscribes to. */
export const SUBSCRIBABLE_EVENT_TYPES = WEBHOOK_EVENT_TYPES.filter((type) => type !== "ping");

/** The signed body of a delivery. */
export interface WebhookEventEnvelope<T extends WebhookEventType = WebhookEventType> {
  /** `evt_…`, also the `webhook-id` header: the same on every attempt. */
  id: string;
  type: T;
  createdAt: string;
  mode: "test" | "live";
  data: WebhookEventData<T>;
}
