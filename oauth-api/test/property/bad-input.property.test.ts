/**
 * The bad-input suite (@dream-api/testkit/suites, bad-input.ts: what it
 * checks and why) over oauth-api's operations, with its table: hostile
 * sessions, tier bodies (huge/negative/fractional prices and limits, bad
 * names, unknown fields), tier names in paths (percent-encoded garbage,
 * `..`, very long), tier modes (`?mode=test|live`, missing, garbage) and
 * callback query strings (forged, replayed, truncated states; hostile codes
 * and error descriptions). Besides the suite's oracle, every redirect of
 * the OAuth callback goes to the dashboard (no open redirect). Invalid by
 * construction: bad tier bodies and names are 400 with a validation code;
 * a missing or bad mode is 400 `invalid_request` naming `mode`; forged,
 * replayed or malformed states are 400 `invalid_state`; a credential that
 * is not a valid dream-api session is 401 `unauthenticated`, and no
 * platform is created.
 *
 * oauth-api writes the developer's tiers to their own Stripe account and
 * attaches Stripe accounts to platforms; the README promises a single
 * error shape, 400 `invalid_state` with nothing stored for bad states, and
 * validation before any Stripe or D1 write. An own "__proto__" field in a
 * POST /products body is refused like any unknown field (it used to be
 * dropped silently by a z.record pre-parse). Developers are rotated every
 * 40 requests so the production rate limit (100/min per developer) stays
 * out of the way.
 */
import { env } from "cloudflare:test";
import {
  contentType,
  encodedHostileString,
  hostileHeaderValue,
  hostileJson,
  hostileKey,
  hostileNumber,
  hostileString,
  objectBody,
  pathSegment,
  queryString,
  rawBody,
  unparsableBody,
  urlEncoded,
  type RawBody,
  type RawResult,
  type RequestTemplate,
} from "@dream-api/testkit/arbitraries";
import { describeBadInput, developerSessionInputs, inTurn, outcomeIs, type InputTenant } from "@dream-api/testkit/suites";
import fc from "fast-check";
import { expect } from "vitest";
import { answerConnect, call, connectStripe, createDeveloper, developerRows, globalCounts, operations, platformIdOf, send, sessionNearMisses, setClerkPlan, withClaims } from "../harness";

/** Free and not connected; free and connected; paid and connected (live tiers writable, copy-to-live reachable). */
type Kind = "unconnected" | "connected" | "paid";

async function expectStatus(result: { status: number; body: unknown }, status: number, what: string): Promise<void> {
  if (result.status !== status) throw new Error(`seed ${what}: ${result.status} ${JSON.stringify(result.body)}`);
}

const FREE_TIER = { name: "basic", displayName: "Basic", kind: "subscription", price: 0, limit: 100 };
const PAID_TIER = { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, currency: "usd", limit: 10_000 };
const OLD_TIER = { name: "old", displayName: "Old", kind: "one_off", price: 0 };

/**
 * A developer with test tiers basic (free), old (archived) and, when
 * connected, pro (paid, with a Stripe product and price on its account);
 * a paid developer also has pro in live mode (so copy-to-live still has
 * basic to copy). Values: its
 * session JWT and near-miss tokens; when not connected, an unused OAuth
 * state (STATE) with an authorization code Stripe issued for it (CODE), a
 * state already consumed by a denied callback (USED_STATE), and STATE with
 * its payload moved to another platform but its signature kept
 * (FORGED_STATE).
 */
