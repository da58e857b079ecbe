import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * The example against the real local stack (the SDK tests' global setup:
 * Stripe/Clerk stand-ins + api-multi in workerd), and against the SDK's
 * source so no build is needed first.
 */
export default defineConfig({
  resolve: {
    alias: { "@dream-api/client": fileURLToPath(new URL("../../sdk/src/index.ts", import.meta.url)) },
  },
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["../../sdk/test/support/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 120_000,
  },
});
