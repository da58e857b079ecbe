/**
 * front-auth-api's tests (the shared set-up: @dream-api/testkit/vitest-config):
 * developers' sessions from the "dream-api" Clerk app, the platform's own
 * Stripe webhook endpoint. The developer rate limit keeps its production
 * value (100/min).
 */
import { workerTestConfig } from "@dream-api/testkit/vitest-config";

export default workerTestConfig({
  clerkApp: "dream-api",
  bindings: (cloud) => ({ STRIPE_WEBHOOK_SECRET: cloud.platformWebhookSecret }),
  testTimeout: 60_000,
});
