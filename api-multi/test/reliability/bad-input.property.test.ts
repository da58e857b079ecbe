/**
 * Property-based bad-input tests for every JSON endpoint of api-multi.
 *
 * Properties checked, with fast-check generating random and hostile bodies
 * (any JSON value, wrong types, huge/negative/fractional numbers, NaN-like
 * strings, deep nesting, long strings, control characters, unicode and lone
 * surrogates, prototype-pollution keys, unknown fields, invalid UTF-8,
 * truncated JSON, over 64 KiB), hostile headers (Authorization variants,
 * X-User-Id, Content-Type lies), hostile path ids and query strings:
 *
 *  1. never a 5xx, every response has an X-Request-Id, and every 4xx has
 *     the error shape `{error: {code, message}, requestId}` with a known
 *     code, the status that code maps to, and requestId = X-Request-Id;
 *  2. a rejected request writes nothing: every row of the tenant's tables is
 *     the same before and after (full rows, so an UPDATE shows too);
 *  3. requests that are invalid by construction (unparsable body, unknown
 *     field, wrong type, malformed id) are exactly 400 with a validation code;
 *  4. no request pollutes Object.prototype of the isolate serving it.
 *
 * Why: api-multi is the public, key-authenticated API; the README promises
 * "bad JSON, wrong types, unknown fields, bodies over 64 KiB and malformed
 * ids are 400 and write nothing" and one error shape everywhere. A 5xx on
 * client garbage is both a bug and an availability risk (alerts, retries).
 *
 * GET /api/customers?q= gets its own property: a prefix of any length the
 * schema accepts answers 200 with prefix matches only (it used to answer 500
 * past D1's 50-byte LIKE pattern limit).
 *
 * Each property seeds its own tenant (so rate limits and state do not leak
 * between properties) and keeps to ≤ 100 runs. fast-check prints the seed of
 * a failure; paste it into REPLAY in
 * emulators/src/testing/arbitraries.ts to replay it.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { call, mintToken, createDeveloper, seedConnectedPlatform, seedPlatform, stripe, type SeededPlatform } from "../harness";
import {
  asHeaderValue,
  assertPrototypeClean,
  assertWellFormed,
  authorization,
  contentType,
  forgedSignature,
  forgedSignatureHeader,
  globalCounts,
  hostileHeaderValue,
  hostileJson,
  hostileKey,
  hostileString,
  objectBody,
  pathSegment,
  plausibleUserId,
  queryString,
  rawBody,
  runs,
  send,
  stripeHmac,
  substitute,
  tenantRows,
  unparsableBody,
  type RawResult,
  type RequestTemplate,
  type Substitutions,
} from "./arbitraries";

const PROPERTY_TIMEOUT = 60_000;

interface Tenant {
  platformId: string;
  values: Substitutions;
}

/**
 * A paid developer's platform (test key, so not preview-capped) with tiers
 * free/pro (and ebook when connected), end-users alice and bob counted in
 * D1, customer carol registered through Clerk with an end-user session JWT,
 * and the developer's own dashboard session JWT.
 */
async function seedTenant(options: { connected?: boolean } = {}): Promise<Tenant> {
  const platform: SeededPlatform & { account?: string } = options.connected ? await seedConnectedPlatform({ plan: "paid" }) : await seedPlatform({ plan: "paid" });
  const developer = await createDeveloper();
  await env.DB.prepare("UPDATE platforms SET developer_id = ?2 WHERE platform_id = ?1").bind(platform.platformId, developer.id).run();
  for (const [userId, amount] of [["alice", 2], ["bob", 1]] as const) {
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
    values: {
      SECRET: platform.secretKey,
      PK: platform.publishableKey,
      END_USER_JWT: endUserJwt,
      DEV_JWT: developerJwt,
      PLATFORM: platform.platformId,
      ACCOUNT: platform.account ?? "acct_none",
    },
  };
}

/** Response codes of a request that was refused for what it contained. */
const VALIDATION_CODES = new Set(["invalid_json", "invalid_request", "body_too_large", "invalid_id"]);

