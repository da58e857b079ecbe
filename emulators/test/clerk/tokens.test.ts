import { createClerkClient, verifyToken } from "@clerk/backend";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ClerkApiError } from "../../src/clerk/index.js";
import { type RunningClerk, decodeJwt, startClerk, tamper } from "./helpers.js";

let clerk: RunningClerk;
let dreamKey: string;
let endUserKey: string;

beforeAll(async () => {
  clerk = await startClerk();
  dreamKey = clerk.emulator.instance("dream-api").jwtKeyPem;
  endUserKey = clerk.emulator.instance("end-user-api").jwtKeyPem;
});
afterAll(() => clerk.close());

describe("session JWTs", () => {
  it("verifies with jwtKey and carries the dream-api template claims", async () => {
    const user = await clerk.emulator.createUser("dream-api", { email: "dev@example.com", publicMetadata: { plan: "paid" } });
    const token = await clerk.emulator.mintSessionToken({ instance: "dream-api", userId: user.id, azp: "http://localhost:5173" });

    const claims = await verifyToken(token, { jwtKey: dreamKey, authorizedParties: ["http://localhost:5173"] });
    expect(claims).toMatchObject({ sub: user.id, plan: "paid", azp: "http://localhost:5173", v: 2, iss: "https://dream-api.clerk.accounts.dev" });
    expect(claims.sid).toMatch(/^sess_/);
    expect(decodeJwt(token).header).toMatchObject({ alg: "RS256", typ: "JWT", kid: expect.stringMatching(/^ins_/) });
  });

  it("adds plan (default free) for dream-api, and no custom claim for end-user-api, whatever its metadata", async () => {
    const dev = await clerk.emulator.createUser("dream-api", { email: "newdev@example.com" });
    const devClaims = await verifyToken(await clerk.emulator.mintSessionToken({ instance: "dream-api", userId: dev.id }), { jwtKey: dreamKey });
    expect(devClaims.plan).toBe("free");

    const endUser = await clerk.emulator.createUser("end-user-api", { email: "eu@example.com", publicMetadata: { publishableKey: "pk_test_abc", plan: "pro" } });
    const claims = await verifyToken(await clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: endUser.id }), { jwtKey: endUserKey });
    expect(claims).not.toHaveProperty("publishableKey");
    expect(claims).not.toHaveProperty("plan");
    const token = await clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: endUser.id, extraClaims: { custom: 1 } });
    expect(await verifyToken(token, { jwtKey: endUserKey })).toMatchObject({ sub: endUser.id, custom: 1 });
  });

  it("rejects altered, expired, foreign-key and wrong-party tokens", async () => {
    const user = await clerk.emulator.createUser("dream-api", { email: "attacker@example.com" });
    const token = await clerk.emulator.mintSessionToken({ instance: "dream-api", userId: user.id, azp: "http://localhost:5173" });

    await expect(verifyToken(tamper(token, { plan: "paid" }), { jwtKey: dreamKey })).rejects.toThrow(/signature/i);
    await expect(verifyToken(token, { jwtKey: endUserKey })).rejects.toThrow(/signature/i);
    await expect(verifyToken(token, { jwtKey: dreamKey, authorizedParties: ["https://evil.example"] })).rejects.toThrow(/azp/i);

    const expired = await clerk.emulator.mintSessionToken({ instance: "dream-api", userId: user.id, expiresInSeconds: -60 });
    await expect(verifyToken(expired, { jwtKey: dreamKey })).rejects.toThrow(/expired/i);
  });

  it("verifies through the Backend API JWKS too (secretKey + apiUrl)", async () => {
    const user = await clerk.emulator.createUser("end-user-api", { email: "jwks@example.com" });
    const token = await clerk.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id });
    const secretKey = clerk.emulator.instance("end-user-api").secretKey;
    expect((await verifyToken(token, { secretKey, apiUrl: clerk.url, skipJwksCache: true })).sub).toBe(user.id);
  });

  it("refuses to mint for an unknown user", async () => {
    await expect(clerk.emulator.mintSessionToken({ instance: "dream-api", userId: "user_missing" })).rejects.toBeInstanceOf(ClerkApiError);
  });

  it("POST /local/tokens mints the same kind of token, and validates its body", async () => {
    const user = await clerk.emulator.createUser("end-user-api", { email: "local-mint@example.com" });
    const res = await fetch(`${clerk.url}/local/tokens`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ instance: "end-user-api", userId: user.id, claims: { role: "tester" } }),
    });
    expect(res.status).toBe(200);
    const { jwt, session_id } = (await res.json()) as { jwt: string; session_id: string };
    expect(await verifyToken(jwt, { jwtKey: endUserKey })).toMatchObject({ sub: user.id, sid: session_id, role: "tester" });

    const bad: Array<[unknown, number, string]> = [
      [{ instance: "nope", userId: user.id }, 422, "form_param_value_invalid"],
      [{ instance: "end-user-api" }, 422, "form_param_missing"],
      [{ instance: "end-user-api", userId: 7 }, 422, "form_param_type_invalid"],
      [{ instance: "end-user-api", userId: "user_missing" }, 404, "resource_not_found"],
    ];
    for (const [body, status, code] of bad) {
      const r = await fetch(`${clerk.url}/local/tokens`, { method: "POST", body: JSON.stringify(body) });
      expect(r.status, JSON.stringify(body)).toBe(status);
      expect(await r.json()).toMatchObject({ errors: [{ code }] });
    }
  });

  it("a token minted for one instance is useless against the other's Backend API key", async () => {
    // Sanity for the instance split: the public keys differ, so do the JWKS.
    expect(dreamKey).not.toBe(endUserKey);
    const dreamClient = createClerkClient({ secretKey: clerk.emulator.instance("dream-api").secretKey, apiUrl: clerk.url });
    const user = await dreamClient.users.createUser({ emailAddress: ["split@example.com"] });
    const token = await clerk.emulator.mintSessionToken({ instance: "dream-api", userId: user.id });
    const endUserSecret = clerk.emulator.instance("end-user-api").secretKey;
    await expect(verifyToken(token, { secretKey: endUserSecret, apiUrl: clerk.url, skipJwksCache: true })).rejects.toThrow();
  });
});
