/**
 * The tenant-isolation matrix (@dream-api/testkit/suites,
 * tenant-isolation.ts: what it checks for every cell and why) over
 * oauth-api's operations.
 *
 * Two developers on the paid plan (live mode open to both): A (not
 * connected, one free test tier) and B (connected to its own Stripe
 * stand-in account, with test tiers — a free one, a paid one whose product
 * and price live on B's account, an archived one — copied to live, plus a
 * live-only paid tier). A's credentials are aimed at B's tier names in
 * paths and bodies, in both modes, with B's platformId, developer id and
 * Stripe account smuggled into headers (including `Stripe-Account`), body
 * fields and query strings, and at the OAuth callback with states
 * re-pointed at B: 404 for B's tiers, 409 where A has no Stripe connection
 * even though B has one (copying to live included), 400 for forged states,
 * unknown fields and unknown query parameters (the tier operations' query
 * is strict), 401 for A's api-multi key, an end-user session and A's token
 * rewritten to name B, or a 2xx about A only. What B owns includes its
 * Stripe account's products in test and in live mode: none may appear,
 * change or go.
 *
 * Why: oauth-api writes tiers to a developer's own Stripe account and
 * attaches Stripe accounts to platforms — a missing platform filter would
 * let one developer re-price, archive or bill through another's account.
 */
import { env } from "cloudflare:test";
import { issueKeyPair, newId } from "@dream-api/shared";
import { insertApiKeyStatement } from "@dream-api/shared/db";
import { describeTenantIsolation, type IsolationCell, type Outcome } from "@dream-api/testkit/suites";
import { expect } from "vitest";
import type Stripe from "stripe";
import { call, connectStripe, decodedPayload, developerRows, endUserAppToken, mintToken, operations, paidDeveloper, platformIdOf, send, standInStripe, withClaims } from "../harness";

const stripe = { test: standInStripe("test"), live: standInStripe("live") };

interface World {
  a: { developerId: string; platformId: string };
  b: { developerId: string; platformId: string; account: string };
  values: Record<string, string>;
  bSecrets: string[];
  bState(): Promise<unknown>;
}