async function seedDeveloper(kind: Kind): Promise<InputTenant> {
  const developer = await createDeveloper();
  // The session's plan claim is read when it is minted, and the platform row starts from it.
  if (kind === "paid") await setClerkPlan(developer.id, "paid");
  const values = await sessionNearMisses(developer.id);
  const token = values["DEV_JWT"]!;
  await expectStatus(await call("POST", "/products?mode=test", { token, body: { tiers: [FREE_TIER, OLD_TIER] } }), 201, "tiers");
  await expectStatus(await call("DELETE", "/products/old?mode=test", { token }), 200, "archive");
  if (kind === "connected" || kind === "paid") {
    const { location } = await connectStripe({ ...developer, token });
    if (location.searchParams.get("connect") !== "success") throw new Error(`seed connect: ${location}`);
    await expectStatus(await call("POST", "/products?mode=test", { token, body: PAID_TIER }), 201, "paid tier");
    if (kind === "paid") await expectStatus(await call("POST", "/products?mode=live", { token, body: PAID_TIER }), 201, "live tier");
  } else {
    const used = await call("POST", "/connect/start", { token });
    const usedState = new URL(used.body.url).searchParams.get("state") ?? "";
    await call("GET", `/connect/callback?error=access_denied&state=${encodeURIComponent(usedState)}`);
    const fresh = await call("POST", "/connect/start", { token });
    await expectStatus(fresh, 201, "connect/start");
    const back = await answerConnect(fresh.body.url, "approve");
    const state = back.searchParams.get("state") ?? "";
    values["STATE"] = state;
    values["CODE"] = back.searchParams.get("code") ?? "";
    values["USED_STATE"] = usedState;
    values["FORGED_STATE"] = withClaims(state, { platformId: "plt_someone_else" });
  }
  const platformId = await platformIdOf({ ...developer, token });
  return { values, rows: () => developerRows(developer.id, platformId) };
}

const DASHBOARD_ORIGIN = new URL(env.DASHBOARD_URL).origin;

/** The redirect half of the oracle: a 3xx (the callback's) sends the browser to our dashboard only. */
function assertRedirectsToDashboard(result: RawResult): void {
  if (result.status < 300 || result.status >= 400) return;
  const location = result.headers.get("Location") ?? "";
  expect(new URL(location).origin, location).toBe(DASHBOARD_ORIGIN);
}

// ---- values ----------------------------------------------------------------------------------------------------

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
  imageUrl: fc.oneof(
    fc.constant(null),
    fc.webUrl({ validSchemes: ["http", "https"], size: "small" }).filter((link) => link.length <= 2048),
  ),
  sortOrder: fc.integer({ min: 0, max: 1000 }),
};
const validPrice = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99_999_999 }));
const validTier = fc.oneof(
  fc.record(
    {
      name: tierName,
      displayName: trimmedText(80),
      kind: fc.constant("subscription"),
      price: validPrice,
      limit: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000_000 })),
      ...validOptional,
    },
    { requiredKeys: ["name", "displayName", "kind", "price", "limit"] },
  ),
  fc.record(
    {
      name: tierName,
      displayName: trimmedText(80),
      kind: fc.constant("one_off"),
      price: validPrice,
      inventory: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000_000 })),
      ...validOptional,
    },
    { requiredKeys: ["name", "displayName", "kind", "price"] },
  ),
);
const validPatch = fc.record(
  {
    displayName: trimmedText(80),
    price: validPrice,
    limit: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 1_000_000_000 })),
    inventory: fc.oneof(fc.constant(null), fc.nat()),
    ...validOptional,
  },
  { requiredKeys: [] },
);
const tierBody = fc.oneof(validTier, objectBody(tierFields));
const createBody = fc.oneof({ weight: 3, arbitrary: tierBody }, { weight: 1, arbitrary: fc.array(tierBody, { maxLength: 4 }).map((tiers) => ({ tiers })) });
const patchBody = fc.oneof(validPatch, objectBody(patchFields));
const noiseQuery = queryString(["platformId", "expand", "name"]);
const mode = fc.constantFrom("test", "live");
/** The tier operations' query: mostly a valid mode (so the operation is reached), else hostile pairs around it. */
const tierQuery = fc.oneof({ weight: 3, arbitrary: mode.map((value) => `?mode=${value}`) }, { weight: 1, arbitrary: queryString(["mode", "platformId", "expand", "name"], { mode }) });
const productPath = fc
  .tuple(fc.oneof({ weight: 2, arbitrary: fc.constantFrom("basic", "pro") }, { weight: 3, arbitrary: pathSegment(tierName) }), tierQuery)
  .map(([name, query]) => `/products/${name}${query}`);
const connectBody = fc.oneof(rawBody(objectBody({})), rawBody(objectBody({ account: fc.constant("acct_x"), platformId: fc.constant("plt_x") })));

