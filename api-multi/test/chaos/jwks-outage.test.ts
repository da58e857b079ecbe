/**
 * Deployments without CLERK_JWT_KEY / DEVELOPER_CLERK_JWT_KEY verify session
 * JWTs (end-users' and developers' dashboard sessions) against the Clerk
 * instance's JWKS. When Clerk cannot serve it the answer is 502
 * `clerk_error` — the token may be valid, so 401 `invalid_token` would be
 * wrong — and a token that really is invalid stays 401 once Clerk answers.
 *
 * Each test opens its own Clerk fault proxy: a new API URL, so the JWKS
 * cache (keyed by it) starts cold.
 */
import { describe, expect, inject, it } from "vitest";
import { call, expectErrorShape, FaultProxy, mintToken, seedConnectedPlatform } from "../harness";

async function endUserSession(): Promise<string> {
  const platform = await seedConnectedPlatform();
  const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "jwks", email: `jwks.${crypto.randomUUID().slice(0, 8)}@example.com` } });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return mintToken(created.body.customer.clerkUserId, { instance: "end-user-api", azp: "https://app.developer.example" });
}

async function developerSession(): Promise<string> {
  const response = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
    method: "POST",
    headers: { Authorization: `Bearer ${inject("dreamApiClerkSecret")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ email_address: [`dev.${crypto.randomUUID().slice(0, 8)}@example.com`] }),
  });
  return mintToken(((await response.json()) as { id: string }).id);
}

function throughClerk(proxy: FaultProxy): Partial<Env> {
  return { CLERK_API_URL: proxy.url, CLERK_JWT_KEY: undefined, DEVELOPER_CLERK_JWT_KEY: undefined } as Partial<Env>;
}

describe("session JWTs while Clerk's JWKS is unavailable", () => {
  it("an end-user session is a 502 clerk_error, and works once Clerk is back", async () => {
    const jwt = await endUserSession();
    const clerk = await FaultProxy.open("clerk");
    await clerk.arm({ pathPrefix: "/v1/jwks" });
    expectErrorShape(await call("GET", "/api/usage", { key: jwt, envOverrides: throughClerk(clerk) }), 502, "clerk_error");
    await clerk.clear();
    expect((await call("GET", "/api/usage", { key: jwt, envOverrides: throughClerk(clerk) })).status).toBe(200);
    const [header, payload] = jwt.split(".");
    expectErrorShape(await call("GET", "/api/usage", { key: `${header}.${payload}.${"A".repeat(342)}`, envOverrides: throughClerk(clerk) }), 401, "invalid_token");
  });

  it("a developer's dashboard session is a 502 clerk_error", async () => {
    const jwt = await developerSession();
    const clerk = await FaultProxy.open("clerk");
    await clerk.arm({ pathPrefix: "/v1/jwks", mode: "drop" });
    expectErrorShape(await call("GET", "/api/dashboard", { key: jwt, envOverrides: throughClerk(clerk) }), 502, "clerk_error");
  });
});
