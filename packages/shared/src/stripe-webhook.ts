/**
 * Reading Stripe webhook deliveries. The signature comes first (against
 * each of the endpoint's secrets): a bad one is 400 `invalid_signature` and
 * nothing is read. A correctly signed body is then parsed and checked before
 * any handler touches it: the signature proves who sent it, not that it is
 * an event we can read, and a handler that trips over a missing field would
 * answer 500 — which Stripe retries for days. So a body that is not JSON is
 * 400 `invalid_json`; an event without a string id and type, or whose
 * data.object lacks what its handler reads (or is another kind of object
 * than its type says), is 400 `invalid_request` naming the field. Nothing is
 * recorded for either. Unhandled types are left to the handler (recorded and
 * ignored), whatever their data.
 */
import Stripe from "stripe";
import { z } from "zod";
import { ApiError } from "./errors";
import { readCappedBytes } from "./validation";

/** The largest webhook body read (Stripe's events are far smaller); larger ones are refused before reading. */
export const MAX_WEBHOOK_BODY_BYTES = 512 * 1024;

const lenientUtf8 = new TextDecoder();

/**
 * A webhook delivery's raw body, size checked before it is read (a declared
 * Content-Length over MAX_WEBHOOK_BODY_BYTES, or a streamed body passing
 * it: 400 body_too_large). Decoded leniently: bytes that are not UTF-8
 * cannot match a signature, and that is the answer they get.
 */
export async function readWebhookBody(request: Request): Promise<string> {
  return lenientUtf8.decode(await readCappedBytes(request, MAX_WEBHOOK_BODY_BYTES));
}

/** Stripe-Signature timestamps older than this are refused (Stripe's default tolerance). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

/** Workers have no Node crypto: SubtleCrypto verifies the HMAC. */
export const stripeWebhookCrypto = Stripe.createSubtleCryptoProvider();

/**
 * Verifies `signature` against each endpoint's secret in turn, then parses
 * the event's envelope (parseStripeEvent). Returns the event and the name of
 * the endpoint whose secret signed it.
 */
export async function verifyStripeWebhook<Endpoint extends string>(input: {
  stripe: Stripe;
  rawBody: string;
  signature: string | undefined;
  endpoints: readonly (readonly [Endpoint, string])[];
}): Promise<{ event: Stripe.Event; endpoint: Endpoint }> {
  const { rawBody, signature } = input;
  if (!signature) throw new ApiError("invalid_signature", "Missing Stripe-Signature header.");
  const verifier = input.stripe.webhooks.signature;
  if (!verifier) throw new ApiError("misconfigured", "The Stripe client cannot verify webhook signatures.");
  for (const [endpoint, secret] of input.endpoints) {
    try {
      await verifier.verifyHeaderAsync(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS, stripeWebhookCrypto);
    } catch {
      continue; // try the next endpoint's secret
    }
    return { event: parseStripeEvent(rawBody), endpoint };
  }
  throw new ApiError("invalid_signature", "The Stripe signature does not match the payload, or its timestamp is too old.");
}

/** What every event must have, whatever its type: what is stored in the events row. */
const eventEnvelope = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string(),
  account: z.string().max(255).nullish(),
  livemode: z.boolean().optional(),
  created: z.number().optional(),
});

function invalidEvent(issue: z.core.$ZodIssue | undefined, prefix: readonly PropertyKey[] = []): ApiError {
  const path = [...prefix, ...(issue?.path ?? [])].map(String);
  const param = path.length > 0 ? path.join(".") : undefined;
  return new ApiError("invalid_request", `The event is malformed${param ? ` at ${param}` : ""}: ${issue?.message ?? "not a Stripe event"}.`, { param });
}

/** The verified body as an event: JSON, an object, with a string id and type (and, if present, account, livemode and created of the right types). */
export function parseStripeEvent(rawBody: string): Stripe.Event {
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    throw new ApiError("invalid_json", "The event is not valid JSON.");
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new ApiError("invalid_request", "The event must be a JSON object.");
  }
  const result = eventEnvelope.safeParse(parsed);
  if (!result.success) throw invalidEvent(result.error.issues[0]);
  // The parsed object itself (not zod's copy): handlers read it as Stripe typed it.
  return parsed as Stripe.Event;
}

/** An id Stripe puts in API paths (sub_…): the handlers fetch it, so nothing else may pass for one. */
const subscriptionId = z
  .string()
  .max(255)
  .regex(/^sub_[A-Za-z0-9_]+$/, "must be a Stripe subscription id (sub_…)");
const idOrExpanded = <S extends z.ZodString>(id: S) => z.union([id, z.looseObject({ id })]);
const metadata = z.record(z.string(), z.string());

/**
 * The fields of Stripe objects that the webhook handlers read, by the kind
 * of object an event type carries. Other fields pass through unchecked.
 */
export const stripeEventObjects = {
  checkoutSession: z.looseObject({
    object: z.literal("checkout.session"),
    id: z.string().min(1).max(255),
    mode: z.string(),
    payment_status: z.string(),
    metadata: metadata.nullish(),
    client_reference_id: z.string().nullish(),
    subscription: idOrExpanded(subscriptionId).nullish(),
    customer: idOrExpanded(z.string().max(255)).nullish(),
    payment_intent: idOrExpanded(z.string().max(255)).nullish(),
    amount_total: z.number().nullish(),
    currency: z.string().max(16).nullish(),
  }),
  subscription: z.looseObject({
    object: z.literal("subscription"),
    id: subscriptionId,
    metadata,
  }),
  invoice: z.looseObject({
    object: z.literal("invoice"),
    id: z.string().min(1).max(255),
    parent: z.looseObject({ subscription_details: z.looseObject({ subscription: idOrExpanded(subscriptionId).nullish() }).nullish() }).nullish(),
    /** Before API version 2025-03-31 the subscription sat on the invoice itself. */
    subscription: idOrExpanded(subscriptionId).nullish(),
  }),
} as const;

/**
 * Checks that `event.data.object` has the shape its handler reads; 400
 * `invalid_request` naming the field (e.g. `data.object.metadata.userId`)
 * otherwise.
 */
export function checkEventObject(event: Stripe.Event, shape: z.ZodType): void {
  const result = z.looseObject({ data: z.looseObject({ object: shape }) }).safeParse(event);
  if (!result.success) throw invalidEvent(result.error.issues[0]);
}
