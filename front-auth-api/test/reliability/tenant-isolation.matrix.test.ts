/**
 * Tenant isolation matrix for front-auth-api.
 *
 * Two developers: A (free, test keys) and B (paid: test and live keys, a
 * Stripe customer and subscription on the platform account, a connected
 * account, a tier, metered usage and a webhook event). front-auth-api takes
 * its tenant only from the session JWT, so B's ids (platformId, developer
 * id, account, keys) are smuggled in everywhere else a client could put
 * them: query strings, extra headers and body fields. Every route is called
 * with each of A's credential types — A's developer session JWT (the one
 * this worker accepts), A's api-multi secret key and an end-user session JWT
 * of A's end-user (both refused: 401).
 *
 * Checked for every cell: the expected status for that credential; a 2xx
 * is about A (A's platformId and developer id, A's Checkout session); no
 * response contains anything of B the request did not send; and every row
 * B owns is unchanged. Plus: A's token with its `sub` rewritten to B's
 * developer id is refused everywhere.
 *
 * Why: one request answered with B's keys, subscription or usage — or one
 * rotation or metered call landing on B — would break the only isolation
 * boundary between developers.
 */
import { env } from "cloudflare:test";
import Stripe from "stripe";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { call, createDeveloper, mintToken, standInStripeOptions } from "../harness";
import { assertWellFormed, developerRows, send, substitute, type RawResult, type Substitutions } from "./arbitraries";

const stripe = new Stripe(inject("stripeSecretKey"), { ...standInStripeOptions(), httpClient: Stripe.createFetchHttpClient() });

type Credential = "developerJwt" | "secretKey" | "endUserJwt";
const CREDENTIALS: readonly Credential[] = ["developerJwt", "secretKey", "endUserJwt"];
const CREDENTIAL_PLACEHOLDER: Record<Credential, string> = { developerJwt: "{{A_DEV_JWT}}", secretKey: "{{A_SECRET}}", endUserJwt: "{{A_END_USER_JWT}}" };

interface World {
  a: { developerId: string; platformId: string };
  b: { developerId: string; platformId: string };
  values: Substitutions;
  bSecrets: string[];
}

