import { MAX_BODY_BYTES } from "@dream-api/shared/hono";
import { ApiError } from "@dream-api/shared";
import { Hono } from "hono";
import type { AppEnv } from "../context";
import { handlePlatformWebhook } from "../services/webhooks/platform-events";

/** Stripe's platform webhook: no session auth, the signature is the authentication. */
export const webhookRoutes = new Hono<AppEnv>().post("/stripe", async (c) => {
  const rawBody = await c.req.text();
  if (rawBody.length > MAX_BODY_BYTES * 8) throw new ApiError("body_too_large", "The webhook body is too large.");
  const result = await handlePlatformWebhook({ env: c.env, rawBody, signature: c.req.header("Stripe-Signature"), now: c.get("now") });
  return c.json(result);
});
