import { readCappedBytes } from "@dream-api/shared/hono";
import { MAX_WEBHOOK_BODY_BYTES } from "@dream-api/shared/stripe";
import { Hono } from "hono";
import type { AppEnv } from "../context";

const lenientUtf8 = new TextDecoder();
import { handleStripeWebhook } from "../services/webhooks/stripe-events";

/** Stripe's webhooks (Connect endpoint and api-multi's platform-account endpoint): the signature is the authentication. */
export const webhookRoutes = new Hono<AppEnv>().post("/stripe", async (c) => {
  // The size is checked before the body is read (Content-Length, or a cap on a streamed body). Decoded
  // leniently: bytes that are not UTF-8 cannot match a signature, and that is the answer they get.
  const rawBody = lenientUtf8.decode(await readCappedBytes(c.req.raw, MAX_WEBHOOK_BODY_BYTES));
  return c.json(await handleStripeWebhook({ env: c.env, rawBody, signature: c.req.header("Stripe-Signature"), now: c.get("now") }));
});
