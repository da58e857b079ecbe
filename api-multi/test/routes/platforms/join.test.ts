/**
 * The hosted pricing page's two public operations: its content by platform
 * id and mode (GET /api/public/platforms/{platformId}), and joining
 * (POST …/join): a signed-in person becomes a member of the tenant's
 * organization and a customer, once, whatever organization their session
 * had active. Nothing the person sends other than their signed session
 * says who they are.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, clerkJson, countRows, createDeveloper, expectErrorShape, membershipPlanOf, mintToken, organizationsOf, seedPlatform, tenantOrganizationOf } from "../../harness";

async function person(): Promise<{ id: string; email: string; identity: string }> {
  const email = `p.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const user = await clerkJson<{ id: string }>("/v1/users", { method: "POST", app: "end-user-api", body: JSON.stringify({ email_address: [email] }) });
  return { id: user.id, email, identity: await mintToken(user.id, { instance: "end-user-api", organizationId: null }) };
}

const emailOf = (platformId: string, userId: string) => env.DB.prepare("SELECT email FROM end_users WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, userId).first("email");

describe("GET /api/public/platforms/{platformId}", () => {
  it("serves the page of a mode (live by default), with no organization until someone joins; live needs the paid plan", async () => {
    const free = await seedPlatform({ plan: "free" });
    const page = await call("GET", `/api/public/platforms/${free.platformId}?mode=test`, { headers: { Origin: "https://anywhere.example" } });
    expect(page.status).toBe(200);
    expect(page.body).toMatchObject({ platformId: free.platformId, organizationId: null, mode: "preview" });
    expect(page.body.tiers.map((tier: { name: string }) => tier.name)).toEqual(["free", "pro"]);
    expect(page.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expectErrorShape(await call("GET", `/api/public/platforms/${free.platformId}`), 403, "live_mode_unavailable");

    const paid = await seedPlatform({ plan: "paid", mode: "live" });
    expect((await call("GET", `/api/public/platforms/${paid.platformId}`)).body).toMatchObject({ mode: "live", platformId: paid.platformId });
  });

  it("refuses an unknown platform (404), a malformed id or mode (400)", async () => {
    expectErrorShape(await call("GET", "/api/public/platforms/plt_0000000000000000?mode=test"), 404, "not_found");
    expectErrorShape(await call("GET", "/api/public/platforms/pk_test_nope?mode=test"), 400, "invalid_request");
    const platform = await seedPlatform();
    expectErrorShape(await call("GET", `/api/public/platforms/${platform.platformId}?mode=sandbox`), 400, "invalid_request");
    expectErrorShape(await call("GET", `/api/public/platforms/${platform.platformId}?mode=test&platformId=x`), 400, "invalid_request");
  });
});

describe("POST /api/public/platforms/{platformId}/join", () => {
  it("makes the person a member and a customer on the starting tier, once; the page then names the organization", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const { id, email, identity } = await person();
    const join = () => call("POST", `/api/public/platforms/${platform.platformId}/join?mode=test`, { token: identity, body: {} });
    const first = await join();
    expect(first.status).toBe(200);
    const organizationId = await tenantOrganizationOf(platform);
    expect(first.body).toEqual({ organizationId, userId: id, plan: "free", mode: "test" });
    expect(await join()).toMatchObject({ status: 200, body: first.body });
    expect(await organizationsOf(id)).toEqual([organizationId]);
    expect(await countRows("end_users", "platform_id = ?1", platform.platformId)).toBe(1);
    // The developer sees who joined, and the plan is on the membership too.
    expect(await emailOf(platform.platformId, id)).toBe(email);
    await expect.poll(() => membershipPlanOf(id, organizationId ?? "")).toBe("free");
    expect((await call("GET", `/api/public/platforms/${platform.platformId}?mode=test`)).body.organizationId).toBe(organizationId);
  });

  it("registers the person without an email one of the tenant's customers already has", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const { id, email, identity } = await person();
    await env.DB.prepare("INSERT INTO end_users (platform_id, mode, user_id, clerk_user_id, email, plan, created_at, updated_at) VALUES (?1, 'test', 'other', NULL, ?2, 'free', ?3, ?3)")
      .bind(platform.platformId, email, new Date().toISOString())
      .run();
    expect((await call("POST", `/api/public/platforms/${platform.platformId}/join?mode=test`, { token: identity, body: {} })).body).toMatchObject({ userId: id });
    expect(await emailOf(platform.platformId, id)).toBeNull();
    expect(await emailOf(platform.platformId, "other")).toBe(email);
  });

  it("takes only a person's session of the end-user app: no token, a secret key, a developer's session or a forged token are 401 and change nothing", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const path = `/api/public/platforms/${platform.platformId}/join?mode=test`;
    const developer = await createDeveloper();
    const { identity } = await person();
    const [header, , signature] = identity.split(".");
    const forged = `${header}.${btoa(JSON.stringify({ sub: "user_someone", exp: 9999999999 })).replace(/=+$/, "")}.${signature}`;
    for (const token of [null, platform.secretKey, developer.token, forged]) {
      expectErrorShape(await call("POST", path, { token, body: {} }), 401, "invalid_token");
    }
    expect(await countRows("end_users", "platform_id = ?1", platform.platformId)).toBe(0);
    expect(await tenantOrganizationOf(platform)).toBeNull();
  });

  it("refuses what cannot be joined, before anything is made: unknown platform, live without the plan, no tiers, a body with fields", async () => {
    const { id, identity } = await person();
    const join = (platformId: string, query = "mode=test", body: unknown = {}) => call("POST", `/api/public/platforms/${platformId}/join?${query}`, { token: identity, body });
    expectErrorShape(await join("plt_0000000000000000"), 404, "not_found");
    const free = await seedPlatform({ plan: "free" });
    expectErrorShape(await join(free.platformId, "mode=live"), 403, "live_mode_unavailable");
    const empty = await seedPlatform({ plan: "paid", tiers: [] });
    expectErrorShape(await join(empty.platformId), 409, "no_tiers_configured");
    expectErrorShape(await join(free.platformId, "mode=test", { platformId: "plt_other" }), 400, "invalid_request");
    expect(await organizationsOf(id)).toEqual([]);
    expect(await tenantOrganizationOf(empty)).toBeNull();
  });
});
