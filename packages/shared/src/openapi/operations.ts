/** The operations the workers serve alike: their health, their OpenAPI document, and Stripe's webhook endpoint. */
import { z } from "zod";
import type { Env as HonoEnv } from "hono";
import type { ErrorCode } from "../errors";
import { defineOperation, type OperationDefinition } from "../hono/operation";
import { readWebhookBody } from "../stripe-webhook";
import type { OpenApiDocument } from "./document";

const openApiDocumentSchema = z.looseObject({ openapi: z.literal("3.1.0") }).meta({ id: "OpenApiDocument" });

/** `GET /health`: liveness, no auth. */
export function healthOperation<E extends HonoEnv>(service: string, tag = "System"): OperationDefinition<E> {
  const healthSchema = z.strictObject({ ok: z.literal(true), service: z.literal(service) }).meta({ id: "Health" });
  return defineOperation<E>({
    method: "get",
    path: "/health",
    operationId: "health",
    tag,
    summary: "Health",
    description: "Answers while the worker runs.",
    auth: ["none"],
    response: { status: 200, schema: healthSchema, description: "Up." },
    errors: [],
    handler: (c) => c.json({ ok: true, service }),
  });
}

/** `GET /openapi.json`: the worker's own document, public and cacheable (any origin may read it). */
export function openApiJsonOperation<E extends HonoEnv>(document: (serverUrl: string) => OpenApiDocument, tag = "System"): OperationDefinition<E> {
  return defineOperation<E>({
    method: "get",
    path: "/openapi.json",
    operationId: "openapi",
    tag,
    summary: "This document",
    description: "The OpenAPI 3.1 document of this API, generated from the routes' schemas.",
    auth: ["none"],
    cors: "public",
    response: { status: 200, schema: openApiDocumentSchema, description: "The document." },
    errors: [],
    handler: (c) => {
      c.header("Cache-Control", "public, max-age=300");
      return c.json(document(new URL(c.req.url).origin));
    },
  });
}

export interface StripeWebhookReceipt {
  received: true;
  duplicate: boolean;
  outcome: string;
}

export interface StripeWebhookOperationOptions<E extends HonoEnv> {
  /** Which endpoint this is (Connect, the platform account), for the document. */
  description: string;
  /** A typical event type, for the document's example. */
  exampleEventType: string;
  /** What `outcome` says, for the document. */
  outcome: { description: string; example: string };
  /** Codes beyond the ones every Stripe endpoint may answer (e.g. api-multi's `livemode_mismatch`). */
  errors?: readonly ErrorCode[];
  /** The worker's service: verifies the signature of the raw body and applies the event once. */
  receive: (request: {
    ctx: { env: E["Bindings"]; now: Date; waitUntil: (promise: Promise<unknown>) => void };
    input: { rawBody: string; signature: string | undefined };
  }) => Promise<StripeWebhookReceipt>;
}

/** `POST /webhook/stripe`: Stripe's signed events; the signature is the authentication. */
export function stripeWebhookOperation<E extends HonoEnv & { Variables: { now: Date } }>(options: StripeWebhookOperationOptions<E>): OperationDefinition<E> {
  const receipt = z
    .strictObject({
      received: z.literal(true),
      duplicate: z.boolean().meta({ description: "The event was already handled: nothing was applied again." }),
      outcome: z.string().meta(options.outcome),
    })
    .meta({ id: "WebhookReceipt" });
  return defineOperation<E>({
    method: "post",
    path: "/webhook/stripe",
    operationId: "webhooks.stripe",
    tag: "Webhooks",
    summary: "Receive a Stripe event",
    description: options.description,
    auth: ["stripeSignature"],
    request: {
      headers: z.strictObject({ "Stripe-Signature": z.string().meta({ description: "Stripe's signature of the raw body.", example: "t=1763900000,v1=5257a869e7ec…" }) }),
      body: { schema: z.looseObject({ id: z.string(), type: z.string() }).meta({ description: "A Stripe event." }), example: { id: "evt_1QxYz", type: options.exampleEventType } },
    },
    response: { status: 200, schema: receipt, description: "Received." },
    errors: ["invalid_signature", "body_too_large", "invalid_json", "invalid_request", "internal_error", "database_error", "stripe_error", "clerk_error", ...(options.errors ?? [])],
    handler: async (c) => {
      const rawBody = await readWebhookBody(c.req.raw);
      return c.json(
        await options.receive({ ctx: { env: c.env, now: c.get("now"), waitUntil: (promise) => c.executionCtx.waitUntil(promise) }, input: { rawBody, signature: c.req.header("Stripe-Signature") } }),
      );
    },
  });
}
