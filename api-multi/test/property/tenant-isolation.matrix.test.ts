/**
 * The tenant-isolation matrix (@dream-api/testkit/suites,
 * tenant-isolation.ts: what it checks for every cell and why) over
 * api-multi's operations.
 *
 * Two tenants, A and B, each a paid developer's platform connected to its
 * own Stripe stand-in account, with tiers, Clerk-registered customers,
 * usage, a Stripe customer, a subscription and a webhook event. One person
 * is a customer of both (A's "a-user", B's "b-person": one Clerk user, a
 * member of both tenants' organizations, who joined B last). Each cell aims
 * A's secret key, that person's end-user session with A's organization
 * active, and A's developer session JWT at B's ids (userIds, emails, tier
 * names, platformId, publishable key, account, cursor, organization) in
 * paths, bodies, query strings and extra headers: 404 for B's ids, 400 for
 * a tier name A does not have, or a 2xx that is about A only; a credential
 * the operation does not take is 401. The same session with its active
 * organization rewritten to B's (signature kept) is refused everywhere.
 * The README promises "another tenant's ids are 404".
 */
import { env } from "cloudflare:test";
import { insertTierStatement } from "@dream-api/shared/db";
import { assertWellFormed } from "@dream-api/testkit/arbitraries";
import { describeTenantIsolation, type IsolationCell, type Outcome } from "@dream-api/testkit/suites";
import { expect, it } from "vitest";
import { encodeCursor } from "../../src/services/customers/list";
import { call, createDeveloper, mintToken, operations, seedConnectedPlatform, send, stripe, tenantOrganizationOf, tenantRows, tier, withClaims, type ConnectedPlatform } from "../harness";

interface World {
  a: ConnectedPlatform;
  b: ConnectedPlatform;
  values: Record<string, string>;
  /** Everything of B that A must never be shown unless A sent it itself. */
  bSecrets: string[];
  bState(): Promise<unknown>;
  /** The Clerk user of the person who is a customer of both. */
  person: string;
}

