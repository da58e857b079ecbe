/**
 * Property-based bad-input tests for every route of oauth-api
 * (POST /connect/start, GET /connect/callback, POST /connect/disconnect,
 * GET/POST /products, PATCH/DELETE /products/:name).
 *
 * Properties checked, with fast-check generating random and hostile bodies
 * (any JSON value, wrong types, huge/negative/fractional prices and limits,
 * NaN-like strings, deep nesting, long strings, control characters,
 * unicode, prototype-pollution keys, unknown fields, invalid UTF-8,
 * truncated JSON, > 64 KiB), hostile headers (Authorization variants
 * including expired, tampered, wrong-audience and other-app JWTs;
 * Content-Type lies), tier names in paths (percent-encoded garbage, `..`,
 * very long) and callback query strings (forged, replayed, truncated
 * states; hostile codes and error descriptions):
 *
 *  1. never a 5xx, every response has an X-Request-Id, every 4xx has the
 *     error shape `{error: {code, message}, requestId}` with a known code,
 *     its status, and requestId = X-Request-Id; and every redirect of the
 *     OAuth callback goes to the dashboard (no open redirect);
 *  2. a rejected request writes nothing: every row the developer owns
 *     (platform, tiers, Stripe account, OAuth states) is unchanged;
 *  3. requests invalid by construction are refused exactly: bad tier
 *     bodies and names → 400 with a validation code; forged, replayed or
 *     malformed states → 400 `invalid_state`; a credential that is not a
 *     valid dream-api session → 401 `unauthenticated`, no platform created;
 *  4. no request pollutes Object.prototype of the isolate serving it.
 *
 * Why: oauth-api writes the developer's tiers to their own Stripe account
 * and attaches Stripe accounts to platforms; the README promises a single
 * error shape, 400 `invalid_state` with nothing stored for bad states, and
 * validation before any Stripe or D1 write.
 *
 * An own "__proto__" field in a POST /products body is refused like any
 * unknown field (it used to be dropped silently by a z.record pre-parse).
 *
 * Developers are rotated every 40 requests so the production rate limit
 * (100/min per developer) stays out of the way. fast-check prints the seed
 * of a failure; paste it into REPLAY in
 * emulators/src/testing/arbitraries.ts to replay it.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { answerConnect, call, connectStripe, createDeveloper, mintToken, platformIdOf } from "../harness";
import {
  assertPrototypeClean,
  assertWellFormed,
  authorization,
  contentType,
  developerRows,
  globalCounts,
  hostileHeaderValue,
  hostileJson,
  hostileKey,
  hostileNumber,
  hostileString,
  objectBody,
  pathSegment,
  queryString,
  rawBody,
  rotating,
  runs,
  send,
  unparsableBody,
  type RawBody,
  type RawResult,
  type RequestTemplate,
  type Substitutions,
} from "./arbitraries";

const PROPERTY_TIMEOUT = 60_000;
const REQUESTS_PER_DEVELOPER = 40;

interface DeveloperTenant {
  developerId: string;
  platformId: string;
  values: Substitutions;
}

function base64url(text: string): string {
  return btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

function fromBase64url(text: string): string {
  return atob(text.replace(/-/g, "+").replace(/_/g, "/"));
}

async function endUserAppToken(): Promise<string> {
  const response = await fetch(`${inject("clerkApiUrl")}/v1/users`, {
    method: "POST",
    headers: { Authorization: `Bearer ${inject("endUserClerkSecret")}`, "Content-Type": "application/json" },
    body: JSON.stringify({ email_address: [`end.${crypto.randomUUID().slice(0, 8)}@example.com`] }),
  });
  const user = (await response.json()) as { id: string };
  return mintToken(user.id, { instance: "end-user-api", expiresInSeconds: 3600 });
}

async function expectStatus(result: { status: number; body: unknown }, status: number, what: string): Promise<void> {
  if (result.status !== status) throw new Error(`seed ${what}: ${result.status} ${JSON.stringify(result.body)}`);
}

const FREE_TIER = { name: "basic", displayName: "Basic", kind: "subscription", price: 0, limit: 100 };
const PAID_TIER = { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, currency: "usd", limit: 10_000 };
const OLD_TIER = { name: "old", displayName: "Old", kind: "one_off", price: 0 };

/**
 * A developer with tiers basic (free), old (archived) and, when connected,
 * pro (paid, with a Stripe product and price on its account). Values: its
 * session JWT and near-miss tokens; when not connected, an unused OAuth
 * state (STATE) with an authorization code Stripe issued for it (CODE), a
 * state already consumed by a denied callback (USED_STATE), and STATE with
 * its payload moved to another platform but its signature kept
 * (FORGED_STATE).
 */
