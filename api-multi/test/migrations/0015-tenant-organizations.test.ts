/**
 * Migration 0015: end-users are people. Every end-user linked to a Clerk
 * user is marked to become a member of its tenant's organization (the
 * cron's backfill); emails become unique per platform and mode, compared
 * without case — stored lowercase, a repeat keeping its first row's email —
 * and the same email stays allowed at another platform or mode.
 */
import { describe, expect, it } from "vitest";
import { migrateToJustBefore } from "./migrate";

describe("migration 0015_tenant_organizations", () => {
  it("marks linked end-users, lowercases emails, keeps one row per email and tenant, and then refuses a repeat", async () => {
    const { db, applyIt } = await migrateToJustBefore("0015_");
    const now = "2026-11-16T12:00:00.000Z";
    const endUser = db.prepare("INSERT INTO end_users (platform_id, mode, user_id, clerk_user_id, email, plan, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 'free', ?6, ?6)");
    await db.batch([
      db.prepare("INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at) VALUES ('plt_m15_a', 'user_a', 'paid', ?1, ?1)").bind(now),
      db.prepare("INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at) VALUES ('plt_m15_b', 'user_b', 'paid', ?1, ?1)").bind(now),
      endUser.bind("plt_m15_a", "test", "linked", "user_clerk_1", "Carol@Example.com", now),
      endUser.bind("plt_m15_a", "test", "tracked", null, null, now),
      endUser.bind("plt_m15_a", "test", "repeat", null, "carol@example.com", now),
      endUser.bind("plt_m15_a", "live", "linked", "user_clerk_1", "carol@example.com", now),
      endUser.bind("plt_m15_b", "test", "carol", "user_clerk_1", "carol@example.com", now),
    ]);
    await applyIt();

    const { results } = await db.prepare("SELECT platform_id, mode, user_id, email, membership_pending FROM end_users ORDER BY platform_id, mode, user_id").all();
    expect(results).toEqual([
      { platform_id: "plt_m15_a", mode: "live", user_id: "linked", email: "carol@example.com", membership_pending: 1 },
      { platform_id: "plt_m15_a", mode: "test", user_id: "linked", email: "carol@example.com", membership_pending: 1 },
      { platform_id: "plt_m15_a", mode: "test", user_id: "repeat", email: null, membership_pending: 0 },
      { platform_id: "plt_m15_a", mode: "test", user_id: "tracked", email: null, membership_pending: 0 },
      { platform_id: "plt_m15_b", mode: "test", user_id: "carol", email: "carol@example.com", membership_pending: 1 },
    ]);
    await expect(endUser.bind("plt_m15_a", "test", "again", null, "carol@example.com", now).run()).rejects.toThrow(/UNIQUE/);
    await expect(endUser.bind("plt_m15_b", "live", "carol", null, "carol@example.com", now).run()).resolves.toBeTruthy();

    await db.prepare("INSERT INTO tenant_organizations (organization_id, platform_id, mode, created_at) VALUES ('org_a', 'plt_m15_a', 'test', ?1)").bind(now).run();
    await expect(db.prepare("INSERT INTO tenant_organizations (organization_id, platform_id, mode, created_at) VALUES ('org_a2', 'plt_m15_a', 'test', ?1)").bind(now).run()).rejects.toThrow(/UNIQUE/);
  });
});