async function registerCustomer(platform: ConnectedPlatform, userId: string, email: string): Promise<string> {
  const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId, email } });
  if (created.status !== 201) throw new Error(`customer ${userId}: ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.customer.clerkUserId as string;
}

async function giveDeveloper(platform: ConnectedPlatform) {
  const developer = await createDeveloper();
  await env.DB.prepare("UPDATE platforms SET developer_id = ?2 WHERE platform_id = ?1").bind(platform.platformId, developer.id).run();
  return developer;
}

async function seedWorld(): Promise<World> {
  const tag = crypto.randomUUID().slice(0, 8);
  const a = await seedConnectedPlatform({ plan: "paid" });
  const b = await seedConnectedPlatform({ plan: "paid" });
  await insertTierStatement(env.DB, b, tier({ name: "b-secret-tier", limit: 9, price: 0 }, 9), new Date().toISOString()).run();

  const aDeveloper = await giveDeveloper(a);
  const bDeveloper = await giveDeveloper(b);
  // One person, a customer of both: A registered them first, then B (so a new session of theirs would start in B's organization).
  const personEmail = `person.${tag}@example.com`;
  const aClerkId = await registerCustomer(a, "a-user", personEmail);
  const personAtB = await registerCustomer(b, "b-person", personEmail);
  if (personAtB !== aClerkId) throw new Error("the same email is not the same person at both developers");
  const aOrganization = await tenantOrganizationOf(a);
  const bOrganization = await tenantOrganizationOf(b);
  await registerCustomer(a, "shared-id", `a.shared.${tag}@example.com`);
  const bEmail = `b.${tag}@example.com`;
  const bSharedEmail = `b.shared.${tag}@example.com`;
  const bClerkId = await registerCustomer(b, "b-user", bEmail);
  const bSharedClerkId = await registerCustomer(b, "shared-id", bSharedEmail);
  for (const userId of ["b-user", "b-only-user", "shared-id", "b-person"]) {
    const tracked = await call("POST", "/api/usage/track", { key: b.secretKey, body: { userId, amount: 3 } });
    if (tracked.status !== 200) throw new Error(`track ${userId}: ${tracked.status}`);
  }
  // b-user has paid: a Stripe customer on B's account, a subscription and the event that recorded it.
  const bCustomer = await stripe.customers.create({ email: bEmail }, { stripeAccount: b.account });
  const now = new Date().toISOString();
  const bSubscriptionId = `sub_bsecret${tag}`;
  const bEventId = `evt_bsecret${tag}`;
  await env.DB.batch([
    env.DB.prepare("UPDATE end_users SET stripe_customer_id = ?3, stripe_customer_account = ?4 WHERE platform_id = ?1 AND user_id = ?2").bind(b.platformId, "b-user", bCustomer.id, b.account),
    env.DB.prepare(
      `INSERT INTO subscriptions (subscription_id, platform_id, user_id, customer_id, plan, price_id, status, stripe_account, created_at, updated_at)
       VALUES (?1, ?2, 'b-user', ?3, 'pro', ?4, 'active', ?5, ?6, ?6)`,
    ).bind(bSubscriptionId, b.platformId, bCustomer.id, b.proPriceId, b.account, now),
    env.DB.prepare(
      `INSERT INTO events (source, event_id, type, account, platform_id, payload, received_at, processed_at, outcome)
       VALUES ('connect', ?1, 'customer.subscription.created', ?2, ?3, '{}', ?4, ?4, 'subscription b')`,
    ).bind(bEventId, b.account, b.platformId, now),
  ]);

  const bRow = await env.DB.prepare("SELECT created_at FROM end_users WHERE platform_id = ?1 AND user_id = 'b-user'").bind(b.platformId).first<{ created_at: string }>();
  const aEndUserJwt = await mintToken(aClerkId, { instance: "end-user-api", organizationId: aOrganization, azp: "https://app.a.example", expiresInSeconds: 3600 });
  const values = {
    A_SECRET: a.secretKey,
    A_END_USER_JWT: aEndUserJwt,
    A_END_USER_JWT_NAMING_B: withClaims(aEndUserJwt, { o: { id: bOrganization, slg: "b", rol: "member" } }),
    A_DEV_JWT: await mintToken(aDeveloper.id, { expiresInSeconds: 3600 }),
    B_PLATFORM: b.platformId,
    B_PK: b.publishableKey,
    B_ACCOUNT: b.account,
    B_EMAIL: bEmail,
    B_EMAIL_PREFIX: bEmail.slice(0, 6),
    B_CLERK_ID: bClerkId,
    B_DEVELOPER: bDeveloper.id,
    B_CURSOR: encodeCursor({ createdAt: bRow?.created_at ?? now, userId: "b-user" }),
    B_STRIPE_CUSTOMER: bCustomer.id,
    B_SUBSCRIPTION: bSubscriptionId,
    B_ORGANIZATION: bOrganization ?? "",
  };
  const bSecrets = [
    b.platformId,
    b.publishableKey,
    b.secretKey,
    b.keyId,
    b.account,
    b.proPriceId,
    b.ebookPriceId,
    bEmail,
    bSharedEmail,
    bClerkId,
    bSharedClerkId,
    bDeveloper.id,
    bCustomer.id,
    bSubscriptionId,
    bEventId,
    "b-secret-tier",
    "b-user",
    "b-only-user",
    "b-person",
    bOrganization ?? "",
  ];
  return { a, b, values, bSecrets, bState: () => tenantRows(b.platformId), person: aClerkId };
}

const CELLS: IsolationCell<World>[] = [
  { name: "GET /api/customers/:userId of B's user", method: "GET", path: "/api/customers/b-user", expect: ["404 customer_not_found"] },
  { name: "GET /api/customers/:userId of B's D1-only user", method: "GET", path: "/api/customers/b-only-user", expect: ["404 customer_not_found"] },
  {
    name: "GET /api/customers/:userId of a userId both tenants use",
    method: "GET",
    path: "/api/customers/shared-id",
    expect: ["200"],
    aOnly: (body) => expect(body.customer).toMatchObject({ userId: "shared-id", usage: { count: 0 } }),
  },
  { name: "GET /api/customers/:userId with B's Clerk id", method: "GET", path: "/api/customers/{{B_CLERK_ID}}", expect: ["404 customer_not_found"] },
  { name: "PATCH /api/customers/:userId of B's user to a tier both have", method: "PATCH", path: "/api/customers/b-user", body: { plan: "pro" }, expect: ["404 customer_not_found"] },
  {
    name: "PATCH /api/customers/:userId of B's user to B's own tier",
    method: "PATCH",
    path: "/api/customers/b-user",
    body: { plan: "b-secret-tier" },
    // The plan is resolved against A's tiers first: A has no such tier.
    expect: ["400 unknown_plan", "404 customer_not_found"],
  },
  {
    name: "PATCH /api/customers/:userId of a userId both tenants use",
    method: "PATCH",
    path: "/api/customers/shared-id",
    body: { plan: "pro" },
    expect: ["200"],
    aOnly: (body) => expect(body.customer).toMatchObject({ userId: "shared-id", plan: "pro" }),
  },
  { name: "GET /api/customers?q= prefix of B's userIds", method: "GET", path: "/api/customers?q=b-", expect: ["200"], aOnly: (body) => expect(body.data).toEqual([]) },
  { name: "GET /api/customers?q= prefix of B's email", method: "GET", path: "/api/customers?q={{B_EMAIL_PREFIX}}", expect: ["200"], aOnly: (body) => expect(body.data).toEqual([]) },
  { name: "GET /api/customers?cursor= made from B's row", method: "GET", path: "/api/customers?cursor={{B_CURSOR}}", expect: ["200"] },
  {
    name: "GET /api/customers with B's platformId in the query and headers",
    method: "GET",
    path: "/api/customers?platformId={{B_PLATFORM}}",
    headers: { "X-Platform-Id": "{{B_PLATFORM}}", "X-Publishable-Key": "{{B_PK}}", "Stripe-Account": "{{B_ACCOUNT}}" },
    // Unknown query fields are refused; the headers are ignored.
    expect: ["400 invalid_request"],
  },
  {
    name: "GET /api/customers (list) with B's ids in headers",
    method: "GET",
    path: "/api/customers",
    headers: { "X-Platform-Id": "{{B_PLATFORM}}", "X-Publishable-Key": "{{B_PK}}", "X-User-Id": "b-user" },
    expect: ["200"],
    aOnly: (body) => expect(body.data.map((customer: { userId: string }) => customer.userId).sort()).toEqual(["a-user", "shared-id"]),
  },
  { name: "DELETE /api/customers/:userId of B's user", method: "DELETE", path: "/api/customers/b-user", expect: ["404 customer_not_found"] },
  { name: "DELETE /api/customers/:userId of B's name for the shared person", method: "DELETE", path: "/api/customers/b-person", expect: ["404 customer_not_found"] },
  // B's customer "b-person" is not A's: A cannot read or move its credits.
  { name: "GET /api/customers/:userId/credits of B's customer", method: "GET", path: "/api/customers/b-person/credits", expect: ["404 customer_not_found"] },
  {
    name: "POST /api/customers/:userId/credits to B's customer",
    method: "POST",
    path: "/api/customers/b-person/credits",
    body: { amount: 500, reason: "isolation" },
    expect: ["404 customer_not_found"],
  },
  // A's event log holds A's own events, and so what A itself sent (other cells register B's names and email as A's customers):
  // filtered to an end-user B has events for, nothing of B's.
  {
    name: "GET /api/webhook-events filtered to a userId B has events for",
    method: "GET",
    path: "/api/webhook-events?userId=b-person",
    expect: ["200"],
    aOnly: (body) => expect(body.events).toEqual([]),
  },
  // A's log holds A's own requests, and so the ids A itself sent (other cells send B's names as A's); filtered to one of them, nothing of B's.
  {
    name: "GET /api/logs filtered to a userId B also has",
    method: "GET",
    path: "/api/logs?userId=b-person",
    expect: ["200"],
    aOnly: (body, world) => {
      const callers = (body.logs as { caller: string }[]).map((line) => line.caller);
      expect(callers.filter((caller) => caller !== "dashboard" && !world.a.secretKey.startsWith(caller.replace("…", "")))).toEqual([]);
    },
  },
  {
    name: "GET /api/usage of the shared person under B's name",
    method: "GET",
    path: "/api/usage?userId=b-person",
    expect: { secretKey: ["404 customer_not_found"], endUserSession: ["403 forbidden"] },
  },
  {
    name: "GET /api/usage of the shared person's own session (A's organization active)",
    method: "GET",
    path: "/api/usage",
    headers: { "X-Organization-Id": "{{B_ORGANIZATION}}" },
    // A key names no end-user; the person's session reads their usage at A (0), not at B (3).
    expect: { secretKey: ["400 invalid_request"], endUserSession: ["200"] },
    aOnly: (body) => expect(body.usage).toMatchObject({ count: 0 }),
  },
  {
    name: "GET /api/public/platforms/:platformId of B in live mode (B has no live tiers)",
    method: "GET",
    path: "/api/public/platforms/{{B_PLATFORM}}?mode=live",
    expect: ["200"],
    aOnly: (body) => expect(body).toMatchObject({ tiers: [], organizationId: null, mode: "live" }),
  },
  {
    name: "POST /api/public/platforms/:platformId/join of B in live mode",
    method: "POST",
    path: "/api/public/platforms/{{B_PLATFORM}}/join?mode=live",
    body: {},
    // Only a person's session joins; B sells nothing live, so even it changes nothing.
    expect: { secretKey: ["401 invalid_token"], developerSession: ["401 invalid_token"], endUserSession: ["409 no_tiers_configured"] },
  },
  {
    name: "GET /api/usage of B's user (X-User-Id)",
    method: "GET",
    path: "/api/usage",
    headers: { "X-User-Id": "b-user" },
    expect: { secretKey: ["404 customer_not_found"], endUserSession: ["403 forbidden"] },
  },
  { name: "GET /api/usage of B's user (?userId)", method: "GET", path: "/api/usage?userId=b-only-user", expect: { secretKey: ["404 customer_not_found"], endUserSession: ["403 forbidden"] } },
  {
    name: "GET /api/tiers",
    method: "GET",
    path: "/api/tiers",
    headers: { "X-Platform-Id": "{{B_PLATFORM}}" },
    expect: ["200"],
    aOnly: (body) => expect(body.tiers.map((candidate: { name: string }) => candidate.name)).toEqual(["free", "pro", "ebook"]),
  },
  {
    name: "GET /api/dashboard",
    method: "GET",
    path: "/api/dashboard",
    headers: { "X-Platform-Id": "{{B_PLATFORM}}" },
    expect: ["200"],
    aOnly: (body, world) => {
      expect(body.platformId).toBe(world.a.platformId);
      expect(body.subscriptions).toEqual([]);
      expect(body.recentEvents).toEqual([]);
    },
  },
  {
    name: "POST /api/checkout for B's user",
    method: "POST",
    path: "/api/checkout",
    body: { userId: "b-user", tier: "pro" },
    expect: { secretKey: ["404 customer_not_found"], endUserSession: ["403 forbidden"] },
  },
  {
    name: "POST /api/checkout of B's own tier",
    method: "POST",
    path: "/api/checkout",
    body: { userId: "a-user", tier: "b-secret-tier" },
    // The end-user JWT is a-user's own, so both credentials reach the tier lookup, in A.
    expect: ["400 unknown_tier"],
  },
  {
    name: "POST /api/portal for B's paying user",
    method: "POST",
    path: "/api/portal",
    body: { userId: "b-user" },
    expect: { secretKey: ["404 customer_not_found"], endUserSession: ["403 forbidden"] },
  },
  {
    name: "POST /webhook/stripe naming B's account and subscription, unsigned",
    method: "POST",
    path: "/webhook/stripe",
    headers: { "Stripe-Signature": "t=1,v1=00" },
    body: {
      id: "evt_forged",
      type: "customer.subscription.deleted",
      account: "{{B_ACCOUNT}}",
      data: { object: { id: "{{B_SUBSCRIPTION}}", metadata: { platformId: "{{B_PLATFORM}}", userId: "b-user" } } },
    },
    expect: ["400 invalid_signature"],
  },
  // Last: these legitimately register B's userIds (and B's customer's email) as A's own end-users, which later cells would then see.
  {
    name: "POST /api/customers with B's userId and B's customer's email",
    method: "POST",
    path: "/api/customers",
    body: { userId: "b-user", email: "{{B_EMAIL}}" },
    // A person may be a customer of many developers: A gets its own customer, told nothing of B's. It is the same person, so the same Clerk user.
    expect: ["201"],
    shares: ["{{B_CLERK_ID}}"],
    aOnly: (body) => expect(body.customer).toMatchObject({ userId: "b-user", plan: "free", usage: { count: 0 }, subscription: null }),
  },
  {
    name: "POST /api/usage/track for B's user counts in A only",
    method: "POST",
    path: "/api/usage/track",
    body: { userId: "b-user", amount: 1 },
    // Documented: an unknown userId is registered in the caller's own tenant on its first track.
    expect: ["200"],
    aOnly: (body) => expect(body.usage).toMatchObject({ count: 1, plan: "free" }),
  },
  {
    name: "POST /api/usage/track for B's user through X-User-Id",
    method: "POST",
    path: "/api/usage/track",
    headers: { "X-User-Id": "b-only-user" },
    expect: ["200"],
    aOnly: (body) => expect(body.usage).toMatchObject({ count: 1, plan: "free" }),
  },
];

/** A credential an operation does not take: a session where only a key is taken is not a key; otherwise it is not the session taken. */
const refused = (operation: { auth: readonly string[] }): Outcome[] =>
  operation.auth.some((caller) => caller === "endUserSession" || caller === "developerSession") ? ["401 invalid_token"] : ["401 invalid_api_key"];

describeTenantIsolation<World>({
  worker: "api-multi",
  operations,
  send,
  seedWorld,
  credentials: { secretKey: "{{A_SECRET}}", endUserSession: "{{A_END_USER_JWT}}", developerSession: "{{A_DEV_JWT}}" },
  // The dashboard names the mode it shows (A's data is all test mode).
  credentialQuery: { developerSession: "mode=test" },
  // Refused as a session where sessions are taken, and as no key where only keys are.
  forgedSession: { authorization: "Bearer {{A_END_USER_JWT_NAMING_B}}", outcome: ["401 invalid_token", "401 invalid_api_key"] },
  refused,
  cells: CELLS,
  bParams: { userId: "b-user" },
  more: (world) => {
    it("public pricing is the one route that shows B's tiers, and only their public fields", async () => {
      const { values, bSecrets, b } = world();
      const result = await send({ method: "GET", path: "/api/public/tiers?pk={{B_PK}}", headers: { Authorization: "Bearer {{A_SECRET}}" } }, values);
      assertWellFormed(result);
      expect(result.status).toBe(200);
      expect(result.json.tiers.map((candidate: { name: string }) => candidate.name)).toContain("b-secret-tier");
      const privateOfB = bSecrets.filter((secret) => !["b-secret-tier", b.publishableKey, b.platformId, values["B_ORGANIZATION"]].includes(secret));
      for (const secret of privateOfB) expect(result.text).not.toContain(secret);
    });

    it("the pricing page by platform id shows the same public fields, and the organization people join", async () => {
      const { values, bSecrets, b } = world();
      const result = await send({ method: "GET", path: "/api/public/platforms/{{B_PLATFORM}}?mode=test", headers: { Authorization: "Bearer {{A_END_USER_JWT}}" } }, values);
      assertWellFormed(result);
      expect(result.status).toBe(200);
      expect(result.json).toMatchObject({ platformId: b.platformId, organizationId: values["B_ORGANIZATION"] });
      const privateOfB = bSecrets.filter((secret) => !["b-secret-tier", b.platformId, values["B_ORGANIZATION"]].includes(secret));
      for (const secret of privateOfB) expect(result.text).not.toContain(secret);
    });

    it("the shared person's session with B's organization active is B's customer only: it never reads A", async () => {
      const { values, person } = world();
      const inB = await mintToken(person, { instance: "end-user-api", organizationId: values["B_ORGANIZATION"] ?? null });
      const usage = await send({ method: "GET", path: "/api/usage", headers: { Authorization: `Bearer ${inB}` } }, values);
      expect(usage.status).toBe(200);
      expect(usage.json.usage).toMatchObject({ count: 3 });
      const aUser = await send({ method: "GET", path: "/api/usage?userId=a-user", headers: { Authorization: `Bearer ${inB}` } }, values);
      expect(aUser.status).toBe(403);
    });
  },
});
