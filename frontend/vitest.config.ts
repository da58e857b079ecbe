import { defineConfig } from "vitest/config";

/** Unit tests of the dashboard's pure functions (redirect rule, messages, CSP); the pages are covered in a browser by tests/e2e. */
export default defineConfig({
  test: { environment: "node", include: ["test/**/*.test.ts"] },
});