async function seedDeveloper(kind: "unconnected" | "connected"): Promise<DeveloperTenant> {
  const developer = await createDeveloper();
  const token = await mintToken(developer.id, { expiresInSeconds: 3600 });
  const values: Substitutions = {
    DEV_JWT: token,
    EXPIRED_JWT: await mintToken(developer.id, { expiresInSeconds: -120 }),
    FOREIGN_AZP_JWT: await mintToken(developer.id, { azp: "https://evil.example", expiresInSeconds: 3600 }),
    END_USER_APP_JWT: await endUserAppToken(),
  };
  const [header, payload, signature] = token.split(".");
  const claims = JSON.parse(fromBase64url(payload!)) as Record<string, unknown>;
  values["TAMPERED_JWT"] = `${header}.${base64url(JSON.stringify({ ...claims, sub: "user_someone_else" }))}.${signature}`;
  values["UNSIGNED_JWT"] = `${base64url('{"alg":"none","typ":"JWT"}')}.${payload}.`;

  await expectStatus(await call("POST", "/products", { token, body: { tiers: [FREE_TIER, OLD_TIER] } }), 201, "tiers");
  await expectStatus(await call("DELETE", "/products/old", { token }), 200, "archive");
  if (kind === "connected") {
    const { location } = await connectStripe({ ...developer, token });
    if (location.searchParams.get("connect") !== "success") throw new Error(`seed connect: ${location}`);
    await expectStatus(await call("POST", "/products", { token, body: PAID_TIER }), 201, "paid tier");
  } else {
    const used = await call("POST", "/connect/start", { token });
    const usedState = new URL(used.body.url).searchParams.get("state") ?? "";
    await call("GET", `/connect/callback?error=access_denied&state=${encodeURIComponent(usedState)}`);
    const fresh = await call("POST", "/connect/start", { token });
    await expectStatus(fresh, 201, "connect/start");
    const back = await answerConnect(fresh.body.url, "approve");
    const state = back.searchParams.get("state") ?? "";
    const [stateBody, stateSignature] = state.split(".");
    const statePayload = JSON.parse(fromBase64url(stateBody!)) as Record<string, unknown>;
    values["STATE"] = state;
    values["CODE"] = back.searchParams.get("code") ?? "";
    values["USED_STATE"] = usedState;
    values["FORGED_STATE"] = `${base64url(JSON.stringify({ ...statePayload, platformId: "plt_someone_else" }))}.${stateSignature}`;
  }
  return { developerId: developer.id, platformId: await platformIdOf({ ...developer, token }), values };
}

function developerPool(kinds: readonly ("unconnected" | "connected")[], requestsPerDeveloper = REQUESTS_PER_DEVELOPER): () => Promise<DeveloperTenant> {
  let count = 0;
  return rotating(requestsPerDeveloper, () => seedDeveloper(kinds[count++ % kinds.length]!));
}

const DASHBOARD_ORIGIN = new URL(env.DASHBOARD_URL).origin;

/** Property 1's redirect half: a 3xx (the callback's) sends the browser to our dashboard only. */
function assertRedirectsToDashboard(result: RawResult): void {
  if (result.status < 300 || result.status >= 400) return;
  const location = result.headers.get("Location") ?? "";
  expect(new URL(location).origin, location).toBe(DASHBOARD_ORIGIN);
}

/** Properties 1, 2 and 4 for one request generator. */
async function checkHostileRequests(requests: fc.Arbitrary<RequestTemplate>, kinds: readonly ("unconnected" | "connected")[], numRuns: number, requestsPerDeveloper?: number): Promise<void> {
  const nextDeveloper = developerPool(kinds, requestsPerDeveloper);
  await fc.assert(
    fc.asyncProperty(requests, async (template) => {
      const tenant = await nextDeveloper();
      const before = await developerRows(tenant.developerId, tenant.platformId);
      const result = await send(template, tenant.values);
      assertWellFormed(result);
      assertRedirectsToDashboard(result);
      assertPrototypeClean();
      if (result.status >= 400) expect(await developerRows(tenant.developerId, tenant.platformId)).toEqual(before);
    }),
    runs(numRuns),
  );
}

