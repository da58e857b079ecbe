import { defineConfig } from "vitest/config";

/**
 * The SDK against the real local stack: test/support/global-setup.ts starts
 * the Stripe/Clerk stand-ins and api-multi in workerd once per run.
 */
export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["./test/support/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
