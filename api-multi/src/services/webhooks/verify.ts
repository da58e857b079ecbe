import { verifyStripeWebhook } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import { platformStripe } from "../billing/stripe-account";

/**
 * Verifies a delivery against api-multi's endpoints' secrets: the Connect
 * endpoints of each mode (events of connected accounts; the live one also
 * receives test events) and its test-mode endpoint on the platform account
 * (preview checkouts). The event's own `livemode` is its mode. Bad signature, stale timestamp or
 * altered body: 400 `invalid_signature`, nothing stored. A correctly signed
 * body that is not an event (not JSON, no string id or type): 400 as well
 * (see verifyStripeWebhook).
 */
export async function verifiedStripeEvent(env: Env, rawBody: string, signature: string | undefined): Promise<{ event: Stripe.Event; source: "connect" | "preview" }> {
  const settings = config(env);
  const { event, endpoint } = await verifyStripeWebhook({
    stripe: platformStripe(env, "test"),
    rawBody,
    signature,
    endpoints: [
      ["connect", settings.STRIPE_CONNECT_WEBHOOK_SECRET_TEST],
      ["connect", settings.STRIPE_CONNECT_WEBHOOK_SECRET_LIVE],
      ["preview", settings.STRIPE_PREVIEW_WEBHOOK_SECRET],
    ],
  });
  return { event, source: endpoint };
}
