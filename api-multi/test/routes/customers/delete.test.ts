/**
 * DELETE /api/customers/:userId: the customer and its counter go, the
 * person's membership of this tenant goes (Clerk first: a Clerk failure
 * deletes nothing), today's calls stay in the platform's history, and a
 * running subscription is refused.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, client, countRows, createDeveloper, expectErrorShape, midMonthClock, organizationsOf, seedConnectedPlatform, seedPlatform, tableCounts, tenantOrganizationOf } from "../../harness";

const midMonth = client(midMonthClock);

function email(label: string): string {
  return `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;
}

describe("DELETE /api/customers/:userId", () => {
  it("deletes the customer and its counter, removes the person from this tenant's organization only, and keeps today's calls in the history", async () => {
    const platform = await seedPlatform();
    const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "leaving", email: email("leaving") } });
    const clerkUserId = created.body.customer.clerkUserId;
    await midMonth("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "leaving", amount: 4 } });
    const callsBefore = (await midMonth("GET", "/api/dashboard", { key: platform.secretKey })).body.totals.callsThisPeriod;

    const deleted = await midMonth("DELETE", "/api/customers/leaving", { key: platform.secretKey });
    expect(deleted.status).toBe(200);
    expect(deleted.body).toEqual({ userId: "leaving", deleted: true, mode: "preview" });
    expectErrorShape(await call("GET", "/api/customers/leaving", { key: platform.secretKey }), 404, "customer_not_found");
    expect(await countRows("usage_counts", "platform_id = ?1 AND user_id = 'leaving'", platform.platformId)).toBe(0);
    expect(await organizationsOf(clerkUserId)).toEqual([]);
    // The person is still in Clerk: they may be a customer elsewhere, or come back.
    expect((await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "back", email: created.body.customer.email } })).body.customer.clerkUserId).toBe(clerkUserId);
    const history = await env.DB.prepare("SELECT COALESCE(SUM(calls), 0) AS calls FROM usage_daily WHERE platform_id = ?1").bind(platform.platformId).first<{ calls: number }>();
    expect(history?.calls).toBe(4);
    expect(callsBefore).toBe(4);
    // Deleting again: there is nothing to delete.
    expectErrorShape(await call("DELETE", "/api/customers/leaving", { key: platform.secretKey }), 404, "customer_not_found");
  });

  it("deletes a customer registered by a track (no person in Clerk)", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "tracked" } });
    expect((await call("DELETE", "/api/customers/tracked", { key: platform.secretKey })).status).toBe(200);
    expect(await countRows("end_users", "platform_id = ?1", platform.platformId)).toBe(0);
  });

  it("refuses a customer whose subscription is still running (409 conflict) and changes nothing", async () => {
    const platform = await seedConnectedPlatform();
    await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "paying", email: email("paying") } });
    await env.DB.prepare(
      `INSERT INTO subscriptions (subscription_id, platform_id, mode, user_id, customer_id, plan, price_id, status, stripe_account, created_at, updated_at)
       VALUES (?1, ?2, 'test', 'paying', 'cus_x', 'pro', ?3, 'active', ?4, ?5, ?5)`,
    )
      .bind(`sub_${crypto.randomUUID().slice(0, 8)}`, platform.platformId, platform.proPriceId, platform.account, new Date().toISOString())
      .run();
    const before = await tableCounts(platform.platformId);
    const refused = await call("DELETE", "/api/customers/paying", { key: platform.secretKey });
    expectErrorShape(refused, 409, "conflict");
    expect(refused.body.error.message).toMatch(/subscription/);
    expect(await tableCounts(platform.platformId)).toEqual(before);
  });

  it("answers 502 clerk_error and deletes nothing when Clerk is unreachable", async () => {
    const platform = await seedPlatform();
    const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "stays", email: email("stays") } });
    const before = await tableCounts(platform.platformId);
    expectErrorShape(await call("DELETE", "/api/customers/stays", { key: platform.secretKey, envOverrides: { CLERK_API_URL: "http://127.0.0.1:9" } }), 502, "clerk_error");
    expect(await tableCounts(platform.platformId)).toEqual(before);
    expect(await organizationsOf(created.body.customer.clerkUserId)).toEqual([await tenantOrganizationOf(platform)]);
  });

  it("takes only a secret key: the dashboard session reads, it does not delete", async () => {
    const platform = await seedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "kept" } });
    const developer = await createDeveloper();
    await env.DB.prepare("UPDATE platforms SET developer_id = ?2 WHERE platform_id = ?1").bind(platform.platformId, developer.id).run();
    const session = developer.token;
    expectErrorShape(await call("DELETE", "/api/customers/kept?mode=test", { token: session }), 401, "invalid_api_key");
    expect(await countRows("end_users", "platform_id = ?1", platform.platformId)).toBe(1);
  });
});