/** Property 3: a request invalid by construction gets the expected refusal and writes nothing anywhere. */
async function checkRefused(requests: fc.Arbitrary<RequestTemplate>, kinds: readonly ("unconnected" | "connected")[], accepts: (result: RawResult) => boolean, numRuns: number): Promise<void> {
  const nextDeveloper = developerPool(kinds);
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

// ---- generators ----------------------------------------------------------------------------------------------

const sessionAuth: fc.Arbitrary<string | undefined> = fc.oneof(
  { weight: 6, arbitrary: authorization("{{DEV_JWT}}") },
  { weight: 1, arbitrary: fc.constantFrom("{{EXPIRED_JWT}}", "{{FOREIGN_AZP_JWT}}", "{{TAMPERED_JWT}}", "{{UNSIGNED_JWT}}", "{{END_USER_APP_JWT}}").map((token) => `Bearer ${token}`) },
);

const refusedAuth: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom("{{EXPIRED_JWT}}", "{{FOREIGN_AZP_JWT}}", "{{TAMPERED_JWT}}", "{{UNSIGNED_JWT}}", "{{END_USER_APP_JWT}}").map((token) => `Bearer ${token}`),
  fc.constantFrom(undefined, "", "Bearer", "Bearer ", "Basic {{DEV_JWT}}", "{{DEV_JWT}}", "Bearer {{DEV_JWT}}x", "Bearer x{{DEV_JWT}}", "Bearer {{DEV_JWT}} extra", "Bearer a.b.c"),
  hostileHeaderValue.map((value) => `Bearer ${value}`),
);

const tierName = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("basic", "pro", "old", "missing") }, { weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,39}$/) });
const url = fc.oneof(fc.webUrl({ size: "small" }), fc.constantFrom("https://example.com/a.png", "http://localhost/x", "javascript:alert(1)", "data:image/png;base64,AAAA"));
/** Tier fields with plausible values (prices in cents, Stripe currencies) as the schema knows them. */
const tierFields = {
  name: tierName,
  displayName: fc.oneof(fc.constantFrom("Pro", "Ünïcødé 🙂", " padded "), fc.string({ minLength: 1, maxLength: 80 })),
  kind: fc.constantFrom("subscription", "one_off"),
  price: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99_999_999 })),
  currency: fc.constantFrom("usd", "eur", "jpy", "bif", "kwd", "USD", "xxx"),
  limit: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000_000 })),
  features: fc.array(fc.string({ minLength: 1, maxLength: 200 }), { maxLength: 30 }),
  popular: fc.boolean(),
  inventory: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000_000 })),
  imageUrl: fc.oneof(fc.constant(null), url),
  description: fc.oneof(fc.constant(null), fc.string({ maxLength: 1000 })),
  sortOrder: fc.integer({ min: 0, max: 1000 }),
};
const { name: _name, kind: _kind, ...patchFields } = tierFields;

/** Tiers the schema accepts (free or paid, subscription or one-off), so creation and Stripe sync are reached too. */
const trimmedText = (maxLength: number) => fc.string({ minLength: 1, maxLength }).filter((text) => text.trim().length > 0);
const validOptional = {
  currency: fc.constantFrom("usd", "eur", "jpy", "bif", "kwd"),
  features: fc.array(trimmedText(200), { maxLength: 30 }),
  popular: fc.boolean(),
  description: fc.oneof(fc.constant(null), fc.string({ maxLength: 1000 })),
  imageUrl: fc.oneof(fc.constant(null), fc.webUrl({ validSchemes: ["http", "https"], size: "small" }).filter((link) => link.length <= 2048)),
  sortOrder: fc.integer({ min: 0, max: 1000 }),
};
const validPrice = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99_999_999 }));
const validTier = fc.oneof(
  fc.record(
    { name: tierName, displayName: trimmedText(80), kind: fc.constant("subscription"), price: validPrice, limit: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000_000 })), ...validOptional },
    { requiredKeys: ["name", "displayName", "kind", "price", "limit"] },
  ),
  fc.record(
    { name: tierName, displayName: trimmedText(80), kind: fc.constant("one_off"), price: validPrice, inventory: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000_000 })), ...validOptional },
    { requiredKeys: ["name", "displayName", "kind", "price"] },
  ),
);
const validPatch = fc.record(
  { displayName: trimmedText(80), price: validPrice, limit: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000_000 })), inventory: fc.oneof(fc.constant(null), fc.nat()), ...validOptional },
  { requiredKeys: [] },
);
const tierBody = fc.oneof(validTier, objectBody(tierFields));
const createBody = fc.oneof({ weight: 3, arbitrary: tierBody }, { weight: 1, arbitrary: fc.array(tierBody, { maxLength: 4 }).map((tiers) => ({ tiers })) });
const patchBody = fc.oneof(validPatch, objectBody(patchFields));
const noiseQuery = queryString(["platformId", "expand", "name"]);

