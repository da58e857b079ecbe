/**
 * Property-based bad-input tests for every route of front-auth-api
 * (GET /me, POST /verify-auth, POST /credentials, POST /credentials/rotate, POST /credentials/:keyId/revoke,
 * POST /checkout, POST /portal, POST /webhook/stripe).
 *
 * Properties checked, with fast-check generating random and hostile bodies
 * (any JSON value, wrong types, huge/negative numbers, NaN-like strings,
 * deep nesting, long strings, control characters, unicode, prototype-
 * pollution keys, unknown fields, invalid UTF-8, truncated JSON, > 64 KiB),
 * hostile headers (Authorization variants including expired, tampered,
 * wrong-audience and other-app JWTs; Content-Type lies) and query strings:
 *
 *  1. never a 5xx, every response has an X-Request-Id, and every 4xx has
 *     the error shape `{error: {code, message}, requestId}` with a known
 *     code, its status, and requestId = X-Request-Id;
 *  2. a rejected request writes nothing: every row the developer owns
 *     (platform, keys, metered usage, …) is the same before and after;
 *  3. requests invalid by construction are refused exactly: a body that is
 *     not an allowed JSON object → 400 with a validation code; a credential
 *     that is not a valid dream-api session → 401 `unauthenticated`, and no
 *     platform is created for anyone;
 *  4. Stripe webhooks: a delivery that is not signed by Stripe for this
 *     endpoint → 400 `invalid_signature` and nothing stored; a correctly
 *     signed event of a type front-auth-api does not handle → 200, recorded
 *     once, a redelivery is a duplicate;
 *  5. no request pollutes Object.prototype of the isolate serving it.
 *
 * Why: front-auth-api is the developers' own backend (keys and billing);
 * the README promises one error shape everywhere, 401 for bad, expired or
 * foreign tokens, and 400 with nothing written for bad bodies.
 *
 * Developers are rotated every 40 requests so the production rate limit
 * (100/min per developer) stays out of the way. fast-check prints the seed
 * of a failure; paste it into REPLAY in
 * emulators/src/testing/arbitraries.ts to replay it.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import Stripe from "stripe";
import { describe, expect, inject, it } from "vitest";
import { call, createDeveloper, mintToken, standInStripeOptions } from "../harness";
import {
  assertPrototypeClean,
  assertWellFormed,
  authorization,
  contentType,
  developerRows,
  forgedSignature,
  forgedSignatureHeader,
  globalCounts,
  hostileHeaderValue,
  hostileJson,
  hostileKey,
  hostileString,
  objectBody,
  queryString,
  rawBody,
  rotating,
  runs,
  send,
  stripeHmac,
  unparsableBody,
  type RawBody,
  type RawResult,
  type RequestTemplate,
  type Substitutions,
} from "./arbitraries";

const PROPERTY_TIMEOUT = 60_000;
const REQUESTS_PER_DEVELOPER = 40;

const stripe = new Stripe(inject("stripeSecretKey"), { ...standInStripeOptions(), httpClient: Stripe.createFetchHttpClient() });

interface DeveloperTenant {
  developerId: string;
  platformId: string;
  values: Substitutions;
}

function base64url(text: string): string {
  return btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

/** A user of the other Clerk app (end-user-api), whose session JWTs must never pass here. */
async function endUserAppToken(): Promise<string> {
  const response = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
    method: "POST",
    headers: { Authorization: `Bearer ${inject("endUserClerkSecret")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ email_address: [`end.${crypto.randomUUID().slice(0, 8)}@example.com`] }),
  });
  const user = (await response.json()) as { id: string };
  return mintToken(user.id, { instance: "end-user-api", expiresInSeconds: 3600 });
}

/**
 * A developer whose platform exists and holds a test key pair; a "paid" one
 * also has a Stripe customer and an active subscription (so POST /portal
 * opens and POST /checkout is a 409). Its values hold its session JWT and
 * near-miss tokens: expired, tampered (sub changed), foreign audience (azp),
 * and a session of the end-user-api app.
 */
async function seedDeveloper(kind: "free" | "paid"): Promise<DeveloperTenant> {
  const developer = await createDeveloper();
  const token = await mintToken(developer.id, { expiresInSeconds: 3600 });
  const me = await call("GET", "/me", { token });
  if (me.status !== 200) throw new Error(`seed /me: ${me.status} ${JSON.stringify(me.body)}`);
  const credentials = await call("POST", "/credentials", { token });
  if (credentials.status !== 201) throw new Error(`seed /credentials: ${credentials.status}`);
  if (kind === "paid") {
    const customer = await stripe.customers.create({ email: developer.email });
    await env.DB.prepare("UPDATE platforms SET plan = 'paid', stripe_customer_id = ?2, subscription_status = 'active' WHERE platform_id = ?1")
      .bind(me.body.platformId, customer.id)
      .run();
  }
  const [header, payload, signature] = token.split(".");
  const claims = JSON.parse(atob(payload!.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
  return {
    developerId: developer.id,
    platformId: me.body.platformId,
    values: {
      DEV_JWT: token,
      EXPIRED_JWT: await mintToken(developer.id, { expiresInSeconds: -120 }),
      FOREIGN_AZP_JWT: await mintToken(developer.id, { azp: "https://evil.example", expiresInSeconds: 3600 }),
      TAMPERED_JWT: `${header}.${base64url(JSON.stringify({ ...claims, sub: "user_someone_else" }))}.${signature}`,
      UNSIGNED_JWT: `${base64url('{"alg":"none","typ":"JWT"}')}.${payload}.`,
      END_USER_APP_JWT: await endUserAppToken(),
      SECRET: credentials.body.keys[0].secretKey,
    },
  };
}

/** Developers handed out to the properties: free and paid alternate, each for REQUESTS_PER_DEVELOPER requests. */
function developerPool(): () => Promise<DeveloperTenant> {
  let count = 0;
  return rotating(REQUESTS_PER_DEVELOPER, () => seedDeveloper(count++ % 2 === 0 ? "free" : "paid"));
}

const VALIDATION_CODES = new Set(["invalid_json", "invalid_request", "body_too_large"]);

/** Properties 1, 2 and 5 for one request generator. */
async function checkHostileRequests(requests: fc.Arbitrary<RequestTemplate>, numRuns: number): Promise<void> {
  const nextDeveloper = developerPool();
  await fc.assert(
    fc.asyncProperty(requests, async (template) => {
      const tenant = await nextDeveloper();
      const before = await developerRows(tenant.developerId, tenant.platformId);
      const result = await send(template, tenant.values);
      assertWellFormed(result);
      assertPrototypeClean();
      if (result.status >= 400) expect(await developerRows(tenant.developerId, tenant.platformId)).toEqual(before);
    }),
    runs(numRuns),
  );
}

/** Property 3: a request invalid by construction gets exactly one of `outcomes` and writes nothing anywhere. */
async function checkRefused(requests: fc.Arbitrary<RequestTemplate>, accepts: (result: RawResult) => boolean, numRuns: number): Promise<void> {
  const nextDeveloper = developerPool();
  await fc.assert(
    fc.asyncProperty(requests, async (template) => {
      const tenant = await nextDeveloper();
      const before = { mine: await developerRows(tenant.developerId, tenant.platformId), all: await globalCounts() };
      const result = await send(template, tenant.values);
      assertWellFormed(result);
      expect(accepts(result), `${result.status} ${result.text.slice(0, 300)}`).toBe(true);
      expect({ mine: await developerRows(tenant.developerId, tenant.platformId), all: await globalCounts() }).toEqual(before);
    }),
    runs(numRuns),
  );
}

// ---- generators ------------------------------------------------------------------------------------------------

/** The developer's session JWT most of the time; near-miss tokens and garbage otherwise. */
const sessionAuth: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: authorization("{{DEV_JWT}}") },
  { weight: 1, arbitrary: fc.constantFrom("{{EXPIRED_JWT}}", "{{FOREIGN_AZP_JWT}}", "{{TAMPERED_JWT}}", "{{UNSIGNED_JWT}}", "{{END_USER_APP_JWT}}", "{{SECRET}}").map((token) => `Bearer ${token}`) },
);

/** Authorization headers that must never authenticate a developer. */
const refusedAuth: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom("{{EXPIRED_JWT}}", "{{FOREIGN_AZP_JWT}}", "{{TAMPERED_JWT}}", "{{UNSIGNED_JWT}}", "{{END_USER_APP_JWT}}", "{{SECRET}}").map((token) => `Bearer ${token}`),
  fc.constantFrom(undefined, "", "Bearer", "Bearer ", "Basic {{DEV_JWT}}", "Token {{DEV_JWT}}", "{{DEV_JWT}}", "Bearer {{DEV_JWT}}x", "Bearer x{{DEV_JWT}}", "Bearer {{DEV_JWT}} extra", "Bearer a.b.c"),
  hostileHeaderValue.map((value) => `Bearer ${value}`),
);

const ROUTES: readonly { method: string; path: string }[] = [
  { method: "GET", path: "/me" },
  { method: "POST", path: "/verify-auth" },
  { method: "POST", path: "/credentials" },
  { method: "POST", path: "/credentials/rotate" },
  { method: "POST", path: "/checkout" },
  { method: "POST", path: "/portal" },
];

const emptyObjectBody = objectBody({});
const rotateBody = objectBody({ mode: fc.constantFrom("test", "live"), gracePeriodSeconds: fc.integer({ min: 0, max: 7 * 24 * 3600 }) });
const noiseQuery = queryString(["platformId", "developerId", "plan", "mode"]);

function request(method: string, path: fc.Arbitrary<string>, body: fc.Arbitrary<RawBody | undefined>, auth = sessionAuth): fc.Arbitrary<RequestTemplate> {
  return fc.record({ method: fc.constant(method), path, headers: fc.record({ Authorization: auth, "Content-Type": contentType }), body });
}

function withQuery(path: string): fc.Arbitrary<string> {
  return noiseQuery.map((query) => path + query);
}

describe("front-auth-api: hostile input never yields a 5xx, always the error shape, and a rejection writes nothing", () => {
  it("GET /me", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkHostileRequests(request("GET", withQuery("/me"), fc.constant(undefined)), 100);
  });

  it("POST /verify-auth", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkHostileRequests(request("POST", withQuery("/verify-auth"), rawBody(objectBody({ developerId: hostileString, plan: fc.constantFrom("free", "paid") }))), 100);
  });

  it("POST /credentials", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkHostileRequests(request("POST", withQuery("/credentials"), rawBody(emptyObjectBody)), 100);
  });

  it("POST /credentials/rotate", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkHostileRequests(request("POST", withQuery("/credentials/rotate"), rawBody(rotateBody)), 100);
  });

  it("POST /credentials/:keyId/revoke", { timeout: PROPERTY_TIMEOUT }, async () => {
    const keyId = fc.oneof(fc.constant("key_doesnotexist000000"), hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"))));
    await checkHostileRequests(request("POST", fc.tuple(keyId, noiseQuery).map(([id, query]) => `/credentials/${id}/revoke${query}`), rawBody(emptyObjectBody)), 100);
  });

  it("POST /checkout and POST /portal", { timeout: PROPERTY_TIMEOUT }, async () => {
    const path = fc.constantFrom("/checkout", "/portal").chain(withQuery);
    const body = fc.oneof(rawBody(emptyObjectBody), rawBody(objectBody({ price: fc.constantFrom("price_cheap", "dream_api_platform_monthly"), plan: fc.constant("paid") })));
    await checkHostileRequests(request("POST", path, body), 100);
  });

  it("any method on any route, with garbage path segments", { timeout: PROPERTY_TIMEOUT }, async () => {
    const route = fc.constantFrom("/me", "/verify-auth", "/credentials", "/credentials/rotate", "/checkout", "/portal", "/webhook/stripe", "/health", "/", "");
    const segment = fc.oneof(fc.constantFrom("..", ".", "%2e%2e", "%2F", "%00", "x"), hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"))));
    const requests = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
      path: fc.tuple(route, fc.array(segment, { maxLength: 2 }), noiseQuery).map(([base, segments, query]) => [base, ...segments].join("/") + query || "/"),
      headers: fc.record({ Authorization: sessionAuth, "Content-Type": contentType }),
      body: rawBody(emptyObjectBody),
    });
    await checkHostileRequests(requests, 100);
  });
});

describe("front-auth-api: requests invalid by construction are refused exactly and write nothing", () => {
  it("a body that is not an allowed JSON object is a 400 validation error", { timeout: PROPERTY_TIMEOUT }, async () => {
    const unknownField = fc.tuple(hostileKey, hostileJson).map(([key, value]) => JSON.stringify({ [key]: value }));
    const emptyBodyRoutes = request("POST", fc.constantFrom("/credentials", "/checkout", "/portal"), fc.oneof(unparsableBody(fc.constant({})), unknownField), fc.constant("Bearer {{DEV_JWT}}"));
    const rotateValid = { mode: "test", gracePeriodSeconds: 60 };
    const rotateInvalid = fc.oneof(
      unparsableBody(fc.constant(rotateValid)),
      fc.tuple(hostileKey.filter((key) => key !== "mode" && key !== "gracePeriodSeconds"), hostileJson).map(([key, value]) => JSON.stringify({ ...rotateValid, [key]: value })),
      fc.oneof(hostileJson, hostileString).filter((mode) => mode !== "test" && mode !== "live").map((mode) => JSON.stringify({ ...rotateValid, mode })),
      fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 7 * 24 * 3600 + 1 }), fc.double({ noInteger: true }).filter(Number.isFinite), hostileJson.filter((value) => typeof value !== "number"))
        .map((gracePeriodSeconds) => JSON.stringify({ ...rotateValid, gracePeriodSeconds })),
    );
    const rotate = request("POST", fc.constant("/credentials/rotate"), rotateInvalid, fc.constant("Bearer {{DEV_JWT}}"));
    const isValidationError = (result: RawResult) => result.status === 400 && VALIDATION_CODES.has(result.json?.error?.code);
    await checkRefused(fc.oneof(emptyBodyRoutes, rotate), isValidationError, 100);
  });

  it("a credential that is not a valid dream-api session is 401 unauthenticated and creates no platform", { timeout: PROPERTY_TIMEOUT }, async () => {
    const requests = fc.constantFrom(...ROUTES).chain((route) =>
      fc.record({
        method: fc.constant(route.method),
        path: fc.constant(route.path),
        headers: fc.record({ Authorization: refusedAuth, "Content-Type": contentType }),
        body: rawBody(emptyObjectBody),
      }),
    );
    const isUnauthenticated = (result: RawResult) => result.status === 401 && result.json?.error?.code === "unauthenticated";
    await checkRefused(requests, isUnauthenticated, 100);
  });
});

// ---- POST /webhook/stripe ------------------------------------------------------------------------------------

const eventId = fc.stringMatching(/^evt_[A-Za-z0-9]{10,24}$/);

/** Plausible platform events about the developer (its id in metadata), with hostile fields mixed in. */
const eventBody = objectBody({
  id: eventId,
  object: fc.constant("event"),
  type: fc.constantFrom("checkout.session.completed", "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid"),
  livemode: fc.boolean(),
  created: fc.nat(),
  data: fc.record({
    object: objectBody({
      id: fc.constantFrom("sub_x", "cs_x"),
      mode: fc.constant("subscription"),
      subscription: fc.constant("sub_x"),
      client_reference_id: fc.constant("{{DEVELOPER}}"),
      metadata: fc.record({ developerId: fc.constant("{{DEVELOPER}}") }),
    }),
  }),
});

describe("front-auth-api: POST /webhook/stripe", () => {
  const secret = inject("platformWebhookSecret");

  it("refuses every unsigned or mis-signed delivery with 400 invalid_signature and stores nothing", { timeout: PROPERTY_TIMEOUT }, async () => {
    const tenant = await seedDeveloper("paid");
    const values = { ...tenant.values, DEVELOPER: tenant.developerId };
    const deliveries = fc.record({
      body: rawBody(eventBody),
      forgery: forgedSignature([inject("connectWebhookSecret"), inject("previewWebhookSecret"), "whsec_guess"]),
      // Stripe always sends JSON; other types only make workerd warn that .text() may be corrupted.
      contentType: fc.constantFrom("application/json", "text/plain", undefined),
    });
    await fc.assert(
      fc.asyncProperty(deliveries, async ({ body, forgery, contentType: type }) => {
        const text = typeof body === "string" ? body.replaceAll("{{DEVELOPER}}", tenant.developerId) : body === undefined ? "" : new TextDecoder().decode(body);
        const signature = await forgedSignatureHeader(forgery, text, secret);
        const before = { all: await globalCounts(), mine: await developerRows(tenant.developerId, tenant.platformId) };
        const result = await send({ method: "POST", path: "/webhook/stripe", headers: { "Stripe-Signature": signature, "Content-Type": type }, body: typeof body === "string" ? text : body }, values);
        assertWellFormed(result);
        expect(result.status, result.text).toBe(400);
        expect(result.json.error.code).toBe("invalid_signature");
        expect({ all: await globalCounts(), mine: await developerRows(tenant.developerId, tenant.platformId) }).toEqual(before);
      }),
      runs(100),
    );
  });

  it("records a correctly signed event of an unhandled type once, answers 200, and a redelivery is a duplicate", { timeout: PROPERTY_TIMEOUT }, async () => {
    const handled = ["checkout.session.", "customer.subscription."];
    const unhandledType = fc.oneof(fc.constantFrom("product.created", "invoice.paid", "charge.refunded", "", "__proto__", "constructor"), hostileString)
      .filter((type) => !handled.some((prefix) => type.startsWith(prefix)));
    const events = fc.record(
      { id: eventId, type: unhandledType, data: fc.record({ object: hostileJson }), livemode: fc.boolean(), created: fc.nat() },
      { requiredKeys: ["id", "type", "data"] },
    );
    await fc.assert(
      fc.asyncProperty(events, async (event) => {
        // Shrinking revisits ids: a per-run suffix keeps every delivery's id new.
        const body = JSON.stringify({ ...event, id: `${event.id}_${crypto.randomUUID().slice(0, 8)}` });
        const timestamp = Math.floor(Date.now() / 1000);
        const headers = { "Stripe-Signature": `t=${timestamp},v1=${await stripeHmac(body, secret, timestamp)}`, "Content-Type": "application/json" };
        const before = await globalCounts();
        const first = await send({ method: "POST", path: "/webhook/stripe", headers, body }, {});
        assertWellFormed(first);
        expect(first.status, first.text).toBe(200);
        expect(first.json).toMatchObject({ received: true, duplicate: false });
        const after = await globalCounts();
        expect(after).toEqual({ ...before, events: before.events! + 1 });
        const again = await send({ method: "POST", path: "/webhook/stripe", headers, body }, {});
        expect(again.status, again.text).toBe(200);
        expect(again.json).toMatchObject({ received: true, duplicate: true });
        expect(await globalCounts()).toEqual(after);
      }),
      runs(60),
    );
  });
});
