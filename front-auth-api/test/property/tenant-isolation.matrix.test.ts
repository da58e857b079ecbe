/**
 * The tenant-isolation matrix (@dream-api/testkit/suites,
 * tenant-isolation.ts: what it checks for every cell and why) over
 * front-auth-api's operations.
 *
 * Two developers: A (free, test keys) and B (paid: test and live keys, a
 * Stripe customer and subscription on the platform account, a connected
 * account, a tier, metered usage and a webhook event). front-auth-api takes
 * its tenant only from the session JWT, so B's ids (platformId, developer
 * id, account, keys) are smuggled in everywhere else a client could put
 * them: query strings, extra headers and body fields. A's api-multi secret
 * key and an end-user session of A's end-user are refused (401); a 2xx is
 * about A (A's platformId and developer id, A's Checkout session); and A's
 * token with its `sub` rewritten to B's developer id is refused everywhere.
 *
 * Why: one request answered with B's keys, subscription or usage — or one
 * rotation or metered call landing on B — would break the only isolation
 * boundary between developers.
 */
import { env } from "cloudflare:test";
import { describeTenantIsolation, type IsolationCell } from "@dream-api/testkit/suites";
import { expect } from "vitest";
import { call, createDeveloper, developerRows, endUserAppToken, mintToken, operations, send, standInStripe, withClaims } from "../harness";

const stripe = standInStripe();

interface World {
  a: { developerId: string; platformId: string };
  b: { developerId: string; platformId: string };
  values: Record<string, string>;
  bSecrets: string[];
  bState(): Promise<unknown>;
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
      "INSERT INTO tiers (platform_id, mode, name, display_name, kind, price, currency, monthly_limit, features, created_at, updated_at) VALUES (?1, 'test', 'b-secret-tier', 'B Secret', 'subscription', 0, 'usd', 9, '[]', ?2, ?2)",
    ).bind(bPlatformId, now),
    env.DB.prepare(
      "INSERT INTO events (source, event_id, type, account, platform_id, payload, received_at, processed_at, outcome) VALUES ('platform', ?1, 'customer.subscription.created', NULL, ?2, '{}', ?3, ?3, 'plan paid')",
    ).bind(bEventId, bPlatformId, now),
  ]);
  const bLive = await call("POST", "/credentials", { token: bToken });
  if (bLive.status !== 201) throw new Error(`B live credentials: ${bLive.status} ${JSON.stringify(bLive.body)}`);
  for (let i = 0; i < 2; i += 1) await call("POST", "/verify-auth", { token: bToken });
  const bKeys = [...bTest.body.keys, ...bLive.body.keys] as { keyId: string; publishableKey: string; secretKey?: string }[];

  return {
    a: { developerId: aDeveloper.id, platformId: aCredentials.body.platformId },
    b: { developerId: bDeveloper.id, platformId: bPlatformId },
    values: {
      A_DEV_JWT: aToken,
      A_SECRET: aCredentials.body.keys[0].secretKey,
      A_END_USER_JWT: await endUserAppToken({ publishableKey: aCredentials.body.keys[0].publishableKey, plan: "free" }),
      A_TOKEN_WITH_B_SUB: withClaims(aToken, { sub: bDeveloper.id }),
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
    bState: () => developerRows(bDeveloper.id, bPlatformId),
  };
}

/** B's ids where a confused server might look for a tenant. */
const B_HEADERS = { "X-Platform-Id": "{{B_PLATFORM}}", "X-Developer-Id": "{{B_DEVELOPER}}", "Stripe-Account": "{{B_ACCOUNT}}", "X-Publishable-Key": "{{B_PK}}" };
const B_QUERY = "?platformId={{B_PLATFORM}}&developerId={{B_DEVELOPER}}&customer={{B_CUSTOMER}}";

const CELLS: IsolationCell<World>[] = [
  {
    name: "GET /me with B's ids in query and headers",
    method: "GET",
    path: `/me${B_QUERY}`,
    headers: B_HEADERS,
    expect: ["200"],
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
    expect: ["200"],
    aOnly: (body, world) => expect(body).toMatchObject({ developerId: world.a.developerId, plan: "free" }),
  },
  {
    name: "POST /credentials naming B's platform in the body",
    method: "POST",
    path: "/credentials",
    body: { platformId: "{{B_PLATFORM}}" },
    expect: ["400 invalid_request"],
  },
  {
    name: "POST /credentials with B's ids in query and headers",
    method: "POST",
    path: `/credentials${B_QUERY}`,
    headers: B_HEADERS,
    expect: ["200"],
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
    expect: ["404 not_found"],
  },
  {
    name: "POST /credentials/rotate naming B's platform in the body",
    method: "POST",
    path: "/credentials/rotate",
    body: { mode: "test", platformId: "{{B_PLATFORM}}" },
    expect: ["400 invalid_request"],
  },
  {
    name: "POST /portal while only B has a billing account",
    method: "POST",
    path: `/portal${B_QUERY}`,
    headers: B_HEADERS,
    expect: ["404 no_billing_account"],
  },
  {
    name: "POST /portal naming B's customer in the body",
    method: "POST",
    path: "/portal",
    body: { customer: "{{B_CUSTOMER}}" },
    expect: ["400 invalid_request"],
  },
  {
    name: "POST /checkout with B's ids opens a session for A",
    method: "POST",
    path: `/checkout${B_QUERY}`,
    headers: B_HEADERS,
    expect: ["201"],
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
    expect: ["400 invalid_signature"],
  },
  {
    name: "POST /credentials/:keyId/revoke of B's key",
    method: "POST",
    path: "/credentials/{{B_KEY}}/revoke",
    expect: ["404 not_found"],
  },
  // Last: rotation legitimately replaces A's keys.
  {
    name: "POST /credentials/rotate with B's ids rotates A's key",
    method: "POST",
    path: `/credentials/rotate${B_QUERY}`,
    headers: B_HEADERS,
    body: { mode: "test" },
    expect: ["201"],
    aOnly: (body, world) => {
      expect(body.platformId).toBe(world.a.platformId);
      expect(body.keys.map((key: { mode: string }) => key.mode)).toEqual(["test"]);
    },
  },
];

describeTenantIsolation<World>({
  worker: "front-auth-api",
  operations,
  send,
  seedWorld,
  credentials: { developerSession: "{{A_DEV_JWT}}", secretKey: "{{A_SECRET}}", endUserSession: "{{A_END_USER_JWT}}" },
  // Only a developer session is taken (the webhook takes none at all).
  refused: () => ["401 unauthenticated"],
  cells: CELLS,
  bParams: { keyId: "{{B_KEY}}" },
  forgedSession: { authorization: "Bearer {{A_TOKEN_WITH_B_SUB}}", outcome: ["401 unauthenticated"] },
});
