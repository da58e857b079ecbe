import { stripeWebhookOperation } from "@dream-api/shared/openapi";
import type { AppEnv } from "../../context";
import { handleStripeWebhook } from "../../services/webhooks/stripe-events";

/** Stripe's webhooks (Connect endpoint and api-multi's platform-account endpoint): the signature is the authentication. */
export const receiveStripeEventOperation = stripeWebhookOperation<AppEnv>({
  description:
    "Stripe's Connect (and preview) webhook endpoints, one per mode. The signature is the authentication. Each event is applied once: a redelivery answers `duplicate: true` and changes nothing. An event that names data of the other mode than its `livemode` is 400 `livemode_mismatch`: recorded, nothing applied. A 500 asks Stripe to retry.",
  exampleEventType: "customer.subscription.updated",
  outcome: { description: "What the event did, e.g. applied, ignored, duplicate.", example: "applied" },
  errors: ["livemode_mismatch"],
  receive: handleStripeWebhook,
});
