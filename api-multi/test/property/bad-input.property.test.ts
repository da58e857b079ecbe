/**
 * The bad-input suite (@dream-api/testkit/suites, bad-input.ts: what it
 * checks and why) over api-multi's operations, with api-multi's table:
 * plausible values, how each operation's requests are made where its
 * definition does not say enough, and the requests invalid by construction.
 *
 * api-multi is the public, key-authenticated API; the README promises "bad
 * JSON, wrong types, unknown fields, bodies over 64 KiB and malformed ids
 * are 400 and write nothing" and one error shape everywhere. Each property
 * seeds its own tenant (a paid developer's platform, test key, so not
 * preview-capped) and keeps to ≤ 100 runs. The one documented write on a
 * refusal: a track call for an unknown user registers that user (on the
 * lowest tier) even when the amount then exceeds its limit (403).
 *
 * GET /api/customers?q= gets its own property below: a prefix of any length
 * the schema accepts answers 200 with prefix matches only (it used to
 * answer 500 past D1's 50-byte LIKE pattern limit).
 */
import { env } from "cloudflare:test";
import { describeBadInput, type InputTenant } from "@dream-api/testkit/suites";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { call, createDeveloper, globalCounts, mintToken, operations, seedConnectedPlatform, seedPlatform, send, stripe, tenantRows, type SeededPlatform } from "../harness";
import {
  assertWellFormed,
  asHeaderValue,
  authorization,
  hostileHeaderValue,
  hostileJson,
  hostileString,
  objectBody,
  pathSegment,
  queryString,
  runs,
  urlEncoded,
  type RequestTemplate,
} from "@dream-api/testkit/arbitraries";

type Kind = "plain" | "connected";

/**
 * A paid developer's platform with tiers free/pro (and ebook when
 * connected), end-users alice and bob counted in D1, customer carol
 * registered through Clerk with an end-user session JWT, and the
 * developer's own dashboard session JWT.
 */
async function seedTenant(options: { connected?: boolean } = {}): Promise<InputTenant & { platformId: string }> {
  const platform: SeededPlatform & { account?: string } = options.connected ? await seedConnectedPlatform({ plan: "paid" }) : await seedPlatform({ plan: "paid" });
  const developer = await createDeveloper();
  await env.DB.prepare("UPDATE platforms SET developer_id = ?2 WHERE platform_id = ?1").bind(platform.platformId, developer.id).run();
  for (const [userId, amount] of [
    ["alice", 2],
    ["bob", 1],
  ] as const) {
    const tracked = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId, amount } });
    if (tracked.status !== 200) throw new Error(`seed track: ${tracked.status} ${JSON.stringify(tracked.body)}`);
  }
  const created = await call("POST", "/api/customers", {
    key: platform.secretKey,
    body: { userId: "carol", email: `carol.${crypto.randomUUID().slice(0, 8)}@example.com` },
  });
  if (created.status !== 201) throw new Error(`seed customer: ${created.status} ${JSON.stringify(created.body)}`);
  if (platform.account) {
    // carol has paid once: she has a Stripe customer on the connected account, so the portal opens.
    const customer = await stripe.customers.create({ email: "carol@example.com" }, { stripeAccount: platform.account });
    await env.DB.prepare("UPDATE end_users SET stripe_customer_id = ?3, stripe_customer_account = ?4 WHERE platform_id = ?1 AND user_id = ?2")
      .bind(platform.platformId, "carol", customer.id, platform.account)
      .run();
  }
  const endUserJwt = await mintToken(created.body.customer.clerkUserId, { instance: "end-user-api", azp: "https://app.developer.example", expiresInSeconds: 3600 });
  const developerJwt = await mintToken(developer.id, { expiresInSeconds: 3600 });
  return {
    platformId: platform.platformId,
    rows: () => tenantRows(platform.platformId),
    values: { SECRET: platform.secretKey, PK: platform.publishableKey, END_USER_JWT: endUserJwt, DEV_JWT: developerJwt, PLATFORM: platform.platformId, ACCOUNT: platform.account ?? "acct_none" },
  };
}

/** One tenant per property (so rate limits and state do not leak between properties). */
function tenantPerProperty(kinds: readonly Kind[]): () => Promise<InputTenant> {
  let tenant: Promise<InputTenant> | undefined;
  return () => (tenant ??= seedTenant({ connected: kinds.includes("connected") }));
}

// ---- values ---------------------------------------------------------------------------------------------------