/** Callback query strings: real, used, forged, truncated and garbage states, real and garbage codes, provider errors. */
const callbackQuery: fc.Arbitrary<string> = (() => {
  const state = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom("{{STATE}}", "{{STATE}}", "{{USED_STATE}}", "{{FORGED_STATE}}") },
    { weight: 1, arbitrary: fc.constantFrom("{{STATE}}x", "x{{STATE}}", "{{STATE}}.x", "{{STATE}}%00", ".", "..", "a.b.c", "a.", ".b") },
    { weight: 1, arbitrary: encodedHostileString },
    { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 5_000 }).map((length) => `${"A".repeat(length)}.${"B".repeat(43)}`) },
  );
  const code = fc.oneof(fc.constantFrom("{{CODE}}", "ac_unknown", ""), encodedHostileString);
  const error = fc.oneof(fc.constantFrom("access_denied", "invalid_scope", "__proto__"), encodedHostileString);
  const sometimes = (pair: fc.Arbitrary<string>, weight: number) => fc.oneof({ weight, arbitrary: pair }, { weight: 10 - weight, arbitrary: fc.constant("") });
  const pairs = fc.tuple(
    state.map((value) => `state=${value}`),
    sometimes(
      code.map((value) => `code=${value}`),
      8,
    ),
    sometimes(
      error.map((value) => `error=${value}`),
      3,
    ),
    sometimes(
      error.map((value) => `error_description=${value}`),
      2,
    ),
  );
  return fc.oneof(
    { weight: 4, arbitrary: pairs.map((query) => `?${query.filter(Boolean).join("&")}`) },
    { weight: 1, arbitrary: queryString(["state", "code", "error", "error_description", "scope"]) },
  );
})();

// ---- requests invalid by construction -----------------------------------------------------------------------------

const freshTier = { name: "fresh", displayName: "Fresh", kind: "subscription", price: 0, limit: 10 };

/** Tier bodies that break the schema: unknown fields, bad prices, limits, names, kinds, currencies, too many tiers, unparsable. */
const badTierBodies = (() => {
  const known = new Set(Object.keys(tierFields));
  // A computed key makes an own property, "__proto__" included, and JSON.stringify writes it out.
  const unknownField = fc
    .tuple(
      hostileKey.filter((key) => !known.has(key) && key !== "tiers"),
      hostileJson,
    )
    .map(([key, value]) => ({ ...freshTier, [key]: value }));
  const badPrice = fc.oneof(
    fc.integer({ max: -1 }),
    fc.integer({ min: 100_000_000 }),
    fc.double({ noInteger: true }).filter(Number.isFinite),
    hostileJson.filter((value) => typeof value !== "number"),
  );
  const badLimit = fc.oneof(
    fc.integer({ max: -1 }),
    fc.integer({ min: 1_000_000_001 }),
    fc.double({ noInteger: true }).filter(Number.isFinite),
    hostileJson.filter((value) => typeof value !== "number" && value !== null),
  );
  const badName = fc.oneof(
    hostileString.filter((name) => !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(name)),
    hostileJson.filter((value) => typeof value !== "string"),
  );
  const badTier = fc.oneof(
    unknownField,
    badPrice.map((price) => ({ ...freshTier, price })),
    badLimit.map((limit) => ({ ...freshTier, limit })),
    badName.map((name) => ({ ...freshTier, name })),
    fc
      .oneof(hostileString, hostileNumber)
      .filter((kind) => kind !== "subscription" && kind !== "one_off")
      .map((kind) => ({ ...freshTier, kind })),
    fc.integer({ min: 1, max: 1_000 }).map((limit) => ({ ...freshTier, kind: "one_off", limit })),
    fc.constantFrom("usd ", "USD", "us", "xxx", "", "usdd").map((currency) => ({ ...freshTier, currency })),
  );
  return fc.oneof(
    badTier.map((tier) => JSON.stringify(tier)),
    fc.tuple(badTier, fc.nat({ max: 2 })).map(([tier, index]) => JSON.stringify({ tiers: [...Array.from({ length: index }, (_, i) => ({ ...freshTier, name: `ok-${i}` })), tier] })),
    fc.constantFrom('{"tiers":[]}', '{"tiers":{}}', '{"tiers":null}', `{"tiers":[${Array.from({ length: 21 }, (_, i) => JSON.stringify({ ...freshTier, name: `t${i}` })).join(",")}]}`),
    unparsableBody(fc.constant(freshTier)),
  );
})();

