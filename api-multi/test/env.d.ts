import type { D1Migration } from "cloudflare:test";

declare global {
  namespace Cloudflare {
    interface Env {
      TEST_MIGRATIONS: D1Migration[];
      /** Empty until a migration test applies migrations to it (packages/testkit/src/vitest-config.mjs). */
      MIGRATION_TEST_DB: D1Database;
    }
  }
}

export type {} from "@dream-api/testkit/global-setup";
