import { ApiError } from "@dream-api/shared";
import { stripeWebhookCrypto } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import { platformStripe } from "../billing/stripe-account";

const SIGNATURE_TOLERANCE_SECONDS = 300;

/**
 * Verifies a delivery against api-multi's two endpoints' secrets: the
 * Connect endpoint (events of connected accounts) and its endpoint on the
 * platform account (preview checkouts). Bad signature, stale timestamp or
 * altered body: 400, nothing stored.
 */
export async function verifiedStripeEvent(env: Env, rawBody: string, signature: string | undefined): Promise<{ event: Stripe.Event; source: "connect" | "preview" }> {
  if (!signature) throw new ApiError("invalid_signature", "Missing Stripe-Signature header.");
  const settings = config(env);
  const stripe = platformStripe(env);
  for (const [source, secret] of [
    ["connect", settings.STRIPE_CONNECT_WEBHOOK_SECRET],
    ["preview", settings.STRIPE_PREVIEW_WEBHOOK_SECRET],
  ] as const) {
    try {
      const event = await stripe.webhooks.constructEventAsync(rawBody, signature, secret, SIGNATURE_TOLERANCE_SECONDS, stripeWebhookCrypto);
      return { event, source };
    } catch {
      // try the other endpoint's secret
    }
  }
  throw new ApiError("invalid_signature", "The Stripe signature does not match the payload, or its timestamp is too old.");
}
