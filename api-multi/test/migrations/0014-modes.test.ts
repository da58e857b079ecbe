/**
 * Migration 0014 gives every tenant-owned row a mode: existing rows are test
 * mode (nothing recorded which key made them) except events, which take
 * their payload's `livemode`; keys become (platform, mode, …), so the same
 * userId, tier name or idempotency key can then exist once per mode.
 */
import { describe, expect, it } from "vitest";
import { migrateToJustBefore } from "./migrate";

describe("migration 0014_modes", () => {
  it("moves existing rows into test mode (events by their livemode) and keys them by mode", async () => {
    const { db, applyIt } = await migrateToJustBefore("0014_");
    const now = "2026-11-16T12:00:00.000Z";
    await db.batch([
      db.prepare("INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at) VALUES ('plt_old', 'user_old', 'paid', ?1, ?1)").bind(now),
      db.prepare("INSERT INTO tiers (platform_id, name, display_name, kind, price, monthly_limit, created_at, updated_at) VALUES ('plt_old', 'free', 'Free', 'subscription', 0, 5, ?1, ?1)").bind(now),
      db.prepare("INSERT INTO end_users (platform_id, user_id, email, plan, created_at, updated_at) VALUES ('plt_old', 'u1', 'u1@example.com', 'free', ?1, ?1)").bind(now),
      db
        .prepare(
          "INSERT INTO usage_counts (platform_id, user_id, period_start, period_end, usage_count, plan, usage_limit, updated_at, day, day_count) VALUES ('plt_old', 'u1', ?1, ?2, 4, 'free', 5, ?1, '2026-11-16', 4)",
        )
        .bind("2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"),
      db.prepare("INSERT INTO usage_daily (platform_id, day, calls) VALUES ('plt_old', '2026-11-15', 9)"),
      db.prepare("INSERT INTO subscriptions (subscription_id, platform_id, user_id, plan, status, created_at, updated_at) VALUES ('sub_old', 'plt_old', 'u1', 'free', 'active', ?1, ?1)").bind(now),
      db.prepare("INSERT INTO purchases (checkout_session_id, platform_id, user_id, tier, amount, currency, created_at) VALUES ('cs_old', 'plt_old', 'u1', 'free', 0, 'usd', ?1)").bind(now),
      db.prepare("INSERT INTO idempotency_keys (platform_id, idempotency_key, request_id, request_hash, created_at) VALUES ('plt_old', 'k1', 'req', 'hash', ?1)").bind(now),
      db
        .prepare("INSERT INTO events (source, event_id, type, platform_id, payload, received_at) VALUES ('connect', 'evt_live', 'invoice.paid', 'plt_old', ?1, ?2)")
        .bind(JSON.stringify({ id: "evt_live", livemode: true }), now),
      db
        .prepare("INSERT INTO events (source, event_id, type, platform_id, payload, received_at) VALUES ('connect', 'evt_test', 'invoice.paid', 'plt_old', ?1, ?2)")
        .bind(JSON.stringify({ id: "evt_test", livemode: false }), now),
      db.prepare("INSERT INTO events (source, event_id, type, platform_id, payload, received_at) VALUES ('platform', 'evt_odd', 'x', NULL, 'not json', ?1)").bind(now),
    ]);
    await applyIt();

    for (const table of ["tiers", "end_users", "usage_counts", "usage_daily", "subscriptions", "purchases", "idempotency_keys"]) {
      const rows = await db.prepare(`SELECT mode FROM ${table} WHERE platform_id = 'plt_old'`).all<{ mode: string }>();
      expect(rows.results, table).toEqual([{ mode: "test" }]);
    }
    const events = await db.prepare("SELECT event_id, mode FROM events ORDER BY event_id").all();
    expect(events.results).toEqual([
      { event_id: "evt_live", mode: "live" },
      { event_id: "evt_odd", mode: "test" },
      { event_id: "evt_test", mode: "test" },
    ]);
    expect(await db.prepare("SELECT usage_count, day_count FROM usage_counts WHERE user_id = 'u1'").first()).toEqual({ usage_count: 4, day_count: 4 });

    // The same names exist once per mode now, and the rebuilt trigger rolls days up per mode.
    await db.batch([
      db.prepare("INSERT INTO tiers (platform_id, mode, name, display_name, kind, price, created_at, updated_at) VALUES ('plt_old', 'live', 'free', 'Free', 'subscription', 0, ?1, ?1)").bind(now),
      db.prepare("INSERT INTO end_users (platform_id, mode, user_id, plan, created_at, updated_at) VALUES ('plt_old', 'live', 'u1', 'free', ?1, ?1)").bind(now),
      db.prepare("INSERT INTO idempotency_keys (platform_id, mode, idempotency_key, request_id, request_hash, created_at) VALUES ('plt_old', 'live', 'k1', 'r', 'h', ?1)").bind(now),
      db.prepare("UPDATE usage_counts SET day = '2026-11-17', day_count = 1 WHERE platform_id = 'plt_old' AND mode = 'test' AND user_id = 'u1'"),
    ]);
    expect((await db.prepare("SELECT mode, day, calls FROM usage_daily ORDER BY day").all()).results).toEqual([
      { mode: "test", day: "2026-11-15", calls: 9 },
      { mode: "test", day: "2026-11-16", calls: 4 },
    ]);
    // A usage counter still needs its end-user in the same mode.
    await expect(
      db.prepare("INSERT INTO usage_counts (platform_id, mode, user_id, period_start, period_end, updated_at) VALUES ('plt_old', 'live', 'nobody', ?1, ?1, ?1)").bind(now).run(),
    ).rejects.toThrow(/FOREIGN KEY/);
  });
});
