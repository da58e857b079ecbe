/**
 * oauth-api's tests (the shared set-up: @dream-api/testkit/vitest-config):
 * developers' sessions from the "dream-api" Clerk app, Connect's authorize
 * page on the Stripe stand-in.
 */
import { workerTestConfig } from "@dream-api/testkit/vitest-config";

export default workerTestConfig({
  clerkApp: "dream-api",
  bindings: (cloud) => ({
    STRIPE_CONNECT_AUTHORIZE_URL: `${cloud.stripeApiBase}/oauth/authorize`,
    CONNECT_REDIRECT_URI: "http://oauth.test/connect/callback",
    OAUTH_STATE_SECRET: "test-oauth-state-secret-000000000000000000",
  }),
  testTimeout: 60_000,
});