/**
 * Whether a 4xx must have left the tenant untouched. The one documented
 * exception: a track call for an unknown user registers that user (on the
 * lowest tier) even when the amount then exceeds its limit (403).
 */
function mustWriteNothing(result: RawResult): boolean {
  return result.status >= 400 && result.json?.error?.code !== "usage_limit_exceeded";
}

/** Properties 1, 2 and 4 for one request generator against one tenant. */
async function checkHostileRequests(tenant: Tenant, requests: fc.Arbitrary<RequestTemplate>, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(requests, async (template) => {
      const before = await tenantRows(tenant.platformId);
      const result = await send(template, tenant.values);
      assertWellFormed(result);
      assertPrototypeClean();
      if (mustWriteNothing(result)) expect(await tenantRows(tenant.platformId)).toEqual(before);
    }),
    runs(numRuns),
  );
}

/** Property 3: a request that is invalid by construction is a 400 validation error and writes nothing. */
async function checkInvalidRequests(tenant: Tenant, requests: fc.Arbitrary<RequestTemplate>, numRuns: number): Promise<void> {
  await fc.assert(
    fc.asyncProperty(requests, async (template) => {
      const before = await tenantRows(tenant.platformId);
      const result = await send(template, tenant.values);
      assertWellFormed(result);
      expect(result.status, result.text.slice(0, 300)).toBe(400);
      expect(VALIDATION_CODES, result.text.slice(0, 300)).toContain(result.json.error.code);
      expect(await tenantRows(tenant.platformId)).toEqual(before);
    }),
    runs(numRuns),
  );
}

// ---- generators for api-multi's requests --------------------------------------------------------------------

const userIdValue: fc.Arbitrary<string> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("alice", "bob", "carol") }, { weight: 1, arbitrary: plausibleUserId });
const emailValue: fc.Arbitrary<string> = fc.oneof(fc.emailAddress(), fc.stringMatching(/^[a-z0-9][a-z0-9_+-]{0,15}@[a-z0-9]{1,10}\.(com|io|dev)$/));
const planValue: fc.Arbitrary<string> = fc.constantFrom("free", "pro", "ebook", "enterprise", "FREE");
const redirectUrl: fc.Arbitrary<string> = fc.oneof(fc.webUrl({ size: "small" }), fc.constantFrom("https://app.example/ok", "javascript:alert(1)", "ftp://x.example", "http://localhost", "//evil.example"));

const secretKeyAuth = authorization("{{SECRET}}");
/** On routes that also take an end-user or developer session, any of the three credentials. */
const anyCredentialAuth = fc.constantFrom("{{SECRET}}", "{{SECRET}}", "{{END_USER_JWT}}", "{{DEV_JWT}}").chain(authorization);

function headers(auth: fc.Arbitrary<string | undefined>, extra: Record<string, fc.Arbitrary<string | undefined>> = {}) {
  return fc.record({ Authorization: auth, "Content-Type": contentType, ...extra });
}

const userIdHeader = fc.option(fc.oneof(userIdValue, hostileHeaderValue), { nil: undefined, freq: 2 });

function jsonRequest(method: string, path: fc.Arbitrary<string>, auth: fc.Arbitrary<string | undefined>, body: fc.Arbitrary<Record<string, unknown>>, extraHeaders = {}) {
  return fc.record({ method: fc.constant(method), path, headers: headers(auth, extraHeaders), body: rawBody(body) });
}

const createCustomerBody = objectBody({ userId: userIdValue, email: emailValue, plan: planValue });
const trackBody = objectBody({ userId: userIdValue, amount: fc.integer({ min: 1, max: 1000 }) });
const patchBody = objectBody({ plan: planValue });
const checkoutBody = objectBody({ userId: userIdValue, tier: planValue, successUrl: redirectUrl, cancelUrl: redirectUrl });
const portalBody = objectBody({ userId: userIdValue, returnUrl: redirectUrl });
const customerPath = pathSegment(userIdValue).map((id) => `/api/customers/${id}`);
const noQuery = queryString(["expand", "debug"]);

