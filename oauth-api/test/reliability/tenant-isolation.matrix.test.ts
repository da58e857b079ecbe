/**
 * Tenant isolation matrix for oauth-api.
 *
 * Two developers: A (not connected, one free tier) and B (connected to its
 * own Stripe stand-in account, with a free tier, a paid tier whose product
 * and price live on B's account, and an archived tier). Every route is
 * called with each of A's credential types — A's developer session JWT
 * (the one this worker accepts), A's api-multi secret key and an end-user
 * session JWT of A's end-user (both refused: 401) — aimed at B's tier names
 * in paths and bodies, with B's platformId, developer id and Stripe account
 * smuggled into query strings, headers (including `Stripe-Account`) and
 * body fields, and at the OAuth callback with states re-pointed at B.
 *
 * Checked for every cell: the expected status for that credential (404 for
 * B's tiers, 409 where A has no Stripe connection even though B has one,
 * 400 for forged states and unknown fields, 401 for refused credentials, or
 * a 2xx about A only); no response contains anything of B the request did
 * not send; every row B owns is unchanged; and no product appeared on B's
 * Stripe account.
 *
 * Why: oauth-api writes tiers to a developer's own Stripe account and
 * attaches Stripe accounts to platforms — a missing platform filter would
 * let one developer re-price, archive or bill through another's account.
 */
import { env } from "cloudflare:test";
import { issueKeyPair, newId } from "@dream-api/shared";
import { insertApiKeyStatement } from "@dream-api/shared/db";
import Stripe from "stripe";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { call, connectStripe, createDeveloper, mintToken, platformIdOf, standInStripeOptions } from "../harness";
import { assertWellFormed, developerRows, send, substitute, type RawResult, type Substitutions } from "./arbitraries";

const stripe = new Stripe(inject("stripeSecretKey"), { ...standInStripeOptions(), httpClient: Stripe.createFetchHttpClient() });

type Credential = "developerJwt" | "secretKey" | "endUserJwt";
const CREDENTIALS: readonly Credential[] = ["developerJwt", "secretKey", "endUserJwt"];
const CREDENTIAL_PLACEHOLDER: Record<Credential, string> = { developerJwt: "{{A_DEV_JWT}}", secretKey: "{{A_SECRET}}", endUserJwt: "{{A_END_USER_JWT}}" };

interface World {
  a: { developerId: string; platformId: string };
  b: { developerId: string; platformId: string; account: string };
  values: Substitutions;
  bSecrets: string[];
}

