/**
 * A tab left open for many minutes: session tokens live 60 seconds, as
 * Clerk's do, yet no call of the dashboard or of the pricing page fails,
 * because each call asks the session for a token and gets a fresh one once
 * the last has less than 30 s to live. Against the real Clerk stand-in (its
 * sign-in pages, `touch` and token endpoint) and workers stand-ins that
 * verify each token as the workers do, with `@clerk/backend`. The clock is
 * the test's own (the stand-in's, the verifier's and the page's), starting
 * just before a year ends, so the real date never matters.
 */
import { verifyToken } from "@clerk/backend";
import { type ClerkEmulator, createClerkEmulator } from "@dream-api/emulators/clerk";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { developerApi } from "../src/api/developer-api";
import { publicApi } from "../src/api/public-api";
import { claimsOf, LocalSession } from "../src/auth/local-session";
import { config } from "../src/config";
import { actsFor } from "../src/lib/active-organization";
import { memoryStorage } from "./support/memory-storage";

const DASHBOARD = "http://127.0.0.1:5173";
const START = new Date("2030-12-31T23:55:00Z").getTime();

let clerk: ClerkEmulator;
/** Every token a workers' stand-in accepted, and every refusal. */
let accepted: string[];
let refused: string[];

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const unauthenticated = () => json(401, { error: { code: "unauthenticated", message: "The session token is invalid or expired. Sign in again." }, requestId: "req_test" });
const bearer = (request: Request) => /^Bearer (\S+)$/.exec(request.headers.get("Authorization") ?? "")?.[1] ?? "";

/** front-auth-api as far as the session goes: a dream-api session token whose azp is the dashboard (verifyDeveloperToken). */
async function frontAuthApi(request: Request): Promise<Response> {
  const token = bearer(request);
  try {
    const claims = await verifyToken(token, { jwtKey: clerk.instance("dream-api").jwtKeyPem, authorizedParties: [DASHBOARD] });
    accepted.push(token);
    return json(200, { developerId: claims.sub });
  } catch {
    refused.push(token);
    return unauthenticated();
  }
}

/** api-multi's end-user routes as far as the session goes: an end-user-api session token, the tenant from its active organization. */
async function apiMulti(request: Request): Promise<Response> {
  const token = bearer(request);
  try {
    const claims = await verifyToken(token, { jwtKey: clerk.instance("end-user-api").jwtKeyPem });
    const organizationId = (claims as { o?: { id?: string } }).o?.id;
    if (!organizationId) return json(403, { error: { code: "no_active_organization", message: "No developer." }, requestId: "req_test" });
    accepted.push(token);
    return json(200, { usage: { plan: "free", organizationId } });
  } catch {
    refused.push(token);
    return unauthenticated();
  }
}

/** The browser's network: the Clerk stand-in in-process, and the two workers above. */
function browserFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const origin = new URL(request.url).origin;
  if (origin === new URL(config.localClerkUrl).origin) return Promise.resolve(clerk.app.fetch(request));
  if (origin === new URL(config.frontAuthApiUrl).origin) return frontAuthApi(request);
  if (origin === new URL(config.apiMultiUrl).origin) return apiMulti(request);
  return Promise.reject(new TypeError(`offline: ${request.url}`));
}

