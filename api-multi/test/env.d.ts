import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Empty until a migration test applies migrations to it (packages/testkit/src/vitest-config.mjs). */
      MIGRATION_TEST_DB: D1Database;
      /** Set to "0" by vitest.config.mts (request-log lines are sent without waiting); a config var with a default, not in wrangler.jsonc. */
      REQUEST_LOG_FLUSH_MS?: string;
    }
  }
}

export type {} from "@dream-api/testkit/global-setup";
