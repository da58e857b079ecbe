/**
 * The README's default: a backend tracks an end-user under their Clerk user
 * id before the person ever joins on the pricing page. Joining must find
 * the customer the backend made (and link it), not fail or make another.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, clerkJson, expectErrorShape, mintToken, organizationsOf, seedPlatform, type SeededPlatform } from "./harness";

/** A person who signed up in the end-user app (no organization yet), and their session as the pricing page first holds it. */
async function signedUpPerson(): Promise<{ clerkUserId: string; identity: string }> {
  const user = await clerkJson<{ id: string }>("/v1/users", { method: "POST", app: "end-user-api", body: JSON.stringify({ email_address: [`link.${crypto.randomUUID().slice(0, 8)}@example.com`] }) });
  return { clerkUserId: user.id, identity: await mintToken(user.id, { instance: "end-user-api", organizationId: null }) };
}

function join(platform: SeededPlatform, identity: string, envOverrides?: Partial<Env>) {
  return call("POST", `/api/public/platforms/${platform.platformId}/join?mode=${platform.mode}`, { token: identity, body: {}, ...(envOverrides ? { envOverrides } : {}) });
}

const rows = (platformId: string) =>
  env.DB.prepare("SELECT user_id, clerk_user_id FROM end_users WHERE platform_id = ?1 ORDER BY user_id")
    .bind(platformId)
    .all()
    .then((result) => result.results);

describe("joining finds the customer the backend registered under the Clerk id", () => {
  it.each([
    ["a paid developer's platform", "paid"],
    ["a preview platform (free developer, test key)", "free"],
  ] as const)("%s: the joined session answers with the backend's count, and the customer is linked, not duplicated", async (_label, plan) => {
    const platform = await seedPlatform({ plan, tiers: [{ name: "free", limit: 10 }] });
    const person = await signedUpPerson();
    expect((await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: person.clerkUserId, amount: 3 } })).status).toBe(200);
    const joined = await join(platform, person.identity);
    expect(joined.status).toBe(200);
    expect(joined.body).toMatchObject({ userId: person.clerkUserId, plan: "free", mode: platform.mode });
    const token = await mintToken(person.clerkUserId, { instance: "end-user-api", organizationId: joined.body.organizationId });
    const own = await call("GET", "/api/usage", { key: token });
    expect(own.status).toBe(200);
    expect(own.body.usage).toMatchObject({ count: 3, limit: 10, plan: "free" });
    expect(await rows(platform.platformId)).toEqual([{ user_id: person.clerkUserId, clerk_user_id: person.clerkUserId }]);
    expect((await join(platform, person.identity)).body).toEqual(joined.body);
    expect(await rows(platform.platformId)).toHaveLength(1);
  });

  it("on a preview platform at its end-user cap, an end-user the backend already registered still joins; a new person is refused and made no member", async () => {
    const platform = await seedPlatform({ plan: "free", tiers: [{ name: "free", limit: 10 }] });
    const person = await signedUpPerson();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: person.clerkUserId } });
    const capOne = { PREVIEW_MAX_END_USERS: "1" } as Partial<Env>;
    expect((await join(platform, person.identity, capOne)).status).toBe(200);
    const stranger = await signedUpPerson();
    expectErrorShape(await join(platform, stranger.identity, capOne), 403, "preview_limit_reached");
    expect(await organizationsOf(stranger.clerkUserId)).toEqual([]);
  });

  it("a userId already linked to another Clerk user is a 409, not a 500, and the membership this join made is taken back", async () => {
    const platform = await seedPlatform({ plan: "paid", tiers: [{ name: "free", limit: 10 }] });
    const person = await signedUpPerson();
    await env.DB.prepare("INSERT INTO end_users (platform_id, mode, user_id, clerk_user_id, email, plan, created_at, updated_at) VALUES (?1, 'test', ?2, 'user_someone_else', NULL, 'free', ?3, ?3)")
      .bind(platform.platformId, person.clerkUserId, new Date().toISOString())
      .run();
    expectErrorShape(await join(platform, person.identity), 409, "conflict");
    await expect.poll(() => organizationsOf(person.clerkUserId)).toEqual([]);
  });
});
