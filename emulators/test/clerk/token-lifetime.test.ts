/**
 * Session tokens as short-lived as Clerk's: 60 seconds, `nbf` ten seconds
 * back, an https `iss` naming the instance's Frontend API. They verify the
 * way the workers verify them (jwtKey or JWKS, `authorizedParties`), and the
 * session hands out a fresh one when the last has run out. The clock is the
 * test's own, starting just before a month ends, so no real date matters.
 */
import { createClerkClient, verifyToken } from "@clerk/backend";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeJwt, type RunningClerk, startClerk } from "./helpers.js";

const DASHBOARD = "http://localhost:5173";
const START = new Date("2031-02-28T23:59:30Z");

let clerk: RunningClerk;
let seq = 0;

beforeAll(async () => {
  clerk = await startClerk();
});
afterAll(() => clerk.close());

beforeEach(() => {
  // Only Date: the HTTP server and client keep their real timers.
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
});
afterEach(() => {
  vi.useRealTimers();
});

/** Moves the shared clock (the stand-in's and the verifier's) forward. */
const advance = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

async function signIn(instance: "dream-api" | "end-user-api" = "dream-api") {
  const user = await clerk.emulator.createUser(instance, { email: `lifetime.${++seq}@example.com` });
  const res = await fetch(`${clerk.url}/local/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ instance, userId: user.id, azp: DASHBOARD }),
  });
  const { jwt, session_id } = (await res.json()) as { jwt: string; session_id: string };
  return { user, jwt, sessionId: session_id };
}

async function refresh(sessionId: string): Promise<string> {
  const res = await fetch(`${clerk.url}/local/sessions/${sessionId}/tokens`, { method: "POST" });
  expect(res.status).toBe(200);
  return ((await res.json()) as { jwt: string }).jwt;
}

/** As front-auth-api verifies a developer's token: networkless with the PEM key, `azp` checked. */
const asWorker = (token: string) => verifyToken(token, { jwtKey: clerk.emulator.instance("dream-api").jwtKeyPem, authorizedParties: [DASHBOARD] });

describe("session token lifetime", () => {
  it("lives 60 seconds, with nbf ten seconds back and the instance's https issuer", async () => {
    const { jwt } = await signIn();
    const { payload } = decodeJwt(jwt);
    const iat = Math.floor(START.getTime() / 1000);
    expect(payload).toMatchObject({ iat, nbf: iat - 10, exp: iat + 60, iss: "https://dream-api.clerk.accounts.dev" });
    expect(clerk.emulator.instance("dream-api").issuer).toBe("https://dream-api.clerk.accounts.dev");
    expect(clerk.emulator.instance("end-user-api").issuer).toBe("https://end-user-api.clerk.accounts.dev");
    const endUser = await signIn("end-user-api");
    expect(decodeJwt(endUser.jwt).payload.iss).toBe("https://end-user-api.clerk.accounts.dev");
  });

  it("verifies as the workers verify it until it expires, then not", async () => {
    const { jwt } = await signIn();
    expect((await asWorker(jwt)).azp).toBe(DASHBOARD);
    advance(59);
    expect((await asWorker(jwt)).azp).toBe(DASHBOARD);
    // @clerk/backend allows five seconds of skew past exp.
    advance(7);
    await expect(asWorker(jwt)).rejects.toThrow(/expired/i);
  });

  it("verifies against the instance's JWKS, and through authenticateRequest with the instance's publishable key", async () => {
    const { user, jwt } = await signIn();
    const { secretKey, publishableKey, jwtKeyPem } = clerk.emulator.instance("dream-api");
    expect((await verifyToken(jwt, { secretKey, apiUrl: clerk.url, authorizedParties: [DASHBOARD], skipJwksCache: true })).sub).toBe(user.id);

    const client = createClerkClient({ secretKey, apiUrl: clerk.url, ...(publishableKey ? { publishableKey } : {}) });
    const request = (token: string) => new Request("https://api.example/ping", { headers: { authorization: `Bearer ${token}` } });
    const signedIn = await client.authenticateRequest(request(jwt), { jwtKey: jwtKeyPem, authorizedParties: [DASHBOARD] });
    expect(signedIn.isSignedIn).toBe(true);
    expect(signedIn.toAuth()).toMatchObject({ userId: user.id });
    advance(66);
    const expired = await client.authenticateRequest(request(jwt), { jwtKey: jwtKeyPem, authorizedParties: [DASHBOARD] });
    expect(expired.isSignedIn).toBe(false);
  });

  it("hands out a fresh token for the session after the last one ran out", async () => {
    const { user, jwt, sessionId } = await signIn();
    // Past exp and @clerk/backend's five seconds of skew.
    advance(66);
    await expect(asWorker(jwt)).rejects.toThrow(/expired/i);
    const fresh = await refresh(sessionId);
    const claims = await asWorker(fresh);
    expect(claims).toMatchObject({ sub: user.id, sid: sessionId, iat: (decodeJwt(jwt).payload.iat as number) + 66 });
    expect(claims.exp).toBe(claims.iat + 60);
    // The same holds ten minutes on: each refresh is a full minute from its own issue.
    for (let minute = 0; minute < 10; minute++) {
      advance(60);
      expect((await asWorker(await refresh(sessionId))).sid).toBe(sessionId);
    }
  });

  it("keeps a longer lifetime only where a caller asks for it (test helpers), and the instance option", async () => {
    const { user } = await signIn();
    const token = await clerk.emulator.mintSessionToken({ instance: "dream-api", userId: user.id, expiresInSeconds: 3600 });
    const { payload } = decodeJwt(token);
    expect(payload.exp).toBe((payload.iat as number) + 3600);

    const longer = await startClerk({ tokenLifetimeSeconds: 300 });
    try {
      const other = await longer.emulator.createUser("dream-api", { email: "longer@example.com" });
      const minted = decodeJwt(await longer.emulator.mintSessionToken({ instance: "dream-api", userId: other.id })).payload;
      expect(minted.exp).toBe((minted.iat as number) + 300);
    } finally {
      await longer.close();
    }
  });
});

describe("issuer of a configured instance", () => {
  it("is the Frontend API host its publishable key encodes, else one named after the instance", async () => {
    const encoded = Buffer.from("clerk.pay.example.com$").toString("base64").replace(/=+$/, "");
    const custom = await startClerk({
      instances: [
        { name: "dream-api", secretKey: "sk_test_custom_dream_0000000000000000" },
        { name: "end-user-api", secretKey: "sk_test_custom_enduser_00000000000000", publishableKey: `pk_live_${encoded}` },
      ],
    });
    try {
      expect(custom.emulator.instance("dream-api").issuer).toBe("https://dream-api.clerk.accounts.dev");
      expect(custom.emulator.instance("end-user-api").issuer).toBe("https://clerk.pay.example.com");
      const user = await custom.emulator.createUser("end-user-api", { email: "issuer@example.com" });
      const token = await custom.emulator.mintSessionToken({ instance: "end-user-api", userId: user.id });
      expect(decodeJwt(token).payload.iss).toBe("https://clerk.pay.example.com");
    } finally {
      await custom.close();
    }
  });
});