function base64url(text: string): string {
  return btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

function statePayload(state: string): Record<string, unknown> {
  const [body] = state.split(".");
  return JSON.parse(atob((body ?? "").replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
}

async function endUserToken(publishableKey: string): Promise<string> {
  const response = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
    method: "POST",
    headers: { Authorization: `Bearer ${inject("endUserClerkSecret")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ email_address: [`end.${crypto.randomUUID().slice(0, 8)}@example.com`], public_metadata: { publishableKey, plan: "free" } }),
  });
  const user = (await response.json()) as { id: string };
  return mintToken(user.id, { instance: "end-user-api", expiresInSeconds: 3600 });
}

async function expectCreated(result: { status: number; body: any }, what: string): Promise<any> {
  if (result.status !== 201 && result.status !== 200) throw new Error(`seed ${what}: ${result.status} ${JSON.stringify(result.body)}`);
  return result.body;
}

async function seedWorld(): Promise<World> {
  const aDeveloper = await createDeveloper();
  const aToken = await mintToken(aDeveloper.id, { expiresInSeconds: 3600 });
  await expectCreated(await call("POST", "/products", { token: aToken, body: { name: "a-free", displayName: "A Free", kind: "subscription", price: 0, limit: 10 } }), "A tier");
  const aPlatformId = await platformIdOf({ ...aDeveloper, token: aToken });
  const aPair = await issueKeyPair("test");
  await insertApiKeyStatement(env.DB, { keyId: newId("apiKey"), platformId: aPlatformId, pair: aPair, createdAt: new Date().toISOString() }).run();
  const aStart = await expectCreated(await call("POST", "/connect/start", { token: aToken }), "A connect/start");
  const aState = new URL(aStart.url).searchParams.get("state") ?? "";

  const bDeveloper = await createDeveloper();
  const bToken = await mintToken(bDeveloper.id, { expiresInSeconds: 3600 });
  const { back, location } = await connectStripe({ ...bDeveloper, token: bToken });
  const bAccount = location.searchParams.get("account") ?? "";
  const bUsedState = back.searchParams.get("state") ?? "";
  const bPlatformId = await platformIdOf({ ...bDeveloper, token: bToken });
  const bTiers = await expectCreated(
    await call("POST", "/products", {
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
  await expectCreated(await call("DELETE", "/products/b-old", { token: bToken }), "B archive");
  const bPro = (bTiers.tiers as { name: string; productId: string; priceId: string }[]).find((candidate) => candidate.name === "b-pro");

  const [stateBody, stateSignature] = aState.split(".");
  const aPayload = statePayload(aState);
  return {
    a: { developerId: aDeveloper.id, platformId: aPlatformId },
    b: { developerId: bDeveloper.id, platformId: bPlatformId, account: bAccount },
    values: {
      A_DEV_JWT: aToken,
      A_SECRET: aPair.secretKey,
      A_END_USER_JWT: await endUserToken(aPair.publishableKey),
      A_STATE_POINTED_AT_B: `${base64url(JSON.stringify({ ...aPayload, platformId: bPlatformId, developerId: bDeveloper.id }))}.${stateSignature}`,
      A_STATE_BODY_WITH_B_PLATFORM: `${base64url(JSON.stringify({ ...aPayload, platformId: bPlatformId }))}.${stateSignature}`,
      A_STATE_UNSIGNED: `${stateBody}.`,
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
      String(statePayload(bUsedState)["nonce"]),
      "b-secret-tier",
      "b-pro",
      "b-old",
      "B Secret",
      "B Pro",
    ],
  };
}

type Outcome = `${number}` | `${number} ${string}`;

interface Cell {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
  /** What A's developer session gets. */
  developer: Outcome[];
  /** Routes that take no session (the OAuth callback): every credential gets `developer`. */
  sessionless?: boolean;
  aOnly?: (body: any, world: World) => void;
}

const B_HEADERS = { "X-Platform-Id": "{{B_PLATFORM}}", "X-Developer-Id": "{{B_DEVELOPER}}", "Stripe-Account": "{{B_ACCOUNT}}" };
const B_QUERY = "?platformId={{B_PLATFORM}}&developerId={{B_DEVELOPER}}&account={{B_ACCOUNT}}";
const FREE_TIER = { displayName: "Mine", kind: "subscription", price: 0, limit: 5 };

const CELLS: Cell[] = [
  {
    name: "GET /products with B's ids in query and headers",
    method: "GET",
    path: `/products${B_QUERY}`,
    headers: B_HEADERS,
    developer: ["200"],
    aOnly: (body) => expect(body.tiers.map((candidate: { name: string }) => candidate.name)).toEqual(["a-free"]),
  },
  { name: "PATCH /products/:name of B's free tier", method: "PATCH", path: "/products/b-secret-tier", headers: B_HEADERS, body: { displayName: "pwned" }, developer: ["404 not_found"] },
  { name: "PATCH /products/:name of B's paid tier", method: "PATCH", path: "/products/b-pro", headers: B_HEADERS, body: { price: 1 }, developer: ["404 not_found"] },
  { name: "PATCH /products/:name of B's archived tier", method: "PATCH", path: "/products/b-old", body: { displayName: "back" }, developer: ["404 not_found"] },
  { name: "DELETE /products/:name of B's free tier", method: "DELETE", path: `/products/b-secret-tier${B_QUERY}`, headers: B_HEADERS, developer: ["404 not_found"] },
  { name: "DELETE /products/:name of B's paid tier", method: "DELETE", path: "/products/b-pro", headers: B_HEADERS, developer: ["404 not_found"] },
  {
    name: "POST /products naming B's platform in the body",
    method: "POST",
    path: "/products",
    body: { name: "x-tier", ...FREE_TIER, platformId: "{{B_PLATFORM}}" },
    developer: ["400 invalid_request"],
  },
  {
    name: "POST /products of a paid tier with B's Stripe-Account header",
    method: "POST",
    path: `/products${B_QUERY}`,
    headers: B_HEADERS,
    body: { name: "a-paid", displayName: "A Paid", kind: "subscription", price: 900, limit: 50 },
    // A has no connection of its own; B's account must not be used instead.
    developer: ["409 stripe_not_connected"],
  },
  {
    name: "POST /connect/start with B's ids binds the state to A",
    method: "POST",
    path: `/connect/start${B_QUERY}`,
    headers: B_HEADERS,
    developer: ["201"],
    aOnly: (body, world) => {
      const state = new URL(body.url).searchParams.get("state") ?? "";
      expect(statePayload(state)).toMatchObject({ developerId: world.a.developerId, platformId: world.a.platformId });
    },
  },
  { name: "POST /connect/disconnect while only B is connected", method: "POST", path: `/connect/disconnect${B_QUERY}`, headers: B_HEADERS, developer: ["409 stripe_not_connected"] },
  { name: "POST /connect/disconnect naming B's account in the body", method: "POST", path: "/connect/disconnect", body: { account: "{{B_ACCOUNT}}" }, developer: ["400 invalid_request"] },
  {
    name: "GET /connect/callback with A's state re-pointed at B's platform and developer",
    method: "GET",
    path: "/connect/callback?code=ac_x&state={{A_STATE_POINTED_AT_B}}",
    developer: ["400 invalid_state"],
    sessionless: true,
  },
  {
    name: "GET /connect/callback with A's state re-pointed at B's platform only",
    method: "GET",
    path: "/connect/callback?code=ac_x&state={{A_STATE_BODY_WITH_B_PLATFORM}}",
    developer: ["400 invalid_state"],
    sessionless: true,
  },
  { name: "GET /connect/callback with A's state stripped of its signature", method: "GET", path: "/connect/callback?code=ac_x&state={{A_STATE_UNSIGNED}}", developer: ["400 invalid_state"], sessionless: true },
  { name: "GET /connect/callback replaying B's used state", method: "GET", path: "/connect/callback?code=ac_x&state={{B_USED_STATE}}", developer: ["400 invalid_state"], sessionless: true },
  // Last: this one legitimately adds a tier to A.
  {
    name: "POST /products with B's tier name creates A's own tier",
    method: "POST",
    path: `/products${B_QUERY}`,
    headers: B_HEADERS,
    body: { name: "b-secret-tier", ...FREE_TIER },
    developer: ["201"],
    aOnly: (body) => expect(body.tiers).toMatchObject([{ name: "b-secret-tier", displayName: "Mine", price: 0, limit: 5, productId: null, priceId: null }]),
  },
];

function matches(result: RawResult, outcomes: Outcome[]): boolean {
  const code: string | undefined = result.json?.error?.code;
  return outcomes.some((outcome) => {
    const [status, expectedCode] = outcome.split(" ");
    return Number(status) === result.status && (expectedCode === undefined || expectedCode === code);
  });
}

async function productsOn(account: string): Promise<string[]> {
  const products = await stripe.products.list({ limit: 100 }, { stripeAccount: account });
  return products.data.map((product) => `${product.id}:${product.active}:${product.name}`).sort();
}

describe("oauth-api tenant isolation: A's credentials against B's ids", () => {
  let world: World;
  beforeAll(async () => {
    world = await seedWorld();
  }, 60_000);

  const matrix = CELLS.flatMap((cell) => CREDENTIALS.map((credential) => ({ ...cell, credential, label: `${cell.name} — ${credential}` })));

  it.each(matrix)("$label", async (cell) => {
    const expected: Outcome[] = cell.credential === "developerJwt" || cell.sessionless ? cell.developer : ["401 unauthenticated"];
    const before = { rows: await developerRows(world.b.developerId, world.b.platformId), stripe: await productsOn(world.b.account) };
    const requestText = substitute(JSON.stringify({ path: cell.path, headers: cell.headers ?? {}, body: cell.body ?? null }), world.values);
    const result = await send(
      {
        method: cell.method,
        path: cell.path,
        headers: { Authorization: `Bearer ${CREDENTIAL_PLACEHOLDER[cell.credential]}`, "Content-Type": "application/json", ...cell.headers },
        body: cell.body === undefined ? undefined : substitute(JSON.stringify(cell.body), world.values),
      },
      world.values,
    );
    assertWellFormed(result);
    expect(matches(result, expected), `expected ${expected.join(" or ")}, got ${result.status} ${result.text.slice(0, 400)}`).toBe(true);
    if (result.status < 300) cell.aOnly?.(result.json, world);
    for (const secret of world.bSecrets) {
      if (!requestText.includes(secret)) expect(result.text, `response reveals B's "${secret}"`).not.toContain(secret);
    }
    expect({ rows: await developerRows(world.b.developerId, world.b.platformId), stripe: await productsOn(world.b.account) }).toEqual(before);
  });
});