/** End-user ids as the API accepts them. */
const plausibleUserId: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:@+-]{0,24}$/);
const userIdValue: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("alice", "bob", "carol") }, { weight: 1, arbitrary: plausibleUserId });
const emailValue: fc.Arbitrary<string> = fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,15}@[a-z0-9]{1,10}\.(com|io|dev)$/));
const planValue: fc.Arbitrary<string> = fc.constantFrom("free", "pro", "ebook", "enterprise", "FREE");
const redirectUrl: fc.Arbitrary<string> = fc.oneof(
  fc.webUrl({ size: "small" }),
  fc.constantFrom("https://app.example/ok", "javascript:alert(1)", "ftp://x.example", "http://localhost", "//evil.example"),
);

const secretKeyAuth = authorization("{{SECRET}}");
/** On routes that also take an end-user or developer session, any of the three credentials. */
const anyCredentialAuth = fc.constantFrom("{{SECRET}}", "{{SECRET}}", "{{END_USER_JWT}}", "{{DEV_JWT}}").chain(authorization);
const keyOrEndUserAuth = fc.constantFrom("{{SECRET}}", "{{END_USER_JWT}}").chain(authorization);
const userIdHeader = fc.option(fc.oneof(userIdValue, hostileHeaderValue), { nil: undefined, freq: 2 });
const noQuery = queryString(["expand", "debug"]);

const notAString = fc.oneof(
  hostileJson.filter((value) => typeof value !== "string"),
  fc.constant(null),
);
const notAnAmount = fc.oneof(
  fc.integer({ max: 0 }),
  fc.integer({ min: 1001 }),
  fc.double({ noInteger: true }).filter(Number.isFinite),
  fc.constantFrom(2 ** 53, 1e300, -1e300),
  hostileJson.filter((value) => typeof value !== "number"),
);
/** Ids the API must refuse: empty of valid characters, a forbidden character, or longer than 128. */
const malformedUserId: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(plausibleUserId, fc.constantFrom(" ", "/", "\\", "\u0000", "\n", "#", "?", "%", "é", "🙂", "\u202e", "<", "'", '"', "*"), plausibleUserId).map(([a, bad, b]) => `${a}${bad}${b}`),
  fc.constantFrom("-leading-dash", "_leading", ".hidden", "@at", "+plus"),
  fc.integer({ min: 129, max: 4_000 }).map((length) => "u".repeat(length)),
);
const badUserId = fc.oneof(notAString, malformedUserId);
const publishableKey = fc.oneof(
  { weight: 3, arbitrary: fc.constant("{{PK}}") },
  { weight: 2, arbitrary: fc.constantFrom("{{PK}}x", "x{{PK}}", " {{PK}}", "{{PK}}%00", "pk_test_", "pk_live_0000000000000000000000000000", "{{SECRET}}") },
  { weight: 2, arbitrary: hostileString.map(urlEncoded) },
);

/** Malformed ids in the path and in X-User-Id; header values travel as bytes without NUL/CR/LF, so only ids still malformed on the wire are kept. */
const malformedIdRequests: fc.Arbitrary<RequestTemplate> = (() => {
  const withUserIdHeader = malformedUserId.map((id) => ({ Authorization: "Bearer {{SECRET}}", "X-User-Id": asHeaderValue(id) }));
  const requests = fc.oneof(
    fc.record({
      method: fc.constantFrom("GET", "PATCH"),
      path: malformedUserId.map((id) => `/api/customers/${encodeURIComponent(id)}`),
      headers: fc.constant({ Authorization: "Bearer {{SECRET}}" }),
      body: fc.constant('{"plan":"pro"}'),
    }),
    fc.record({ method: fc.constant("GET"), path: fc.constant("/api/usage"), headers: withUserIdHeader }),
    fc.record({ method: fc.constant("POST"), path: fc.constant("/api/usage/track"), headers: withUserIdHeader, body: fc.constant("{}") }),
  );
  return requests.filter((template: RequestTemplate) => {
    const header = template.headers["X-User-Id"];
    return header === undefined || !/^[A-Za-z0-9][A-Za-z0-9_.:@+-]*$/.test(header.trim()) || header.trim().length > 128;
  });
})();