function base64url(text: string): string {
  return btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
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

async function seedWorld(): Promise<World> {
  const tag = crypto.randomUUID().slice(0, 8);
  const aDeveloper = await createDeveloper();
  const aToken = await mintToken(aDeveloper.id, { expiresInSeconds: 3600 });
  const aCredentials = await call("POST", "/credentials", { token: aToken });
  if (aCredentials.status !== 201) throw new Error(`A credentials: ${aCredentials.status}`);

  const bDeveloper = await createDeveloper();
  const bToken = await mintToken(bDeveloper.id, { expiresInSeconds: 3600 });
  const bTest = await call("POST", "/credentials", { token: bToken });
  const bPlatformId: string = bTest.body.platformId;
  const bCustomer = await stripe.customers.create({ email: bDeveloper.email });
  const bSubscriptionId = `sub_bsecret${tag}`;
  const bAccount = `acct_bsecret${tag}`;
  const bEventId = `evt_bsecret${tag}`;
  const now = new Date().toISOString();
  await env.DB.batch([
    env.DB.prepare("UPDATE platforms SET plan = 'paid', stripe_customer_id = ?2, stripe_subscription_id = ?3, subscription_status = 'active' WHERE platform_id = ?1").bind(
      bPlatformId,
      bCustomer.id,
      bSubscriptionId,
    ),
    env.DB.prepare("INSERT INTO stripe_accounts (platform_id, stripe_user_id, livemode, scope, connected_at, updated_at) VALUES (?1, ?2, 0, 'read_write', ?3, ?3)").bind(bPlatformId, bAccount, now),
    env.DB.prepare(
      "INSERT INTO tiers (platform_id, name, display_name, kind, price, currency, monthly_limit, features, created_at, updated_at) VALUES (?1, 'b-secret-tier', 'B Secret', 'subscription', 0, 'usd', 9, '[]', ?2, ?2)",
    ).bind(bPlatformId, now),
    env.DB.prepare(
      "INSERT INTO events (source, event_id, type, account, platform_id, payload, received_at, processed_at, outcome) VALUES ('platform', ?1, 'customer.subscription.created', NULL, ?2, '{}', ?3, ?3, 'plan paid')",
    ).bind(bEventId, bPlatformId, now),
  ]);
  const bLive = await call("POST", "/credentials", { token: bToken });
  if (bLive.status !== 201) throw new Error(`B live credentials: ${bLive.status} ${JSON.stringify(bLive.body)}`);
  for (let i = 0; i < 2; i += 1) await call("POST", "/verify-auth", { token: bToken });
  const bKeys = [...bTest.body.keys, ...bLive.body.keys] as { keyId: string; publishableKey: string; secretKey?: string }[];

  const [header, payload, signature] = aToken.split(".");
  const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
  return {
    a: { developerId: aDeveloper.id, platformId: aCredentials.body.platformId },
    b: { developerId: bDeveloper.id, platformId: bPlatformId },
    values: {
      A_DEV_JWT: aToken,
      A_SECRET: aCredentials.body.keys[0].secretKey,
      A_END_USER_JWT: await endUserToken(aCredentials.body.keys[0].publishableKey),
      A_TOKEN_WITH_B_SUB: `${header}.${base64url(JSON.stringify({ ...claims, sub: bDeveloper.id }))}.${signature}`,
      B_PLATFORM: bPlatformId,
      B_DEVELOPER: bDeveloper.id,
      B_ACCOUNT: bAccount,
      B_PK: bKeys[0]?.publishableKey ?? "",
      B_KEY: bKeys[0]?.keyId ?? "",
      B_CUSTOMER: bCustomer.id,
      B_SUBSCRIPTION: bSubscriptionId,
    },
    bSecrets: [
      bPlatformId,
      bDeveloper.id,
      bDeveloper.email,
      bAccount,
      bCustomer.id,
      bSubscriptionId,
      bEventId,
      "b-secret-tier",
      ...bKeys.flatMap((key) => [key.keyId, key.publishableKey, ...(key.secretKey ? [key.secretKey, key.secretKey.slice(0, 12)] : [])]),
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
  /** What A's developer session gets; the other two credentials are always refused. */
  developer: Outcome[];
  aOnly?: (body: any, world: World) => Promise<void> | void;
}

/** B's ids where a confused server might look for a tenant. */
const B_HEADERS = { "X-Platform-Id": "{{B_PLATFORM}}", "X-Developer-Id": "{{B_DEVELOPER}}", "Stripe-Account": "{{B_ACCOUNT}}", "X-Publishable-Key": "{{B_PK}}" };
const B_QUERY = "?platformId={{B_PLATFORM}}&developerId={{B_DEVELOPER}}&customer={{B_CUSTOMER}}";

const CELLS: Cell[] = [
  {
    name: "GET /me with B's ids in query and headers",
    method: "GET",
    path: `/me${B_QUERY}`,
    headers: B_HEADERS,
    developer: ["200"],
    aOnly: (body, world) => {
      expect(body).toMatchObject({ developerId: world.a.developerId, platformId: world.a.platformId, plan: "free", subscription: null });
      expect(body.stripe).toEqual({ connected: false, accountId: null, livemode: null });
    },
  },
  {
    name: "POST /verify-auth with B's ids",
    method: "POST",
    path: `/verify-auth${B_QUERY}`,
    headers: B_HEADERS,
    body: {},
    developer: ["200"],
    aOnly: (body, world) => expect(body).toMatchObject({ developerId: world.a.developerId, plan: "free" }),
  },
  {
    name: "POST /credentials naming B's platform in the body",
    method: "POST",
    path: "/credentials",
    body: { platformId: "{{B_PLATFORM}}" },
    developer: ["400 invalid_request"],
  },
  {
    name: "POST /credentials with B's ids in query and headers",
    method: "POST",
    path: `/credentials${B_QUERY}`,
    headers: B_HEADERS,
    developer: ["200"],
    aOnly: (body, world) => {
      expect(body.platformId).toBe(world.a.platformId);
      expect(body.keys.map((key: { mode: string }) => key.mode)).toEqual(["test"]);
    },
  },
  {
    name: "POST /credentials/rotate of a live key only B has",
    method: "POST",
    path: "/credentials/rotate",
    headers: B_HEADERS,
    body: { mode: "live" },
    developer: ["404 not_found"],
  },
  {
    name: "POST /credentials/rotate naming B's platform in the body",
    method: "POST",
    path: "/credentials/rotate",
    body: { mode: "test", platformId: "{{B_PLATFORM}}" },
    developer: ["400 invalid_request"],
  },
  {
    name: "POST /portal while only B has a billing account",
    method: "POST",
    path: `/portal${B_QUERY}`,
    headers: B_HEADERS,
    developer: ["404 no_billing_account"],
  },
  {
    name: "POST /portal naming B's customer in the body",
    method: "POST",
    path: "/portal",
    body: { customer: "{{B_CUSTOMER}}" },
    developer: ["400 invalid_request"],
  },
  {
    name: "POST /checkout with B's ids opens a session for A",
    method: "POST",
    path: `/checkout${B_QUERY}`,
    headers: B_HEADERS,
    developer: ["201"],
    aOnly: async (body, world) => {
      const session = await stripe.checkout.sessions.retrieve(body.id);
      expect(session.client_reference_id).toBe(world.a.developerId);
      expect(session.metadata).toEqual({ dreamApiPurpose: "developer_plan", developerId: world.a.developerId, platformId: world.a.platformId });
      expect(session.customer).toBeNull();
    },
  },
  {
    name: "POST /webhook/stripe ending B's subscription, unsigned",
    method: "POST",
    path: "/webhook/stripe",
    headers: { "Stripe-Signature": "t=1,v1=00" },
    body: { id: "evt_forged", type: "customer.subscription.deleted", data: { object: { id: "{{B_SUBSCRIPTION}}", metadata: { developerId: "{{B_DEVELOPER}}" } } } },
    developer: ["400 invalid_signature"],
  },
  {
    name: "POST /credentials/:keyId/revoke of B's key",
    method: "POST",
    path: "/credentials/{{B_KEY}}/revoke",
    developer: ["404 not_found"],
  },
  // Last: rotation legitimately replaces A's keys.
  {
    name: "POST /credentials/rotate with B's ids rotates A's key",
    method: "POST",
    path: `/credentials/rotate${B_QUERY}`,
    headers: B_HEADERS,
    body: { mode: "test" },
    developer: ["201"],
    aOnly: (body, world) => {
      expect(body.platformId).toBe(world.a.platformId);
      expect(body.keys.map((key: { mode: string }) => key.mode)).toEqual(["test"]);
    },
  },
];

function matches(result: RawResult, outcomes: Outcome[]): boolean {
  const code: string | undefined = result.json?.error?.code;
  return outcomes.some((outcome) => {
    const [status, expectedCode] = outcome.split(" ");
    return Number(status) === result.status && (expectedCode === undefined || expectedCode === code);
  });
}

describe("front-auth-api tenant isolation: A's credentials against B's ids", () => {
  let world: World;
  beforeAll(async () => {
    world = await seedWorld();
  }, 60_000);

  async function check(cell: Cell, authorization: string, expected: Outcome[]) {
    const before = await developerRows(world.b.developerId, world.b.platformId);
    const requestText = substitute(JSON.stringify({ path: cell.path, headers: cell.headers ?? {}, body: cell.body ?? null }), world.values);
    const result = await send(
      {
        method: cell.method,
        path: cell.path,
        headers: { Authorization: authorization, "Content-Type": "application/json", ...cell.headers },
        body: cell.body === undefined ? undefined : JSON.stringify(cell.body),
      },
      world.values,
    );
    assertWellFormed(result);
    expect(matches(result, expected), `expected ${expected.join(" or ")}, got ${result.status} ${result.text.slice(0, 400)}`).toBe(true);
    for (const secret of world.bSecrets) {
      if (!requestText.includes(secret)) expect(result.text, `response reveals B's "${secret}"`).not.toContain(secret);
    }
    expect(await developerRows(world.b.developerId, world.b.platformId)).toEqual(before);
    return result;
  }

  const matrix = CELLS.flatMap((cell) => CREDENTIALS.map((credential) => ({ ...cell, credential, label: `${cell.name} — ${credential}` })));

  it.each(matrix)("$label", async (cell) => {
    const webhook = cell.path.startsWith("/webhook/");
    // The webhook takes no session at all; elsewhere only a developer session is accepted.
    const expected: Outcome[] = cell.credential === "developerJwt" || webhook ? cell.developer : ["401 unauthenticated"];
    const result = await check(cell, `Bearer ${CREDENTIAL_PLACEHOLDER[cell.credential]}`, expected);
    if (result.status < 300) await cell.aOnly?.(result.json, world);
  });

  it.each(CELLS.filter((cell) => !cell.path.startsWith("/webhook/")))("A's token with sub rewritten to B's developer id is refused: $name", async (cell) => {
    await check(cell, "Bearer {{A_TOKEN_WITH_B_SUB}}", ["401 unauthenticated"]);
  });
});
