/**
 * Migration 0013 adds the brand of the hosted pages and `allow_localhost` to
 * `platform_settings`: rows saved before it keep their origins and URLs,
 * with no brand and localhost not allowed.
 */
import { describe, expect, it } from "vitest";
import { migrateToJustBefore } from "./migrate";

describe("migration 0013_platform_brand", () => {
  it("keeps existing settings, with a null brand and allow_localhost 0, and takes only 0 or 1", async () => {
    const { db, applyIt } = await migrateToJustBefore("0013_");
    const now = "2026-11-16T12:00:00.000Z";
    await db.batch([
      db.prepare("INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at) VALUES (?1, ?2, 'paid', ?3, ?3)").bind("plt_brand_before", "user_brand", now),
      db
        .prepare("INSERT INTO platform_settings (platform_id, mode, allowed_origins, default_success_url, updated_at) VALUES (?1, 'test', ?2, ?3, ?4)")
        .bind("plt_brand_before", '["http://localhost:3000"]', "http://localhost:3000/thanks", now),
    ]);
    await applyIt();

    const row = await db.prepare("SELECT * FROM platform_settings WHERE platform_id = ?1").bind("plt_brand_before").first();
    expect(row).toMatchObject({
      mode: "test",
      allowed_origins: '["http://localhost:3000"]',
      default_success_url: "http://localhost:3000/thanks",
      brand_display_name: null,
      brand_logo_url: null,
      brand_accent_color: null,
      brand_support_email: null,
      allow_localhost: 0,
    });
    await expect(db.prepare("UPDATE platform_settings SET allow_localhost = 2 WHERE platform_id = ?1").bind("plt_brand_before").run()).rejects.toThrow(/CHECK/);
  });
});
