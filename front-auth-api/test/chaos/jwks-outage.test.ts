/**
 * Deployments without CLERK_JWT_KEY verify developer sessions against the
 * Clerk instance's JWKS (fetched from Clerk's Backend API, cached per
 * isolate). When Clerk cannot serve it — 5xx, a dropped connection, no
 * answer within CLERK_TIMEOUT_MS — the request answers 502 `clerk_error`
 * and writes nothing: the token may be perfectly valid, so "sign in again"
 * (401) would be wrong. A token that really is invalid or expired stays 401
 * once the JWKS is available.
 *
 * Each test opens its own Clerk fault proxy: its URL is new, so the JWKS
 * cache (keyed by API URL) starts cold and the first request must fetch it.
 */
import { env } from "cloudflare:test";
import { describe, expect, inject, it } from "vitest";
import { call, createDeveloper, expectError, FaultProxy, mintToken, type Developer } from "../harness";

/** Verification through `proxy` with no networkless key: the JWKS must come from "Clerk". */
function throughClerk(proxy: FaultProxy, extra: Record<string, string> = {}): Partial<Env> {
  return { CLERK_API_URL: proxy.url, CLERK_JWT_KEY: undefined, ...extra } as Partial<Env>;
}

/** A user of the other Clerk app (end-user-api), whose tokens are signed with another key. */
async function endUserApiUser(): Promise<string> {
  const response = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
    method: "POST",
    headers: { Authorization: `Bearer ${inject("endUserClerkSecret")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ email_address: [`end.${crypto.randomUUID().slice(0, 8)}@example.com`] }),
  });
  return ((await response.json()) as { id: string }).id;
}

async function platformRows(developer: Developer): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM platforms WHERE developer_id = ?1").bind(developer.id).first<{ n: number }>();
  return row?.n ?? 0;
}

describe("developer sessions while Clerk's JWKS is unavailable", () => {
  it("a JWKS fetch answering 500 is a 502 clerk_error, writes nothing, and the same token works once Clerk is back", async () => {
    const clerk = await FaultProxy.open("clerk");
    await clerk.arm({ pathPrefix: "/v1/jwks" });
    const developer = await createDeveloper();
    const envOverrides = throughClerk(clerk);
    expectError(await call("POST", "/credentials", { token: developer.token, envOverrides }), 502, "clerk_error");
    expectError(await call("GET", "/me", { token: developer.token, envOverrides }), 502, "clerk_error");
    expect(await platformRows(developer)).toBe(0);

    await clerk.clear();
    const issued = await call("POST", "/credentials", { token: developer.token, envOverrides });
    expect(issued.status).toBe(201);
    expect(await platformRows(developer)).toBe(1);
  });

  it("a dropped connection to Clerk is a 502 clerk_error", async () => {
    const clerk = await FaultProxy.open("clerk");
    await clerk.arm({ pathPrefix: "/v1/jwks", mode: "drop" });
    const developer = await createDeveloper();
    expectError(await call("GET", "/me", { token: developer.token, envOverrides: throughClerk(clerk) }), 502, "clerk_error");
  });

  it("a JWKS fetch that does not answer within CLERK_TIMEOUT_MS is a 502 clerk_error", async () => {
    const clerk = await FaultProxy.open("clerk");
    await clerk.arm({ pathPrefix: "/v1/jwks", mode: "hang", delayMs: 1_500, times: 1 });
    const developer = await createDeveloper();
    const started = Date.now();
    expectError(await call("GET", "/me", { token: developer.token, envOverrides: throughClerk(clerk, { CLERK_TIMEOUT_MS: "200" }) }), 502, "clerk_error");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("with the JWKS available, an invalid, expired or foreign token is still 401 unauthenticated", async () => {
    const clerk = await FaultProxy.open("clerk");
    const developer = await createDeveloper();
    const envOverrides = throughClerk(clerk);
    const expired = await mintToken(developer.id, { expiresInSeconds: -120 });
    const otherInstance = await mintToken(await endUserApiUser(), { instance: "end-user-api" });
    const [header, payload] = developer.token.split(".");
    const b64 = (json: string) => btoa(json).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
    const hostile = [
      "not.a.jwt",
      "a.b.c",
      "%%%.%%%.%%%",
      `${b64('{"alg":"none","typ":"JWT"}')}.${payload}.`,
      `${b64('{"alg":"RS256","kid":123}')}.${payload}.${"A".repeat(342)}`,
      `${b64('{"alg":"HS256","kid":"x"}')}.${payload}.${"A".repeat(43)}`,
      `${header}.${payload}.${"A".repeat(342)}`,
    ];
    for (const token of [expired, otherInstance, ...hostile]) {
      expectError(await call("GET", "/me", { token, envOverrides }), 401, "unauthenticated");
    }
    expect((await call("GET", "/me", { token: developer.token, envOverrides })).status).toBe(200);
    expect((await clerk.requests()).some((request) => request.path.startsWith("/v1/jwks"))).toBe(true);
  });
});
