import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { awaitRateLimitWindow, call, client, createDeveloper, expectError, mintToken } from "./harness";

describe("session JWT authentication", () => {
  it("accepts a dream-api session and creates the developer's platform once", async () => {
    const dev = await createDeveloper();
    const first = await call("GET", "/me", { token: dev.token });
    const second = await call("GET", "/me", { token: dev.token });
    expect(first.status).toBe(200);
    expect(first.body.platformId).toMatch(/^plt_/);
    expect(second.body.platformId).toBe(first.body.platformId);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM platforms WHERE developer_id = ?1").bind(dev.id).first<{ n: number }>();
    expect(rows?.n).toBe(1);
  });

  it("rejects a missing, forged or expired token with 401 unauthenticated", async () => {
    const dev = await createDeveloper();
    expectError(await call("GET", "/me"), 401, "unauthenticated");
    expectError(await call("GET", "/me", { headers: { Authorization: "Basic abc" } }), 401, "unauthenticated");
    const [header, payload, signature] = dev.token.split(".");
    const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/")));
    const forgedPayload = btoa(JSON.stringify({ ...claims, sub: "user_someone_else" }))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    expectError(await call("GET", "/me", { token: `${header}.${forgedPayload}.${signature}` }), 401, "unauthenticated");
    expectError(await call("GET", "/me", { token: "not.a.jwt" }), 401, "unauthenticated");
    const expired = await mintToken(dev.id, { expiresInSeconds: -120 });
    expectError(await call("GET", "/me", { token: expired }), 401, "unauthenticated");
  });

  it("rejects a token of the other Clerk app (end-user-api)", async () => {
    const response = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
      method: "POST",
      headers: { Authorization: `Bearer ${inject("endUserClerkSecret")}`, "Content-Type": "application/json" },
      body: JSON.stringify({ email_address: [`end.${crypto.randomUUID().slice(0, 8)}@example.com`] }),
    });
    const endUser = (await response.json()) as { id: string };
    const token = await mintToken(endUser.id, { instance: "end-user-api" });
    expectError(await call("GET", "/me", { token }), 401, "unauthenticated");
  });

  it("rejects a token whose azp is not an authorized party", async () => {
    const dev = await createDeveloper();
    const token = await mintToken(dev.id, { azp: "https://evil.example" });
    expectError(await call("GET", "/me", { token }), 401, "unauthenticated");
  });

  it("lets the stored plan win over the JWT's plan claim", async () => {
    const dev = await createDeveloper();
    await call("GET", "/me", { token: dev.token });
    await env.DB.prepare("UPDATE platforms SET plan = 'paid' WHERE developer_id = ?1").bind(dev.id).run();
    // The token still says plan "free" (Clerk metadata lags behind).
    const me = await client()("GET", "/me", { token: dev.token });
    expect(me.body.plan).toBe("paid");
    expect(me.body.usage.limit).toBe(500);
  });

  it("refuses the 101st request in a minute with 429 and Retry-After", async () => {
    const dev = await createDeveloper();
    await awaitRateLimitWindow(101);
    for (let i = 0; i < 100; i++) expect((await call("GET", "/me", { token: dev.token })).status).toBe(200);
    const refused = await call("GET", "/me", { token: dev.token });
    expectError(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
  });
});