function request(method: string, path: fc.Arbitrary<string>, body: fc.Arbitrary<RawBody | undefined>, auth = sessionAuth): fc.Arbitrary<RequestTemplate> {
  return fc.record({ method: fc.constant(method), path, headers: fc.record({ Authorization: auth, "Content-Type": contentType }), body });
}

const productPath = fc
  .tuple(fc.oneof({ weight: 2, arbitrary: fc.constantFrom("basic", "pro") }, { weight: 3, arbitrary: pathSegment(tierName) }), noiseQuery)
  .map(([name, query]) => `/products/${name}${query}`);

/** Callback query strings: real, used, forged, truncated and garbage states, real and garbage codes, provider errors. */
const callbackQuery: fc.Arbitrary<string> = (() => {
  const state = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("{{STATE}}", "{{STATE}}", "{{USED_STATE}}", "{{FORGED_STATE}}") },
    { weight: 1, arbitrary: fc.constantFrom("{{STATE}}x", "x{{STATE}}", "{{STATE}}.x", "{{STATE}}%00", ".", "..", "a.b.c", "a.", ".b") },
    { weight: 1, arbitrary: hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"))) },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 5_000 }).map((length) => `${"A".repeat(length)}.${"B".repeat(43)}`) },
  );
  const code = fc.oneof(fc.constantFrom("{{CODE}}", "ac_unknown", ""), hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"))));
  const error = fc.oneof(fc.constantFrom("access_denied", "invalid_scope", "__proto__"), hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"))));
  const sometimes = (pair: fc.Arbitrary<string>, weight: number) => fc.oneof({ weight, arbitrary: pair }, { weight: 10 - weight, arbitrary: fc.constant("") });
  const pairs = fc.tuple(
    state.map((value) => `state=${value}`),
    sometimes(code.map((value) => `code=${value}`), 8),
    sometimes(error.map((value) => `error=${value}`), 3),
    sometimes(error.map((value) => `error_description=${value}`), 2),
  );
  return fc.oneof(
    { weight: 4, arbitrary: pairs.map((query) => `?${query.filter(Boolean).join("&")}`) },
    { weight: 1, arbitrary: queryString(["state", "code", "error", "error_description", "scope"]) },
  );
})();

describe("oauth-api: hostile input never yields a 5xx, always the error shape, and a rejection writes nothing", () => {
  it("GET /products", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkHostileRequests(request("GET", noiseQuery.map((query) => `/products${query}`), fc.constant(undefined)), ["unconnected"], 100);
  });

  it("POST /products (connected and not)", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkHostileRequests(request("POST", noiseQuery.map((query) => `/products${query}`), rawBody(createBody)), ["connected", "unconnected"], 100);
  });

  it("PATCH /products/:name (connected and not)", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkHostileRequests(request("PATCH", productPath, rawBody(patchBody)), ["connected", "unconnected"], 100);
  });

  it("DELETE /products/:name (connected and not)", { timeout: PROPERTY_TIMEOUT }, async () => {
    await checkHostileRequests(request("DELETE", productPath, rawBody(objectBody({}))), ["connected", "unconnected"], 100);
  });

  it("POST /connect/start and POST /connect/disconnect", { timeout: PROPERTY_TIMEOUT }, async () => {
    const path = fc.tuple(fc.constantFrom("/connect/start", "/connect/disconnect"), noiseQuery).map(([path, query]) => path + query);
    const body = fc.oneof(rawBody(objectBody({})), rawBody(objectBody({ account: fc.constant("acct_x"), platformId: fc.constant("plt_x") })));
    await checkHostileRequests(request("POST", path, body), ["unconnected", "connected"], 100);
  });

  it("GET /connect/callback", { timeout: PROPERTY_TIMEOUT }, async () => {
    const requests = fc.record({
      method: fc.constant("GET"),
      path: callbackQuery.map((query) => `/connect/callback${query}`),
      headers: fc.record({ Authorization: fc.option(sessionAuth, { nil: undefined }), Cookie: fc.option(hostileHeaderValue, { nil: undefined }) }),
    });
    // A state is single-use: a fresh developer (with a fresh state and code) every 10 requests keeps the success path in play.
    await checkHostileRequests(requests, ["unconnected"], 80, 10);
  });

  it("any method on any route, with garbage path segments", { timeout: PROPERTY_TIMEOUT }, async () => {
    const route = fc.constantFrom("/connect/start", "/connect/callback", "/connect/disconnect", "/connect", "/products", "/health", "/", "");
    const requests = fc.record({
      method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
      path: fc.tuple(route, fc.array(pathSegment(tierName), { maxLength: 2 }), noiseQuery).map(([base, segments, query]) => [base, ...segments].join("/") + query || "/"),
      headers: fc.record({ Authorization: sessionAuth, "Content-Type": contentType }),
      body: rawBody(patchBody),
    });
    await checkHostileRequests(requests, ["unconnected", "connected"], 100);
  });
});

