import { ApiError } from "@dream-api/shared";
import { MAX_BODY_BYTES } from "@dream-api/shared/hono";
import { Hono } from "hono";
import type { AppEnv } from "../context";
import { handleStripeWebhook } from "../services/webhooks/stripe-events";

/** Stripe's webhooks (Connect endpoint and api-multi's platform-account endpoint): the signature is the authentication. */
export const webhookRoutes = new Hono<AppEnv>().post("/stripe", async (c) => {
  const rawBody = await c.req.text();
  if (rawBody.length > MAX_BODY_BYTES * 8) throw new ApiError("body_too_large", "The webhook body is too large.");
  return c.json(await handleStripeWebhook({ env: c.env, rawBody, signature: c.req.header("Stripe-Signature"), now: c.get("now") }));
});
