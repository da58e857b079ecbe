/**
 * api-multi tests run inside workerd (vitest-pool-workers) against real local
 * D1 and KV, with migrations applied by test/setup.ts and Clerk calls going
 * to the local stand-ins started by emulators/src/testing/global-setup.ts.
 *
 * Three projects: "api-multi" keeps the production rate limits (so the
 * 101st call in a minute is refused); "api-multi:raised-limits" raises them
 * for the concurrency tests; "api-multi:tight-limits" makes every bucket
 * small, so the rate-limit tests can run each one to its end in a few calls.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const migrations = await readD1Migrations(fileURLToPath(new URL("../migrations", import.meta.url)));
const RAISED = { limit: 1_000_000, period: 60 as const };
const limits = (endUser: number, apiKey: number, publishableKey: number, clientIp: number) => ({
  END_USER_RATE_LIMITER: { namespace_id: "1001", simple: { limit: endUser, period: 60 as const } },
  API_KEY_RATE_LIMITER: { namespace_id: "1002", simple: { limit: apiKey, period: 60 as const } },
  PUBLISHABLE_KEY_RATE_LIMITER: { namespace_id: "1003", simple: { limit: publishableKey, period: 60 as const } },
  CLIENT_IP_RATE_LIMITER: { namespace_id: "1004", simple: { limit: clientIp, period: 60 as const } },
});
const RATE_LIMITS = {
  production: undefined,
  raised: limits(RAISED.limit, RAISED.limit, RAISED.limit, RAISED.limit),
  /** The numbers test/rate-limit.tight-limits.test.ts counts to. */
  tight: limits(5, 20, 20, 8),
};

function workersProject(name: string, include: string[], exclude: string[], rateLimits: keyof typeof RATE_LIMITS) {
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
          ...(RATE_LIMITS[rateLimits] ? { ratelimits: RATE_LIMITS[rateLimits] } : {}),
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
      workersProject("api-multi", ["test/**/*.test.ts"], ["test/**/*.raised-limits.test.ts", "test/**/*.tight-limits.test.ts"], "production"),
      workersProject("api-multi:raised-limits", ["test/**/*.raised-limits.test.ts"], [], "raised"),
      workersProject("api-multi:tight-limits", ["test/**/*.tight-limits.test.ts"], [], "tight"),
    ],
  },
});