async function expectCreated(result: { status: number; body: any }, what: string): Promise<any> {
  if (result.status !== 201 && result.status !== 200) throw new Error(`seed ${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

async function seedWorld(): Promise<World> {
  const aDeveloper = await paidDeveloper();
  const aToken = await mintToken(aDeveloper.id, { expiresInSeconds: 3600 });
  await expectCreated(await call("POST", "/products?mode=test", { token: aToken, body: { name: "a-free", displayName: "A Free", kind: "subscription", price: 0, limit: 10 } }), "A tier");
  const aPlatformId = await platformIdOf({ ...aDeveloper, token: aToken });
  const aPair = await issueKeyPair("test");
  await insertApiKeyStatement(env.DB, { keyId: newId("apiKey"), platformId: aPlatformId, pair: aPair, createdAt: new Date().toISOString() }).run();
  const aStart = await expectCreated(await call("POST", "/connect/start", { token: aToken }), "A connect/start");
  const aState = new URL(aStart.url).searchParams.get("state") ?? "";

  const bDeveloper = await paidDeveloper();
  const bToken = await mintToken(bDeveloper.id, { expiresInSeconds: 3600 });
  const { back, location } = await connectStripe({ ...bDeveloper, token: bToken });
  const bAccount = location.searchParams.get("account") ?? "";
  const bUsedState = back.searchParams.get("state") ?? "";
  const bPlatformId = await platformIdOf({ ...bDeveloper, token: bToken });
  const bTiers = await expectCreated(
    await call("POST", "/products?mode=test", {
      token: bToken,
      body: {
        tiers: [
          { name: "b-secret-tier", displayName: "B Secret", kind: "subscription", price: 0, limit: 9 },
          { name: "b-pro", displayName: "B Pro", kind: "subscription", price: 4200, limit: 1000 },
          { name: "b-old", displayName: "B Old", kind: "one_off", price: 0 },
        ],
      },
    }),
    "B tiers",
  );
  await expectCreated(await call("DELETE", "/products/b-old?mode=test", { token: bToken }), "B archive");
  const bPro = (bTiers.tiers as { name: string; productId: string; priceId: string }[]).find((candidate) => candidate.name === "b-pro");
  // Live: b-secret-tier and b-pro copied from test (new live objects), and b-live, in live mode only.
  const copied = await expectCreated(await call("POST", "/products/copy-to-live", { token: bToken, body: {} }), "B copy to live");
  const bLive = await expectCreated(
    await call("POST", "/products?mode=live", { token: bToken, body: { name: "b-live", displayName: "B Live", kind: "subscription", price: 5100, limit: 100 } }),
    "B live tier",
  );
  const liveRefs = [...(copied.tiers as { productId: string | null; priceId: string | null }[]), ...(bLive.tiers as { productId: string; priceId: string }[])].flatMap((tier) =>
    [tier.productId, tier.priceId].filter((id): id is string => id !== null),
  );

  return {
    a: { developerId: aDeveloper.id, platformId: aPlatformId },
    b: { developerId: bDeveloper.id, platformId: bPlatformId, account: bAccount },
    values: {
      A_DEV_JWT: aToken,
      A_SECRET: aPair.secretKey,
      A_END_USER_JWT: await endUserAppToken({ publishableKey: aPair.publishableKey, plan: "free" }),
      A_TOKEN_WITH_B_SUB: withClaims(aToken, { sub: bDeveloper.id }),
      A_STATE_POINTED_AT_B: withClaims(aState, { platformId: bPlatformId, developerId: bDeveloper.id }),
      A_STATE_BODY_WITH_B_PLATFORM: withClaims(aState, { platformId: bPlatformId }),
      A_STATE_UNSIGNED: `${aState.split(".")[0]}.`,
      B_USED_STATE: bUsedState,
      B_PLATFORM: bPlatformId,
      B_DEVELOPER: bDeveloper.id,
      B_ACCOUNT: bAccount,
    },
    bSecrets: [
      bPlatformId,
      bDeveloper.id,
      bDeveloper.email,
      bAccount,
      bPro?.productId ?? "missing-product",
      bPro?.priceId ?? "missing-price",
      String(decodedPayload(bUsedState)["nonce"]),
      "b-secret-tier",
      "b-pro",
      "b-old",
      "B Secret",
      "B Pro",
      "b-live",
      "B Live",
      ...liveRefs,
    ],
    bState: async () => ({
      rows: await developerRows(bDeveloper.id, bPlatformId),
      stripe: { test: await productsOn(stripe.test, bAccount), live: await productsOn(stripe.live, bAccount) },
    }),
  };
}

/** The products on a Stripe account in the client's mode: none may appear, change or go because of A. */
async function productsOn(client: Stripe, account: string): Promise<string[]> {
  const products = await client.products.list({ limit: 100 }, { stripeAccount: account });
  return products.data.map((product) => `${product.id}:${product.active}:${product.name}`).sort();
}

const B_HEADERS = { "X-Platform-Id": "{{B_PLATFORM}}", "X-Developer-Id": "{{B_DEVELOPER}}", "Stripe-Account": "{{B_ACCOUNT}}" };
const B_QUERY = "?platformId={{B_PLATFORM}}&developerId={{B_DEVELOPER}}&account={{B_ACCOUNT}}";
const FREE_TIER = { displayName: "Mine", kind: "subscription", price: 0, limit: 5 };

const CELLS: IsolationCell<World>[] = [
  {
    name: "GET /products with B's ids in headers",
    method: "GET",
    path: "/products?mode=test",
    headers: B_HEADERS,
    expect: ["200"],
    aOnly: (body) => expect(body.tiers.map((candidate: { name: string }) => candidate.name)).toEqual(["a-free"]),
  },
  {
    name: "GET /products?mode=live with B's ids in headers (B has live tiers, A none)",
    method: "GET",
    path: "/products?mode=live",
    headers: B_HEADERS,
    expect: ["200"],
    aOnly: (body) => expect(body.tiers).toEqual([]),
  },
  // The tier operations' query is strict: B's ids smuggled into it are refused, never read.
  { name: "GET /products with B's ids in the query", method: "GET", path: `/products?mode=test&${B_QUERY.slice(1)}`, headers: B_HEADERS, expect: ["400 invalid_request"] },
  { name: "PATCH /products/:name of B's free tier", method: "PATCH", path: "/products/b-secret-tier?mode=test", headers: B_HEADERS, body: { displayName: "pwned" }, expect: ["404 not_found"] },
  { name: "PATCH /products/:name of B's paid tier", method: "PATCH", path: "/products/b-pro?mode=test", headers: B_HEADERS, body: { price: 1 }, expect: ["404 not_found"] },
  { name: "PATCH /products/:name of B's archived tier", method: "PATCH", path: "/products/b-old?mode=test", body: { displayName: "back" }, expect: ["404 not_found"] },
  { name: "PATCH /products/:name of B's live copy of its paid tier", method: "PATCH", path: "/products/b-pro?mode=live", headers: B_HEADERS, body: { price: 1 }, expect: ["404 not_found"] },
  { name: "PATCH /products/:name of B's live-only tier", method: "PATCH", path: "/products/b-live?mode=live", headers: B_HEADERS, body: { displayName: "pwned" }, expect: ["404 not_found"] },
  { name: "DELETE /products/:name of B's free tier", method: "DELETE", path: "/products/b-secret-tier?mode=test", headers: B_HEADERS, expect: ["404 not_found"] },
  {
    name: "DELETE /products/:name of B's tier with B's ids in the query",
    method: "DELETE",
    path: `/products/b-secret-tier?mode=test&${B_QUERY.slice(1)}`,
    headers: B_HEADERS,
    expect: ["400 invalid_request"],
  },
  { name: "DELETE /products/:name of B's paid tier", method: "DELETE", path: "/products/b-pro?mode=test", headers: B_HEADERS, expect: ["404 not_found"] },
  { name: "DELETE /products/:name of B's live-only tier", method: "DELETE", path: "/products/b-live?mode=live", headers: B_HEADERS, expect: ["404 not_found"] },
  {
    name: "POST /products naming B's platform in the body",
    method: "POST",
    path: "/products?mode=test",
    body: { name: "x-tier", ...FREE_TIER, platformId: "{{B_PLATFORM}}" },
    expect: ["400 invalid_request"],
  },
  {
    name: "POST /products of a paid tier with B's Stripe-Account header",
    method: "POST",
    path: "/products?mode=test",
    headers: B_HEADERS,
    body: { name: "a-paid", displayName: "A Paid", kind: "subscription", price: 900, limit: 50 },
    // A has no connection of its own; B's account must not be used instead.
    expect: ["409 stripe_not_connected"],
  },
  {
    name: "POST /products of a paid live tier with B's Stripe-Account header",
    method: "POST",
    path: "/products?mode=live",
    headers: B_HEADERS,
    body: { name: "a-paid", displayName: "A Paid", kind: "subscription", price: 900, limit: 50 },
    expect: ["409 stripe_not_connected"],
  },
  {
    name: "POST /products/copy-to-live with B's ids in headers and query",
    method: "POST",
    path: `/products/copy-to-live${B_QUERY}`,
    headers: B_HEADERS,
    body: {},
    // A is paid but not connected; neither B's account nor B's test tiers may be used.
    expect: ["409 stripe_not_connected"],
  },
  { name: "POST /products/copy-to-live naming B's platform in the body", method: "POST", path: "/products/copy-to-live", body: { platformId: "{{B_PLATFORM}}" }, expect: ["400 invalid_request"] },
  {
    name: "POST /connect/start with B's ids binds the state to A",
    method: "POST",
    path: `/connect/start${B_QUERY}`,
    headers: B_HEADERS,
    expect: ["201"],
    aOnly: (body, world) => {
      const state = new URL(body.url).searchParams.get("state") ?? "";
      expect(decodedPayload(state)).toMatchObject({ developerId: world.a.developerId, platformId: world.a.platformId });
    },
  },
  { name: "POST /connect/disconnect while only B is connected", method: "POST", path: `/connect/disconnect${B_QUERY}`, headers: B_HEADERS, expect: ["409 stripe_not_connected"] },
  { name: "POST /connect/disconnect naming B's account in the body", method: "POST", path: "/connect/disconnect", body: { account: "{{B_ACCOUNT}}" }, expect: ["400 invalid_request"] },
  {
    name: "GET /connect/callback with A's state re-pointed at B's platform and developer",
    method: "GET",
    path: "/connect/callback?code=ac_x&state={{A_STATE_POINTED_AT_B}}",
    expect: ["400 invalid_state"],
  },
  {
    name: "GET /connect/callback with A's state re-pointed at B's platform only",
    method: "GET",
    path: "/connect/callback?code=ac_x&state={{A_STATE_BODY_WITH_B_PLATFORM}}",
    expect: ["400 invalid_state"],
  },
  { name: "GET /connect/callback with A's state stripped of its signature", method: "GET", path: "/connect/callback?code=ac_x&state={{A_STATE_UNSIGNED}}", expect: ["400 invalid_state"] },
  { name: "GET /connect/callback replaying B's used state", method: "GET", path: "/connect/callback?code=ac_x&state={{B_USED_STATE}}", expect: ["400 invalid_state"] },
  // Last: these legitimately add tiers to A.
  {
    name: "POST /products with B's tier name creates A's own tier",
    method: "POST",
    path: "/products?mode=test",
    headers: B_HEADERS,
    body: { name: "b-secret-tier", ...FREE_TIER },
    expect: ["201"],
    aOnly: (body) => expect(body.tiers).toMatchObject([{ name: "b-secret-tier", displayName: "Mine", price: 0, limit: 5, productId: null, priceId: null }]),
  },
  {
    name: "POST /products?mode=live with B's live-only tier name creates A's own live tier",
    method: "POST",
    path: "/products?mode=live",
    headers: B_HEADERS,
    body: { name: "b-live", ...FREE_TIER },
    expect: ["201"],
    aOnly: (body) => expect(body.tiers).toMatchObject([{ name: "b-live", displayName: "Mine", price: 0, limit: 5, productId: null, priceId: null }]),
  },
];

describeTenantIsolation<World>({
  worker: "oauth-api",
  operations,
  send,
  seedWorld,
  credentials: { developerSession: "{{A_DEV_JWT}}", secretKey: "{{A_SECRET}}", endUserSession: "{{A_END_USER_JWT}}" },
  // Only a developer session is taken (the OAuth callback takes none: its signed state is the proof).
  refused: (): Outcome[] => ["401 unauthenticated"],
  cells: CELLS,
  bParams: { name: "b-pro" },
  forgedSession: { authorization: "Bearer {{A_TOKEN_WITH_B_SUB}}", outcome: ["401 unauthenticated"] },
});