const VALIDATION_CODES = new Set(["invalid_json", "invalid_request", "body_too_large"]);
const isValidationError = (result: RawResult) => result.status === 400 && VALIDATION_CODES.has(result.json?.error?.code);

describe("oauth-api: requests invalid by construction are refused exactly and write nothing", () => {
  const validTier = { name: "fresh", displayName: "Fresh", kind: "subscription", price: 0, limit: 10 };

  it("a tier body that breaks the schema is a 400 validation error", { timeout: PROPERTY_TIMEOUT }, async () => {
    const known = new Set(Object.keys(tierFields));
    // A computed key makes an own property, "__proto__" included, and JSON.stringify writes it out.
    const unknownField = fc.tuple(hostileKey.filter((key) => !known.has(key) && key !== "tiers"), hostileJson).map(([key, value]) => ({ ...validTier, [key]: value }));
    const badPrice = fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 100_000_000 }), fc.double({ noInteger: true }).filter(Number.isFinite), hostileJson.filter((value) => typeof value !== "number"));
    const badLimit = fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 1_000_000_001 }), fc.double({ noInteger: true }).filter(Number.isFinite), hostileJson.filter((value) => typeof value !== "number" && value !== null));
    const badName = fc.oneof(hostileString.filter((name) => !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(name)), hostileJson.filter((value) => typeof value !== "string"));
    const badTier = fc.oneof(
      unknownField,
      badPrice.map((price) => ({ ...validTier, price })),
      badLimit.map((limit) => ({ ...validTier, limit })),
      badName.map((name) => ({ ...validTier, name })),
      fc.oneof(hostileString, hostileNumber).filter((kind) => kind !== "subscription" && kind !== "one_off").map((kind) => ({ ...validTier, kind })),
      fc.integer({ min: 1, max: 1_000 }).map((limit) => ({ ...validTier, kind: "one_off", limit })),
      fc.constantFrom("usd ", "USD", "us", "xxx", "", "usdd").map((currency) => ({ ...validTier, currency })),
    );
    const bodies = fc.oneof(
      badTier.map((tier) => JSON.stringify(tier)),
      fc.tuple(badTier, fc.nat({ max: 2 })).map(([tier, index]) => JSON.stringify({ tiers: [...Array.from({ length: index }, (_, i) => ({ ...validTier, name: `ok-${i}` })), tier] })),
      fc.constantFrom('{"tiers":[]}', '{"tiers":{}}', '{"tiers":null}', `{"tiers":[${Array.from({ length: 21 }, (_, i) => JSON.stringify({ ...validTier, name: `t${i}` })).join(",")}]}`),
      unparsableBody(fc.constant(validTier)),
    );
    await checkRefused(request("POST", fc.constant("/products"), bodies, fc.constant("Bearer {{DEV_JWT}}")), ["unconnected"], isValidationError, 100);
  });

  /**
   * An own "__proto__" field (JSON.parse makes it an own property) is an
   * unknown field like any other: POST /products validates the parsed object
   * itself, not a key-by-key copy (z.record assigns keys, so a primitive
   * "__proto__" vanished and an object one became the body's prototype).
   * Alone or inside `tiers`, with a primitive or an object value.
   */
  it("an own __proto__ field in a tier body is refused like any unknown field", { timeout: PROPERTY_TIMEOUT }, async () => {
    const value = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), hostileJson);
    const withProto = (tier: Record<string, unknown>, protoValue: unknown) => `${JSON.stringify(tier).slice(0, -1)},"__proto__":${JSON.stringify(protoValue) ?? "null"}}`;
    const bodies = fc.oneof(
      value.map((protoValue) => withProto(validTier, protoValue)),
      value.map((protoValue) => `{"tiers":[${withProto(validTier, protoValue)}]}`),
      value.map((protoValue) => withProto({ tiers: [validTier] }, protoValue)),
    );
    await checkRefused(request("POST", fc.constant("/products"), bodies, fc.constant("Bearer {{DEV_JWT}}")), ["unconnected"], isValidationError, 30);
  });

  it("a patch that breaks the schema, or a malformed tier name, is a 400 validation error", { timeout: PROPERTY_TIMEOUT }, async () => {
    const patch = fc.oneof(
      fc.constantFrom({ name: "renamed" }, { kind: "one_off" }, { price: -1 }, { price: 1.5 }, { limit: "10" }, { currency: "USD" }, { displayName: "" }, { features: "x" }, { popular: "yes" }, { imageUrl: "ftp://x" }),
      fc.tuple(hostileKey.filter((key) => !Object.hasOwn(patchFields, key)), hostileJson).map(([key, value]) => ({ [key]: value })),
    );
    const patchRequests = fc.record({
      method: fc.constant("PATCH"),
      path: fc.constant("/products/basic"),
      headers: fc.constant({ Authorization: "Bearer {{DEV_JWT}}" }),
      body: fc.oneof(patch.map((value) => JSON.stringify(value)), unparsableBody(fc.constant({ price: 0 }))),
    });
    const badName = fc.oneof(
      hostileString.filter((name) => name !== "" && name !== "." && name !== ".." && !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(name)),
      fc.integer({ min: 41, max: 5_000 }).map((length) => "a".repeat(length)),
    );
    const nameRequests = fc.record({
      method: fc.constantFrom("PATCH", "DELETE"),
      path: badName.map((name) => `/products/${encodeURIComponent(name.replace(/[\ud800-\udfff]/g, "\ufffd"))}`),
      headers: fc.constant({ Authorization: "Bearer {{DEV_JWT}}" }),
      body: fc.constant('{"price":0}'),
    });
    await checkRefused(fc.oneof(patchRequests, nameRequests), ["unconnected"], isValidationError, 100);
  });

  it("a callback with a forged, replayed or malformed state is 400 invalid_state and stores nothing", { timeout: PROPERTY_TIMEOUT }, async () => {
    const state = fc.oneof(
      fc.constantFrom("{{USED_STATE}}", "{{FORGED_STATE}}", "{{STATE}}x", "x{{STATE}}", "{{STATE}}.x", "", ".", "a.b.c", "a.", ".b"),
      hostileString.filter((text) => !text.includes(".") || text.length > 1024),
      fc.integer({ min: 1_025, max: 5_000 }).map((length) => `${"A".repeat(length)}.B`),
    );
    const requests = fc.record({
      method: fc.constant("GET"),
      path: fc
        .tuple(state, fc.constantFrom("{{CODE}}", "ac_unknown", ""), fc.option(fc.constantFrom("access_denied", "server_error"), { nil: undefined }))
        .map(([value, code, error]) => `/connect/callback?state=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"))}&code=${code}${error ? `&error=${error}` : ""}`)
        .map((path) => path.replace(/%7B%7B([A-Z_]+)%7D%7D/g, "{{$1}}")),
      headers: fc.constant({}),
    });
    const isInvalidState = (result: RawResult) => result.status === 400 && result.json?.error?.code === "invalid_state";
    await checkRefused(requests, ["unconnected"], isInvalidState, 100);
  });

  it("a credential that is not a valid dream-api session is 401 unauthenticated and creates no platform", { timeout: PROPERTY_TIMEOUT }, async () => {
    const route = fc.constantFrom(
      { method: "GET", path: "/products" },
      { method: "POST", path: "/products" },
      { method: "PATCH", path: "/products/basic" },
      { method: "DELETE", path: "/products/basic" },
      { method: "POST", path: "/connect/start" },
      { method: "POST", path: "/connect/disconnect" },
    );
    const requests = fc.tuple(route, refusedAuth, contentType, rawBody(tierBody)).map(([{ method, path }, auth, type, body]) => ({ method, path, headers: { Authorization: auth, "Content-Type": type }, body }));
    const isUnauthenticated = (result: RawResult) => result.status === 401 && result.json?.error?.code === "unauthenticated";
    await checkRefused(requests, ["unconnected", "connected"], isUnauthenticated, 100);
  });
});
