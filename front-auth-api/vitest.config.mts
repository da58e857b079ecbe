/**
 * front-auth-api tests run inside workerd against real local D1 and KV,
 * with the Clerk and Stripe stand-ins (and a webhook inbox that receives
 * the Stripe stand-in's signed events) started by the shared global setup.
 * The developer rate limit keeps its production value (100/min).
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
          STRIPE_WEBHOOK_SECRET: inject<string>("platformWebhookSecret"),
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
