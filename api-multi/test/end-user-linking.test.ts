/**
 * The README's default: a backend tracks an end-user under their Clerk user
 * id before the end-user's own session ever calls. That session must find
 * the customer the backend made (and link it), not fail or make another.
 */
import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { call, expectErrorShape, mintToken, seedPlatform, type SeededPlatform } from "./harness";

async function signedUpEndUser(platform: SeededPlatform): Promise<{ clerkUserId: string; token: string }> {
  const response = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
    method: "POST",
    headers: { Authorization: `Bearer ${inject("endUserClerkSecret")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ email_address: [`link.${crypto.randomUUID().slice(0, 8)}@example.com`], public_metadata: { publishableKey: platform.publishableKey } }),
  });
  const clerkUserId = ((await response.json()) as { id: string }).id;
  return { clerkUserId, token: await mintToken(clerkUserId, { instance: "end-user-api", azp: "https://app.developer.example" }) };
}

const rows = (platformId: string) =>
  env.DB.prepare("SELECT user_id, clerk_user_id FROM end_users WHERE platform_id = ?1 ORDER BY user_id")
    .bind(platformId)
    .all()
    .then((result) => result.results);

describe("an end-user session finds the customer its backend registered under the Clerk id", () => {
  it.each([
    ["a paid developer's platform", "paid"],
    ["a preview platform (free developer, test key)", "free"],
  ] as const)("%s: GET /api/usage answers with the backend's count, and the customer is linked, not duplicated", async (_label, plan) => {
    const platform = await seedPlatform({ plan, tiers: [{ name: "free", limit: 10 }] });
    const endUser = await signedUpEndUser(platform);
    expect((await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: endUser.clerkUserId, amount: 3 } })).status).toBe(200);
    const own = await call("GET", "/api/usage", { key: endUser.token });
    expect(own.status).toBe(200);
    expect(own.body.usage).toMatchObject({ count: 3, limit: 10, plan: "free" });
    expect(await rows(platform.platformId)).toEqual([{ user_id: endUser.clerkUserId, clerk_user_id: endUser.clerkUserId }]);
    expect((await call("GET", "/api/usage", { key: endUser.token })).body.usage.count).toBe(3);
  });

  it("on a preview platform at its end-user cap, an end-user the backend already registered is still served", async () => {
    const platform = await seedPlatform({ plan: "free", tiers: [{ name: "free", limit: 10 }] });
    const endUser = await signedUpEndUser(platform);
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: endUser.clerkUserId } });
    const capOne = { PREVIEW_MAX_END_USERS: "1" } as Partial<Env>;
    expect((await call("GET", "/api/usage", { key: endUser.token, envOverrides: capOne })).status).toBe(200);
    const stranger = await signedUpEndUser(platform);
    expectErrorShape(await call("GET", "/api/usage", { key: stranger.token, envOverrides: capOne }), 403, "preview_limit_reached");
  });

  it("a userId already linked to another Clerk user is a 409, not a 500", async () => {
    const platform = await seedPlatform({ plan: "paid", tiers: [{ name: "free", limit: 10 }] });
    const endUser = await signedUpEndUser(platform);
    await env.DB.prepare("INSERT INTO end_users (platform_id, mode, user_id, clerk_user_id, email, plan, created_at, updated_at) VALUES (?1, 'test', ?2, 'user_someone_else', NULL, 'free', ?3, ?3)")
      .bind(platform.platformId, endUser.clerkUserId, new Date().toISOString())
      .run();
    expectErrorShape(await call("GET", "/api/usage", { key: endUser.token }), 409, "conflict");
  });
});
