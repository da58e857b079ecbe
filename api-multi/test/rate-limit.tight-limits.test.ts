/**
 * The rate-limit buckets, on the real Workers rate-limit bindings with small
 * limits (project "api-multi:tight-limits" in vitest.config.mts: 5 per
 * end-user, 20 per secret key, 20 for all end-user sessions of a tenant, 8 per client IP, per
 * minute), so each bucket can be run to its end in a few calls.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { awaitRateLimitWindow, call, expectErrorShape, joinedEndUser, seedPlatform, type SeededPlatform } from "./harness";

const PER_END_USER = 5;
const PER_KEY = 20;
const PER_TENANT_SESSIONS = 20;
const PER_IP = 8;

/** A person who joined the platform on its pricing page (joining is limited per client IP, which these calls do not send). */
async function endUserSession(platform: SeededPlatform): Promise<string> {
  return (await joinedEndUser(platform)).token;
}

const randomIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

describe("end-user sessions have their own buckets", () => {
  it("a chatty end-user is refused on its own bucket, all end-users together on the tenant's, and the secret key's bucket is never spent by them", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: null }] });
    const sessions = await Promise.all(Array.from({ length: 5 }, () => endUserSession(platform)));
    await awaitRateLimitWindow(PER_END_USER * 3 + PER_TENANT_SESSIONS + PER_KEY + 5);

    // One end-user far past its own limit: refused on the per-end-user bucket, which spends nothing of the tenant's.
    const chatty = [];
    for (let i = 0; i < PER_END_USER * 3; i++) chatty.push(await call("GET", "/api/usage", { key: sessions[0]! }));
    expect(chatty.filter((result) => result.status === 200)).toHaveLength(PER_END_USER);
    for (const refused of chatty.slice(PER_END_USER)) {
      expectErrorShape(refused, 429, "rate_limited");
      expect(refused.body.error.message).toContain("end-user");
    }
    // Four more end-users: 20 calls fill the tenant's end-user bucket (the chatty one spent 5 of it)...
    const others = [];
    for (const session of sessions.slice(1)) for (let i = 0; i < PER_END_USER; i++) others.push(await call("GET", "/api/usage", { key: session }));
    expect(others.filter((result) => result.status === 200)).toHaveLength(PER_TENANT_SESSIONS - PER_END_USER);
    const overTenant = others.filter((result) => result.status !== 200);
    expect(overTenant.length).toBeGreaterThan(0);
    for (const refused of overTenant) expect(refused.body.error.message).toContain("app's end-users");

    // ...while the developer's backend still has its whole bucket.
    const backend = [];
    for (let i = 0; i < PER_KEY; i++) backend.push(await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: `backend-${i}` } }));
    expect(backend.map((result) => result.status)).toEqual(Array(PER_KEY).fill(200));
    expectErrorShape(await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "one-more" } }), 429, "rate_limited");
  });
});

describe("per client IP (CF-Connecting-IP)", () => {
  it("limits the public pricing route per IP; other IPs, and calls without the header (no edge in front), are not affected", async () => {
    const platform = await seedPlatform();
    const ip = randomIp();
    await awaitRateLimitWindow(PER_IP * 3);
    const tiers = (headers: Record<string, string>) => call("GET", `/api/public/tiers?pk=${platform.publishableKey}`, { headers });
    for (let i = 0; i < PER_IP; i++) expect((await tiers({ "CF-Connecting-IP": ip })).status).toBe(200);
    const refused = await tiers({ "CF-Connecting-IP": ip });
    expectErrorShape(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await tiers({ "CF-Connecting-IP": randomIp() })).status).toBe(200);
    expect((await tiers({})).status).toBe(200);
  });

  it("made-up keys: each costs at most one storage lookup per IP bucket slot, then 429 with no lookup; a repeated unknown key is looked up once", async () => {
    const ip = randomIp();
    let lookups = 0;
    const counting = new Proxy(env.DB, {
      get(target, property) {
        if (property === "prepare") {
          return (sql: string) => {
            if (/FROM api_keys/.test(sql)) lookups += 1;
            return target.prepare(sql);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const probe = (secret: string) => call("GET", "/api/tiers", { key: secret, headers: { "CF-Connecting-IP": ip }, envOverrides: { DB: counting } });
    const made = () => `sk_test_${crypto.randomUUID().replace(/-/g, "")}${crypto.randomUUID().replace(/-/g, "").slice(0, 8)}`;
    await awaitRateLimitWindow(PER_IP * 3);

    const repeated = made();
    for (let i = 0; i < 5; i++) expectErrorShape(await probe(repeated), 401, "invalid_api_key");
    expect(lookups).toBe(1);

    for (let i = 0; i < PER_IP - 1; i++) expectErrorShape(await probe(made()), 401, "invalid_api_key");
    expect(lookups).toBe(PER_IP);
    for (let i = 0; i < 5; i++) expectErrorShape(await probe(made()), 429, "rate_limited");
    expect(lookups).toBe(PER_IP);
  });
});