describeBadInput<Kind>({
  worker: "api-multi",
  operations,
  send,
  tenants: tenantPerProperty,
  defaultKinds: ["plain"],
  globalCounts,
  credentials: { secretKey: "{{SECRET}}", endUserSession: "{{END_USER_JWT}}", developerSession: "{{DEV_JWT}}" },
  auth: (operation) => (operation.auth.every((caller) => caller === "secretKey") ? secretKeyAuth : anyCredentialAuth),
  plausible: {
    userId: userIdValue,
    "X-User-Id": userIdValue,
    "Idempotency-Key": fc.stringMatching(/^[!-~]{1,64}$/),
    email: emailValue,
    plan: planValue,
    tier: planValue,
    amount: fc.integer({ min: 1, max: 1000 }),
    successUrl: redirectUrl,
    cancelUrl: redirectUrl,
    returnUrl: redirectUrl,
    limit: fc.oneof(fc.integer({ min: -5, max: 150 }).map(String), fc.constantFrom("1e1", "0x10", "20.5", " 5", "NaN", "")),
    cursor: fc.oneof(fc.base64String({ maxLength: 60 }), fc.constantFrom("WyIiLCIiXQ", "W10", "bnVsbA", "WzEsMl0", "WyJhIiwiYiIsImMiXQ")),
    q: fc.oneof(userIdValue, fc.constantFrom("%", "_", "\\", "a%", "carol.")),
  },
  hostile: {
    "POST /api/usage/track": { headers: { "X-User-Plan": fc.option(fc.oneof(planValue, hostileHeaderValue), { nil: undefined, freq: 3 }) } },
    "GET /api/customers/{userId}": { query: noQuery, headers: { "X-User-Id": userIdHeader } },
    "GET /api/tiers": { query: noQuery, headers: { "X-User-Id": userIdHeader } },
    "GET /api/dashboard": { query: noQuery, headers: { "X-User-Id": userIdHeader } },
    "POST /api/checkout": { numRuns: 80, kinds: ["connected"], auth: keyOrEndUserAuth },
    "POST /api/portal": { numRuns: 80, kinds: ["connected"], auth: keyOrEndUserAuth },
    "GET /api/public/tiers": {
      path: fc.oneof(
        publishableKey.map((value) => `/api/public/tiers?pk=${value}`),
        queryString(["pk"]).map((query) => `/api/public/tiers${query}`),
      ),
      auth: fc.option(authorization("{{SECRET}}"), { nil: undefined }),
      headers: { Origin: fc.option(hostileHeaderValue, { nil: undefined }) },
    },
  },
  anyRoute: { extraPaths: ["/health", "/api", ""], segment: pathSegment(userIdValue), body: objectBody({ userId: userIdValue, plan: planValue }), auth: anyCredentialAuth },
  invalid: {
    "POST /api/customers": [
      {
        name: "a body that breaks the schema",
        numRuns: 100,
        valid: { email: "valid@example.com" },
        fields: {
          userId: badUserId,
          email: fc.oneof(
            notAString,
            hostileString.filter((text) => !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(text)),
          ),
          plan: notAString,
        },
      },
    ],
    "POST /api/usage/track": [{ name: "a body that breaks the schema", numRuns: 100, valid: { userId: "alice", amount: 1 }, fields: { userId: badUserId, amount: notAnAmount } }],
    "PATCH /api/customers/{userId}": [
      {
        name: "a body that breaks the schema",
        numRuns: 100,
        params: { userId: "alice" },
        valid: { plan: "pro" },
        fields: {
          plan: fc.oneof(
            notAString,
            hostileString.filter((text) => !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(text)),
          ),
        },
      },
    ],
    "POST /api/checkout": [
      {
        name: "a body that breaks the schema",
        numRuns: 80,
        kinds: ["connected"],
        valid: { userId: "carol", tier: "pro" },
        fields: { userId: badUserId, tier: notAString, successUrl: fc.oneof(notAString, fc.constantFrom("not a url", "javascript:alert(1)", "ftp://x.example/", "")) },
      },
    ],
    "POST /api/portal": [
      {
        name: "a body that breaks the schema",
        numRuns: 80,
        kinds: ["connected"],
        valid: { userId: "carol" },
        fields: { userId: badUserId, returnUrl: fc.oneof(notAString, fc.constantFrom("mailto:a@example.com", "data:text/html,x", "http//missing-colon")) },
      },
    ],
    "GET /api/customers/{userId}": [{ name: "malformed ids in the path and in X-User-Id", numRuns: 100, requests: malformedIdRequests }],
  },
  validationCodes: ["invalid_json", "invalid_request", "body_too_large", "invalid_id"],
  mustWriteNothing: (result) => result.json?.error?.code !== "usage_limit_exceeded",
  webhook: {
    kinds: ["connected"],
    secrets: [inject("connectWebhookSecret"), inject("previewWebhookSecret")],
    foreignSecrets: [inject("platformWebhookSecret"), "whsec_guess"],
    handledPrefixes: ["checkout.session.", "customer.subscription.", "invoice.", "account.application."],
    unhandledFields: { account: fc.constantFrom("{{ACCOUNT}}", "acct_unknown") },
    /** Plausible Stripe events about the tenant (its account, platformId and users in metadata), with hostile fields mixed in. */
    event: objectBody({
      id: fc.stringMatching(/^evt_[A-Za-z0-9]{10,24}$/),
      object: fc.constant("event"),
      type: fc.constantFrom(
        "checkout.session.completed",
        "customer.subscription.updated",
        "customer.subscription.deleted",
        "invoice.payment_failed",
        "account.application.deauthorized",
        "product.created",
      ),
      account: fc.constantFrom("{{ACCOUNT}}", "acct_unknown"),
      livemode: fc.boolean(),
      created: fc.integer({ min: 0, max: 2 ** 31 }),
      data: fc.record({
        object: objectBody({
          id: fc.constantFrom("sub_x", "cs_x", "in_x"),
          mode: fc.constantFrom("subscription", "payment"),
          subscription: fc.constantFrom("sub_x", "sub_unknown"),
          payment_status: fc.constantFrom("paid", "unpaid"),
          metadata: fc.record({ platformId: fc.constantFrom("{{PLATFORM}}", "plt_other"), userId: userIdValue, tier: planValue }),
        }),
      }),
    }),
  },
});

