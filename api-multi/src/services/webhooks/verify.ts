import { verifyStripeWebhook } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import { platformStripe } from "../billing/stripe-account";

/**
 * Verifies a delivery against api-multi's two endpoints' secrets: the
 * Connect endpoint (events of connected accounts) and its endpoint on the
 * platform account (preview checkouts). Bad signature, stale timestamp or
 * altered body: 400 `invalid_signature`, nothing stored. A correctly signed
 * body that is not an event (not JSON, no string id or type): 400 as well
 * (see verifyStripeWebhook).
 */
export async function verifiedStripeEvent(env: Env, rawBody: string, signature: string | undefined): Promise<{ event: Stripe.Event; source: "connect" | "preview" }> {
  const settings = config(env);
  const { event, endpoint } = await verifyStripeWebhook({
    stripe: platformStripe(env),
    rawBody,
    signature,
    endpoints: [
      ["connect", settings.STRIPE_CONNECT_WEBHOOK_SECRET],
      ["preview", settings.STRIPE_PREVIEW_WEBHOOK_SECRET],
    ],
  });
  return { event, source: endpoint };
}