/** As the backend (its secret key) calls the stand-in's Backend API. */
async function backend<T>(instance: "dream-api" | "end-user-api", method: string, path: string, body?: unknown): Promise<T> {
  const response = await clerk.app.fetch(
    new Request(`${config.localClerkUrl}/v1${path}`, {
      method,
      headers: { Authorization: `Bearer ${clerk.instance(instance).secretKey}`, "Content-Type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    }),
  );
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs up on the stand-in's page, as the browser does, and keeps the session it sends back in the fragment. */
async function signUp(session: LocalSession, email: string, returnTo: string): Promise<void> {
  const response = await clerk.app.fetch(new Request(`${config.localClerkUrl}/sign-up`, { method: "POST", body: new URLSearchParams({ email, instance: session.instance, redirect_url: returnTo }) }));
  expect(response.status).toBe(302);
  expect(session.captureFromHash(new URL(response.headers.get("Location") ?? "").hash)).toBe(true);
}

/** The page's clock (and the stand-in's, and the verifier's) moves on. */
const wait = (seconds: number) => vi.setSystemTime(Date.now() + seconds * 1000);

beforeAll(async () => {
  clerk = await createClerkEmulator({ publicUrl: config.localClerkUrl });
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
  vi.stubGlobal("localStorage", memoryStorage());
  vi.stubGlobal("fetch", vi.fn(browserFetch));
  accepted = [];
  refused = [];
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe("a tab left open past the 60-second token lifetime", () => {
  it("the dashboard's calls keep succeeding for a quarter of an hour, idle stretches included", async () => {
    // The dashboard's session and wiring: developer-auth.tsx's getToken is this session's token(), layout.tsx passes it to developerApi.
    const session = new LocalSession("dream-api", "dream.developer.session");
    await signUp(session, "long.tab@example.com", `${DASHBOARD}/auth/callback?to=%2Fdashboard`);
    const api = developerApi(() => session.token());
    const first = session.read()?.jwt;

    // Busy: a call every 20 s for five minutes.
    for (let step = 0; step < 15; step++) {
      await api.me();
      wait(20);
    }
    // Away: the tab sits in the background for seven minutes, then the developer clicks again, several calls at once.
    wait(7 * 60);
    await Promise.all([api.me(), api.me(), api.settings("test")]);
    // And a few more, spaced just over a token's lifetime.
    for (let step = 0; step < 3; step++) {
      wait(61);
      await api.me();
    }

    expect(refused).toEqual([]);
    expect(accepted.length).toBe(21);
    // Tokens were really replaced, and the first one would now be refused: holding on to it would have failed.
    expect(new Set(accepted).size).toBeGreaterThan(8);
    await expect(verifyToken(first ?? "", { jwtKey: clerk.instance("dream-api").jwtKeyPem })).rejects.toThrow(/expired/i);
    for (const token of accepted) expect(claimsOf(token)["exp"]).toBe((claimsOf(token)["iat"] as number) + 60);
  });

  it("the pricing page's calls keep acting for its developer after every refresh", async () => {
    // One end-user session per browser (end-user-auth.tsx), signed up from a developer's pricing page.
    const session = new LocalSession("end-user-api", "dream.endUser.session");
    const pricingPage = `${DASHBOARD}/p/plt_longtab/test?join=1`;
    await signUp(session, "shopper.long.tab@example.com", pricingPage);
    const userId = claimsOf(session.read()?.jwt ?? "")["sub"] as string;

    // The page's backend joins them to the developer's organization; the page makes it active (setActive).
    const org = await backend<{ id: string }>("end-user-api", "POST", "/organizations", { name: "Long Tab Tools", max_allowed_memberships: 0 });
    await backend("end-user-api", "POST", `/organizations/${org.id}/memberships`, { user_id: userId, role: "org:member" });
    await session.setActiveOrganization(org.id);

    /** The page's pageToken(): a token that acts for this developer, or an error the shopper sees. */
    const pageToken = async () => {
      const token = await session.token();
      if (!token || !actsFor(claimsOf(token), org.id)) throw new Error("the token does not act for this developer");
      return token;
    };

    // The shopper reads the page, leaves the tab for a while, comes back and looks at their plan again, many times.
    for (const idle of [5, 25, 40, 61, 90, 180, 600, 1, 59, 61]) {
      wait(idle);
      expect((await publicApi.usage(await pageToken())).usage).toMatchObject({ plan: "free", organizationId: org.id });
    }

    expect(refused).toEqual([]);
    expect(accepted.length).toBe(10);
    expect(new Set(accepted).size).toBeGreaterThan(5);
  });
});