/**
 * An own "__proto__" field (JSON.parse makes it an own property) is an
 * unknown field like any other: POST /products validates the parsed object
 * itself, not a key-by-key copy (z.record assigns keys, so a primitive
 * "__proto__" vanished and an object one became the body's prototype).
 * Alone or inside `tiers`, with a primitive or an object value.
 */
const ownProtoBodies = (() => {
  const value = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null), hostileJson);
  const withProto = (tier: Record<string, unknown>, protoValue: unknown) => `${JSON.stringify(tier).slice(0, -1)},"__proto__":${JSON.stringify(protoValue) ?? "null"}}`;
  return fc.oneof(
    value.map((protoValue) => withProto(freshTier, protoValue)),
    value.map((protoValue) => `{"tiers":[${withProto(freshTier, protoValue)}]}`),
    value.map((protoValue) => withProto({ tiers: [freshTier] }, protoValue)),
  );
})();

/** POSTs of `bodies` to /products with a valid mode, so only the body is wrong. */
function createRequests(bodies: fc.Arbitrary<RawBody>): fc.Arbitrary<RequestTemplate> {
  return fc.record({
    method: fc.constant("POST"),
    path: fc.constant("/products?mode=test"),
    headers: fc.record({ Authorization: fc.constant("Bearer {{DEV_JWT}}"), "Content-Type": contentType }),
    body: bodies,
  });
}

/** A patch that breaks the schema, or a malformed tier name in the path. */
const badPatchRequests = (() => {
  const patch = fc.oneof(
    fc.constantFrom(
      { name: "renamed" },
      { kind: "one_off" },
      { price: -1 },
      { price: 1.5 },
      { limit: "10" },
      { currency: "USD" },
      { displayName: "" },
      { features: "x" },
      { popular: "yes" },
      { imageUrl: "ftp://x" },
    ),
    fc
      .tuple(
        hostileKey.filter((key) => !Object.hasOwn(patchFields, key)),
        hostileJson,
      )
      .map(([key, value]) => ({ [key]: value })),
  );
  const patchRequests = fc.record({
    method: fc.constant("PATCH"),
    path: fc.constant("/products/basic?mode=test"),
    headers: fc.constant({ Authorization: "Bearer {{DEV_JWT}}" }),
    body: fc.oneof(
      patch.map((value) => JSON.stringify(value)),
      unparsableBody(fc.constant({ price: 0 })),
    ),
  });
  const badName = fc.oneof(
    hostileString.filter((name) => name !== "" && name !== "." && name !== ".." && !/^[a-z0-9][a-z0-9_-]{0,39}$/.test(name)),
    fc.integer({ min: 41, max: 5_000 }).map((length) => "a".repeat(length)),
  );
  const nameRequests = fc.record({
    method: fc.constantFrom("PATCH", "DELETE"),
    path: badName.map((name) => `/products/${urlEncoded(name)}?mode=test`),
    headers: fc.constant({ Authorization: "Bearer {{DEV_JWT}}" }),
    body: fc.constant('{"price":0}'),
  });
  return fc.oneof(patchRequests, nameRequests);
})();

/**
 * Tier operations (with a valid body where they take one) whose `mode` is
 * missing, empty, of another case or anything but test/live: 400
 * `invalid_request` naming `mode`, before anything is read or written.
 */
const badModeRequests = (() => {
  const badMode = fc.oneof(
    fc.constantFrom("TEST", "Live", " test", "test ", "", "prod", "sandbox", "true", "0", "test,live", "null"),
    hostileString.filter((value) => value !== "test" && value !== "live"),
  );
  const query = fc.oneof(
    { weight: 1, arbitrary: fc.constant("") },
    { weight: 1, arbitrary: fc.constant("?") },
    { weight: 1, arbitrary: fc.constant("?mode") },
    { weight: 5, arbitrary: badMode.map((value) => `?mode=${urlEncoded(value)}`) },
  );
  const operation = fc.constantFrom(
    { method: "GET", path: "/products", body: undefined },
    { method: "POST", path: "/products", body: JSON.stringify(freshTier) },
    { method: "PATCH", path: "/products/basic", body: '{"price":0}' },
    { method: "DELETE", path: "/products/basic", body: undefined },
  );
  return fc.tuple(operation, query).map(([{ method, path, body }, search]) => ({
    method,
    path: `${path}${search}`,
    headers: { Authorization: "Bearer {{DEV_JWT}}", "Content-Type": "application/json" },
    body,
  }));
})();