/** The same endpoint with a body that cannot be valid: unparsable, an unknown field, or a wrongly typed field. */
function invalidJsonRequest(method: string, path: fc.Arbitrary<string>, valid: Record<string, unknown>, fields: Record<string, fc.Arbitrary<unknown>>) {
  const known = new Set(Object.keys(fields));
  const unknownField = fc
    .tuple(hostileKey.filter((key) => !known.has(key)), hostileJson)
    .map(([key, value]) => JSON.stringify({ ...valid, [key]: value === undefined ? null : value }));
  const wrongType = fc.constantFrom(...Object.keys(fields)).chain((field) => fields[field]!.map((value) => JSON.stringify({ ...valid, [field]: value })));
  return fc.record({
    method: fc.constant(method),
    path,
    headers: fc.record({ Authorization: fc.constant("Bearer {{SECRET}}"), "Content-Type": contentType }),
    body: fc.oneof(unparsableBody(fc.constant(valid)), unknownField, wrongType),
  });
}

const notAString = fc.oneof(hostileJson.filter((value) => typeof value !== "string"), fc.constant(null));
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

describe("api-multi: hostile input never yields a 5xx, always the error shape, and a rejection writes nothing", () => {
  it("POST /api/customers", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    await checkHostileRequests(tenant, jsonRequest("POST", fc.constant("/api/customers"), secretKeyAuth, createCustomerBody), 100);
  });

  it("GET /api/customers/:userId", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const requests = fc.record({ method: fc.constant("GET"), path: fc.tuple(customerPath, noQuery).map(([path, query]) => path + query), headers: headers(anyCredentialAuth, { "X-User-Id": userIdHeader }) });
    await checkHostileRequests(tenant, requests, 100);
  });

  it("PATCH /api/customers/:userId", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    await checkHostileRequests(tenant, jsonRequest("PATCH", customerPath, secretKeyAuth, patchBody), 100);
  });

  it("GET /api/customers?limit&cursor&q", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const query = queryString(["limit", "cursor", "q"], {
      limit: fc.oneof(fc.integer({ min: -5, max: 150 }).map(String), fc.constantFrom("1e1", "0x10", "20.5", " 5", "NaN", "")),
      cursor: fc.oneof(fc.base64String({ maxLength: 60 }), fc.constantFrom("WyIiLCIiXQ", "W10", "bnVsbA", "WzEsMl0", "WyJhIiwiYiIsImMiXQ")),
      q: fc.oneof(userIdValue, fc.constantFrom("%", "_", "\\", "a%", "carol.")),
    });
    const requests = fc.record({ method: fc.constant("GET"), path: query.map((q) => `/api/customers${q}`), headers: headers(anyCredentialAuth) });
    await checkHostileRequests(tenant, requests, 100);
  });

  /**
   * The search is a prefix match on userId or email of any length the schema
   * accepts (1-128 characters), past D1's 50-byte LIKE pattern limit (which
   * once made long or multi-byte prefixes answer 500), with `%`, `_` and `\`
   * matching themselves and ASCII letters in either case.
   */
  it("GET /api/customers?q= of every length the schema accepts (1-128 characters) answers 200 with prefix matches only", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const unit = fc.constantFrom("a", "A", "é", "%", "_", "\\", "1", "@");
    // Long customers to find: 130-character user ids and emails made of the same characters.
    const seeded = fc.sample(fc.string({ unit, minLength: 130, maxLength: 130 }), { numRuns: 4, seed: 7 });
    const now = new Date().toISOString();
    await env.DB.batch(
      seeded.map((text, index) =>
        env.DB.prepare("INSERT INTO end_users (platform_id, user_id, email, plan, created_at, updated_at) VALUES (?1, ?2, ?3, 'free', ?4, ?4)").bind(
          tenant.platformId,
          index % 2 === 0 ? text : `long-${index}`,
          index % 2 === 0 ? null : `${text}@example.com`,
          now,
        ),
      ),
    );
    const flipAsciiCase = (text: string, flips: boolean[]) => [...text].map((char, index) => (flips[index % flips.length] ? (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()) : char)).join("");
    const q = fc.oneof(
      fc.integer({ min: 1, max: 128 }).chain((length) => fc.string({ unit, minLength: length, maxLength: length })),
      fc.tuple(fc.constantFrom(...seeded), fc.integer({ min: 1, max: 128 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 })).map(([text, length, flips]) =>
        flipAsciiCase(text.slice(0, length), flips).replace(/É/g, "é"),
      ),
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

  it("POST /api/usage/track", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const planHeader = fc.option(fc.oneof(planValue, hostileHeaderValue), { nil: undefined, freq: 3 });
    await checkHostileRequests(tenant, jsonRequest("POST", fc.constant("/api/usage/track"), secretKeyAuth, trackBody, { "X-User-Id": userIdHeader, "X-User-Plan": planHeader }), 100);
  });

  it("GET /api/usage", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const requests = fc.record({
      method: fc.constant("GET"),
      path: queryString(["userId"], { userId: userIdValue }).map((query) => `/api/usage${query}`),
      headers: headers(anyCredentialAuth, { "X-User-Id": userIdHeader }),
    });
    await checkHostileRequests(tenant, requests, 100);
  });

  it("GET /api/tiers and GET /api/dashboard", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const requests = fc.record({
      method: fc.constant("GET"),
      path: fc.tuple(fc.constantFrom("/api/tiers", "/api/dashboard"), noQuery).map(([path, query]) => path + query),
      headers: headers(anyCredentialAuth, { "X-User-Id": userIdHeader }),
    });
    await checkHostileRequests(tenant, requests, 100);
  });

  it("POST /api/checkout (connected account)", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant({ connected: true });
    const auth = fc.constantFrom("{{SECRET}}", "{{END_USER_JWT}}").chain(authorization);
    await checkHostileRequests(tenant, jsonRequest("POST", fc.constant("/api/checkout"), auth, checkoutBody), 80);
  });

  it("POST /api/portal (connected account)", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant({ connected: true });
    const auth = fc.constantFrom("{{SECRET}}", "{{END_USER_JWT}}").chain(authorization);
    await checkHostileRequests(tenant, jsonRequest("POST", fc.constant("/api/portal"), auth, portalBody), 80);
  });

  it("GET /api/public/tiers?pk", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const pk = fc.oneof(
      { weight: 3, arbitrary: fc.constant("{{PK}}") },
      { weight: 2, arbitrary: fc.constantFrom("{{PK}}x", "x{{PK}}", " {{PK}}", "{{PK}}%00", "pk_test_", "pk_live_0000000000000000000000000000", "{{SECRET}}") },
      { weight: 2, arbitrary: hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"))) },
    );
    const requests = fc.record({
      method: fc.constant("GET"),
      path: fc.oneof(pk.map((value) => `/api/public/tiers?pk=${value}`), queryString(["pk"]).map((query) => `/api/public/tiers${query}`)),
      headers: fc.record({ Authorization: fc.option(authorization("{{SECRET}}"), { nil: undefined }), Origin: fc.option(hostileHeaderValue, { nil: undefined }) }),
    });
    await checkHostileRequests(tenant, requests, 100);
  });

  it("any method on any route, with garbage path segments", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const route = fc.constantFrom("/api/customers", "/api/usage", "/api/usage/track", "/api/tiers", "/api/checkout", "/api/portal", "/api/dashboard", "/api/public/tiers", "/webhook/stripe", "/health", "/api", "");
    const requests = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
      path: fc.tuple(route, fc.array(pathSegment(userIdValue), { maxLength: 2 }), noQuery).map(([base, segments, query]) => [base, ...segments].join("/") + query || "/"),
      headers: headers(anyCredentialAuth),
      body: rawBody(objectBody({ userId: userIdValue, plan: planValue })),
    });
    await checkHostileRequests(tenant, requests, 100);
  });
});

