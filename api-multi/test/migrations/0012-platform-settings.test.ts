/**
 * Migration 0012 moves the allowed origins and default URLs off `platforms`
 * into per-mode `platform_settings`: existing values reach both modes,
 * platforms without any get no row, and the old columns are gone.
 */
import { describe, expect, it } from "vitest";
import { migrateToJustBefore } from "./migrate";

describe("migration 0012_platform_settings", () => {
  it("copies each platform's origins and URLs to test and live, and drops the old columns", async () => {
    const { db, applyIt } = await migrateToJustBefore("0012_");
    const now = "2026-11-16T12:00:00.000Z";
    await db.batch([
      db
        .prepare("INSERT INTO platforms (platform_id, developer_id, plan, allowed_origins, default_success_url, created_at, updated_at) VALUES (?1, ?2, 'paid', ?3, ?4, ?5, ?5)")
        .bind("plt_configured", "user_a", '["https://app.example"]', "https://app.example/thanks", now),
      db.prepare("INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at) VALUES (?1, ?2, 'free', ?3, ?3)").bind("plt_bare", "user_b", now),
    ]);
    await applyIt();

    const rows = await db.prepare("SELECT platform_id, mode, allowed_origins, default_success_url, default_cancel_url, default_return_url FROM platform_settings ORDER BY platform_id, mode").all();
    expect(rows.results).toEqual([
      {
        platform_id: "plt_configured",
        mode: "live",
        allowed_origins: '["https://app.example"]',
        default_success_url: "https://app.example/thanks",
        default_cancel_url: null,
        default_return_url: null,
      },
      {
        platform_id: "plt_configured",
        mode: "test",
        allowed_origins: '["https://app.example"]',
        default_success_url: "https://app.example/thanks",
        default_cancel_url: null,
        default_return_url: null,
      },
    ]);
    const columns = await db.prepare("SELECT name FROM pragma_table_info('platforms')").all<{ name: string }>();
    expect(columns.results.map((column) => column.name)).not.toContain("allowed_origins");
    expect(columns.results.map((column) => column.name)).toContain("plan");
  });
});
