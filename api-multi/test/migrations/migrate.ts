/**
 * For a migration's test: an empty database at the schema just before the
 * migration named by `prefix` ("0014_"), and the step that applies it, so
 * the test writes rows in the old shape and reads them in the new one.
 */
import { applyD1Migrations, env } from "cloudflare:test";
import { expect } from "vitest";

export async function migrateToJustBefore(prefix: string): Promise<{ db: D1Database; applyIt: () => Promise<void> }> {
  const db = env.MIGRATION_TEST_DB;
  const index = env.TEST_MIGRATIONS.findIndex((migration) => migration.name.startsWith(prefix));
  expect(index, `no migration ${prefix}`).toBeGreaterThan(0);
  await applyD1Migrations(db, env.TEST_MIGRATIONS.slice(0, index));
  return { db, applyIt: () => applyD1Migrations(db, env.TEST_MIGRATIONS.slice(0, index + 1)) };
}
