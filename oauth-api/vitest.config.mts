/**
 * oauth-api tests run inside workerd against real local D1 and KV and the
 * Stripe and Clerk stand-ins (shared global setup).
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(fileURLToPath(new URL("../migrations", import.meta.url)));

export default defineConfig({
  plugins: [
    cloudflareTest(({ inject }) => ({
      main: "./src/index.ts",
      wrangler: { configPath: "./wrangler.jsonc" },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: migrations,
          CLERK_API_URL: inject<string>("clerkApiUrl"),
          CLERK_SECRET_KEY: inject<string>("dreamApiClerkSecret"),
          CLERK_JWT_KEY: inject<string>("dreamApiJwtKey"),
          STRIPE_API_BASE: inject<string>("stripeApiBase"),
          STRIPE_SECRET_KEY: inject<string>("stripeSecretKey"),
          STRIPE_CONNECT_AUTHORIZE_URL: `${inject<string>("stripeApiBase")}/oauth/authorize`,
          CONNECT_REDIRECT_URI: "http://oauth.test/connect/callback",
          OAUTH_STATE_SECRET: "test-oauth-state-secret-000000000000000000",
        },
      },
    })),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["./test/setup.ts"],
    globalSetup: ["../emulators/src/testing/global-setup.ts"],
    testTimeout: 60_000,
  },
});
