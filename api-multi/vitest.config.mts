/**
 * api-multi tests run inside workerd (vitest-pool-workers) against real local
 * D1 and KV, with migrations applied by test/setup.ts and Clerk calls going
 * to the local stand-ins started by emulators/src/testing/global-setup.ts.
 *
 * Two projects: "api-multi" keeps the production rate limits (so the 101st
 * call in a minute is refused); "api-multi:raised-limits" raises them for the
 * concurrency tests, as the issue asks.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(fileURLToPath(new URL("../migrations", import.meta.url)));
const RAISED = { limit: 1_000_000, period: 60 as const };

function workersProject(name: string, include: string[], exclude: string[], raiseRateLimits: boolean) {
  return {
    plugins: [
      cloudflareTest(({ inject }) => ({
        main: "./src/index.ts",
        wrangler: { configPath: "./wrangler.jsonc" },
        miniflare: {
          bindings: {
            TEST_MIGRATIONS: migrations,
            CLERK_API_URL: inject<string>("clerkApiUrl"),
            CLERK_SECRET_KEY: inject<string>("endUserClerkSecret"),
            STRIPE_API_BASE: inject<string>("stripeApiBase"),
            STRIPE_SECRET_KEY: inject<string>("stripeSecretKey"),
            STRIPE_CONNECT_WEBHOOK_SECRET: inject<string>("connectWebhookSecret"),
            STRIPE_PREVIEW_WEBHOOK_SECRET: inject<string>("previewWebhookSecret"),
            CLERK_JWT_KEY: inject<string>("endUserJwtKey"),
            DEVELOPER_CLERK_SECRET_KEY: inject<string>("dreamApiClerkSecret"),
            DEVELOPER_CLERK_JWT_KEY: inject<string>("dreamApiJwtKey"),
          },
          ...(raiseRateLimits
            ? {
                ratelimits: {
                  END_USER_RATE_LIMITER: { namespace_id: "1001", simple: RAISED },
                  API_KEY_RATE_LIMITER: { namespace_id: "1002", simple: RAISED },
                },
              }
            : {}),
        },
      })),
    ],
    test: {
      name,
      include,
      exclude,
      setupFiles: ["./test/setup.ts"],
      globalSetup: ["../emulators/src/testing/global-setup.ts"],
      testTimeout: 30_000,
    },
  };
}

export default defineConfig({
  test: {
    projects: [
      workersProject("api-multi", ["test/**/*.test.ts"], ["test/**/*.raised-limits.test.ts"], false),
      workersProject("api-multi:raised-limits", ["test/**/*.raised-limits.test.ts"], [], true),
    ],
  },
});