/**
 * The search is a prefix match on userId or email of any length the schema
 * accepts (1-128 characters), past D1's 50-byte LIKE pattern limit (which
 * once made long or multi-byte prefixes answer 500), with `%`, `_` and `\`
 * matching themselves and ASCII letters in either case.
 */
describe("api-multi: GET /api/customers?q=", () => {
  it("of every length the schema accepts (1-128 characters) answers 200 with prefix matches only", { timeout: 60_000 }, async () => {
    const tenant = await seedTenant();
    const unit = fc.constantFrom("a", "A", "é", "%", "_", "\\", "1", "@");
    // Long customers to find: 130-character user ids and emails made of the same characters.
    const seeded = fc.sample(fc.string({ unit, minLength: 130, maxLength: 130 }), { numRuns: 4, seed: 7 });
    const now = new Date().toISOString();
    await env.DB.batch(
      seeded.map((text, index) =>
        env.DB.prepare("INSERT INTO end_users (platform_id, mode, user_id, email, plan, created_at, updated_at) VALUES (?1, 'test', ?2, ?3, 'free', ?4, ?4)").bind(
          tenant.platformId,
          index % 2 === 0 ? text : `long-${index}`,
          index % 2 === 0 ? null : `${text}@example.com`,
          now,
        ),
      ),
    );
    const flipAsciiCase = (text: string, flips: boolean[]) =>
      [...text].map((char, index) => (flips[index % flips.length] ? (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()) : char)).join("");
    const q = fc.oneof(
      fc.integer({ min: 1, max: 128 }).chain((length) => fc.string({ unit, minLength: length, maxLength: length })),
      fc
        .tuple(fc.constantFrom(...seeded), fc.integer({ min: 1, max: 128 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }))
        .map(([text, length, flips]) => flipAsciiCase(text.slice(0, length), flips).replace(/É/g, "é")),
    );
    const startsWith = (text: string | null, prefix: string) => text !== null && text.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
    await fc.assert(
      fc.asyncProperty(q, async (prefix) => {
        const result = await send({ method: "GET", path: `/api/customers?q=${encodeURIComponent(prefix)}&limit=100`, headers: { Authorization: "Bearer {{SECRET}}" } }, tenant.values);
        assertWellFormed(result);
        expect(result.status, result.text.slice(0, 300)).toBe(200);
        const found = result.json.data as { userId: string; email: string | null }[];
        for (const customer of found) {
          expect(startsWith(customer.userId, prefix) || startsWith(customer.email, prefix), `${customer.userId} / ${customer.email} for q=${prefix}`).toBe(true);
        }
        const expected = seeded.filter((text) => startsWith(text, prefix)).length;
        expect(found.filter((customer) => seeded.some((text) => customer.userId === text || customer.email === `${text}@example.com`))).toHaveLength(expected);
      }),
      runs(50),
    );
  });
});