describe("api-multi: requests invalid by construction are exactly 400 with a validation code and write nothing", () => {
  it("POST /api/customers", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const fields = { userId: fc.oneof(notAString, malformedUserId), email: fc.oneof(notAString, hostileString.filter((text) => !/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(text))), plan: notAString };
    await checkInvalidRequests(tenant, invalidJsonRequest("POST", fc.constant("/api/customers"), { email: "valid@example.com" }, fields), 100);
  });

  it("POST /api/usage/track", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const fields = { userId: fc.oneof(notAString, malformedUserId), amount: notAnAmount };
    await checkInvalidRequests(tenant, invalidJsonRequest("POST", fc.constant("/api/usage/track"), { userId: "alice", amount: 1 }, fields), 100);
  });

  it("PATCH /api/customers/:userId", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const fields = { plan: fc.oneof(notAString, hostileString.filter((text) => !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(text))) };
    await checkInvalidRequests(tenant, invalidJsonRequest("PATCH", fc.constant("/api/customers/alice"), { plan: "pro" }, fields), 100);
  });

  it("POST /api/checkout and POST /api/portal", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant({ connected: true });
    const checkout = invalidJsonRequest("POST", fc.constant("/api/checkout"), { userId: "carol", tier: "pro" }, {
      userId: fc.oneof(notAString, malformedUserId),
      tier: notAString,
      successUrl: fc.oneof(notAString, fc.constantFrom("not a url", "javascript:alert(1)", "ftp://x.example/", "")),
    });
    const portal = invalidJsonRequest("POST", fc.constant("/api/portal"), { userId: "carol" }, {
      userId: fc.oneof(notAString, malformedUserId),
      returnUrl: fc.oneof(notAString, fc.constantFrom("mailto:a@example.com", "data:text/html,x", "http//missing-colon")),
    });
    await checkInvalidRequests(tenant, fc.oneof(checkout, portal), 80);
  });

  it("malformed ids in the path and in X-User-Id", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant();
    const encoded = malformedUserId.map((id) => encodeURIComponent(id));
    const requests = fc.oneof(
      fc.record({ method: fc.constantFrom("GET", "PATCH"), path: encoded.map((id) => `/api/customers/${id}`), headers: fc.constant({ Authorization: "Bearer {{SECRET}}" }), body: fc.constant('{"plan":"pro"}') }),
      fc.record({ method: fc.constant("GET"), path: fc.constant("/api/usage"), headers: malformedUserId.map((id) => ({ Authorization: "Bearer {{SECRET}}", "X-User-Id": asHeaderValue(id) })) }),
      fc.record({ method: fc.constant("POST"), path: fc.constant("/api/usage/track"), headers: malformedUserId.map((id) => ({ Authorization: "Bearer {{SECRET}}", "X-User-Id": asHeaderValue(id) })), body: fc.constant("{}") }),
    );
    // Header values travel as bytes without NUL/CR/LF: keep only ids that are still malformed on the wire.
    const stillMalformed = (template: RequestTemplate) => {
      const header = template.headers["X-User-Id"];
      return header === undefined || !/^[A-Za-z0-9][A-Za-z0-9_.:@+-]*$/.test(header.trim()) || header.trim().length > 128;
    };
    await checkInvalidRequests(tenant, requests.filter(stillMalformed), 100);
  });
});

