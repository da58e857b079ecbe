import { stripeWebhookOperation } from "@dream-api/shared/openapi";
import type { AppEnv } from "../../context";
import { handlePlatformWebhook } from "../../services/webhooks/platform-events";

/** Stripe's platform webhook: no session, the signature is the authentication. */
export const receiveStripeEventOperation = stripeWebhookOperation<AppEnv>({
  description:
    "The platform account's webhook endpoint (developers' $15/month subscriptions). The signature is the authentication. Each event is applied once: a redelivery answers `duplicate: true`. A 500 asks Stripe to retry.",
  exampleEventType: "checkout.session.completed",
  outcome: { description: "What the event did.", example: "plan paid (subscription active)" },
  receive: handlePlatformWebhook,
});