/** Callbacks with a forged, replayed or malformed state. */
const badStateRequests = (() => {
  const state = fc.oneof(
    fc.constantFrom("{{USED_STATE}}", "{{FORGED_STATE}}", "{{STATE}}x", "x{{STATE}}", "{{STATE}}.x", "", ".", "a.b.c", "a.", ".b"),
    hostileString.filter((text) => !text.includes(".") || text.length > 1024),
    fc.integer({ min: 1_025, max: 5_000 }).map((length) => `${"A".repeat(length)}.B`),
  );
  return fc.record({
    method: fc.constant("GET"),
    path: fc
      .tuple(state, fc.constantFrom("{{CODE}}", "ac_unknown", ""), fc.option(fc.constantFrom("access_denied", "server_error"), { nil: undefined }))
      .map(([value, code, error]) => `/connect/callback?state=${urlEncoded(value)}&code=${code}${error ? `&error=${error}` : ""}`)
      .map((path) => path.replace(/%7B%7B([A-Z_]+)%7D%7D/g, "{{$1}}")),
    headers: fc.constant({}),
  });
})();

const { refused, ...session } = developerSessionInputs();

describeBadInput<Kind>({
  worker: "oauth-api",
  operations,
  send,
  globalCounts,
  // Unconnected and connected developers in turn, each for 40 requests (unless a cell says otherwise).
  tenants: inTurn(seedDeveloper),
  defaultKinds: ["unconnected", "connected"],
  ...session,
  plausible: { name: tierName, mode },
  noiseQuery,
  hostile: {
    "GET /products": { kinds: ["unconnected", "paid"], query: tierQuery },
    "POST /products": { kinds: ["connected", "unconnected", "paid"], query: tierQuery, body: rawBody(createBody) },
    "PATCH /products/{name}": { kinds: ["connected", "unconnected", "paid"], path: productPath, body: rawBody(patchBody) },
    "DELETE /products/{name}": { kinds: ["connected", "unconnected", "paid"], path: productPath, body: rawBody(objectBody({})) },
    // Paid and connected: the copy is made (once per tenant, then nothing is left to copy); free: 403, connected or not.
    "POST /products/copy-to-live": { kinds: ["paid", "unconnected", "connected"] },
    "POST /connect/start": { body: connectBody },
    "POST /connect/disconnect": { body: connectBody },
    // A state is single-use: a fresh developer (with a fresh state and code) every 10 requests keeps the success path in play.
    "GET /connect/callback": {
      numRuns: 80,
      kinds: ["unconnected"],
      requestsPerTenant: 10,
      path: callbackQuery.map((query) => `/connect/callback${query}`),
      auth: fc.option(session.auth(), { nil: undefined }),
      headers: { Cookie: fc.option(hostileHeaderValue, { nil: undefined }) },
    },
  },
  anyRoute: { extraPaths: ["/connect", "/health", "/", ""], segment: pathSegment(tierName), body: patchBody, auth: session.auth() },
  invalid: {
    "POST /products": [
      { name: "a tier body that breaks the schema is a 400 validation error", numRuns: 100, kinds: ["unconnected"], requests: createRequests(badTierBodies) },
      { name: "an own __proto__ field in a tier body is refused like any unknown field", numRuns: 30, kinds: ["unconnected"], requests: createRequests(ownProtoBodies) },
      {
        name: "a missing or bad mode on any tier operation is 400 invalid_request naming mode",
        numRuns: 60,
        kinds: ["unconnected", "paid"],
        requests: badModeRequests,
        accepts: (result) => result.status === 400 && result.json?.error?.code === "invalid_request" && result.json?.error?.param === "mode",
      },
    ],
    "PATCH /products/{name}": [{ name: "a patch that breaks the schema, or a malformed tier name, is a 400 validation error", numRuns: 100, kinds: ["unconnected"], requests: badPatchRequests }],
    "GET /connect/callback": [
      {
        name: "a callback with a forged, replayed or malformed state is 400 invalid_state and stores nothing",
        numRuns: 100,
        kinds: ["unconnected"],
        requests: badStateRequests,
        accepts: outcomeIs("400 invalid_state"),
      },
    ],
  },
  refusedCredentials: { ...refused, body: tierBody, params: { name: "basic" } },
  check: assertRedirectsToDashboard,
});