// ---- POST /webhook/stripe ------------------------------------------------------------------------------------

/** Event types api-multi acts on; any other type is recorded and ignored. */
const HANDLED_EVENT_PREFIXES = ["checkout.session.", "customer.subscription.", "invoice.", "account.application."];
const eventId = fc.stringMatching(/^evt_[A-Za-z0-9]{10,24}$/);

/** Plausible Stripe events about the tenant (its account, platformId and users in metadata), with hostile fields mixed in. */
const eventBody = objectBody({
  id: eventId,
  object: fc.constant("event"),
  type: fc.constantFrom("checkout.session.completed", "customer.subscription.updated", "customer.subscription.deleted", "invoice.payment_failed", "account.application.deauthorized", "product.created"),
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
});

function bodyText(body: string | Uint8Array | undefined, values: Substitutions): string {
  if (body === undefined) return "";
  return typeof body === "string" ? substitute(body, values) : new TextDecoder().decode(body);
}

describe("api-multi: POST /webhook/stripe", () => {
  const connectSecret = inject("connectWebhookSecret");
  const previewSecret = inject("previewWebhookSecret");

  it("refuses every unsigned or mis-signed delivery with 400 invalid_signature and stores nothing", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant({ connected: true });
    const deliveries = fc.record({
      body: rawBody(eventBody),
      forgery: forgedSignature([inject("platformWebhookSecret"), "whsec_guess"]),
      against: fc.constantFrom(connectSecret, previewSecret),
      // Stripe always sends JSON; other types only make workerd warn that .text() may be corrupted.
      contentType: fc.constantFrom("application/json", "application/json; charset=utf-8", "text/plain", undefined),
    });
    await fc.assert(
      fc.asyncProperty(deliveries, async ({ body, forgery, against, contentType: type }) => {
        const text = bodyText(body, tenant.values);
        const signature = await forgedSignatureHeader(forgery, text, against);
        const before = { all: await globalCounts(), tenant: await tenantRows(tenant.platformId) };
        const result = await send({ method: "POST", path: "/webhook/stripe", headers: { "Stripe-Signature": signature, "Content-Type": type }, body: typeof body === "string" ? text : body }, tenant.values);
        assertWellFormed(result);
        expect(result.status, result.text).toBe(400);
        expect(result.json.error.code).toBe("invalid_signature");
        expect({ all: await globalCounts(), tenant: await tenantRows(tenant.platformId) }).toEqual(before);
      }),
      runs(100),
    );
  });

  it("records a correctly signed event of an unhandled type once, answers 200, and a redelivery is a duplicate", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedTenant({ connected: true });
    const unhandledType = fc.oneof(fc.constantFrom("product.created", "charge.refunded", "payout.paid", "", "__proto__", "constructor"), hostileString)
      .filter((type) => !HANDLED_EVENT_PREFIXES.some((prefix) => type.startsWith(prefix)));
    const events = fc.record({
      event: fc.record(
        { id: eventId, type: unhandledType, data: fc.record({ object: hostileJson }), account: fc.constantFrom("{{ACCOUNT}}", "acct_unknown"), livemode: fc.boolean(), created: fc.nat() },
        { requiredKeys: ["id", "type", "data"] },
      ),
      secret: fc.constantFrom(connectSecret, previewSecret),
    });
    await fc.assert(
      fc.asyncProperty(events, async ({ event, secret }) => {
        // Shrinking revisits ids: a per-run suffix keeps every delivery's id new.
        const body = substitute(JSON.stringify({ ...event, id: `${event.id}_${crypto.randomUUID().slice(0, 8)}` }), tenant.values);
        const timestamp = Math.floor(Date.now() / 1000);
        const headers = { "Stripe-Signature": `t=${timestamp},v1=${await stripeHmac(body, secret, timestamp)}`, "Content-Type": "application/json" };
        const before = await globalCounts();
        const first = await send({ method: "POST", path: "/webhook/stripe", headers, body }, tenant.values);
        assertWellFormed(first);
        expect(first.status, first.text).toBe(200);
        expect(first.json).toMatchObject({ received: true, duplicate: false });
        const after = await globalCounts();
        expect(after).toEqual({ ...before, events: before.events! + 1 });
        const again = await send({ method: "POST", path: "/webhook/stripe", headers, body }, tenant.values);
        expect(again.status, again.text).toBe(200);
        expect(again.json).toMatchObject({ received: true, duplicate: true });
        expect(await globalCounts()).toEqual(after);
      }),
      runs(60),
    );
  });
});
