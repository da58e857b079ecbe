/**
 * Hostile-input generators and oracles for api-multi's property-based
 * reliability tests (test/reliability/*.test.ts).
 *
 * Requests are generated as *templates*: strings may hold placeholders such
 * as `{{SECRET}}` or `{{END_USER_JWT}}` that `send` fills in with the values
 * of the tenant the property seeded, so a counterexample prints readably
 * ("Bearer {{SECRET}}x") and does not depend on one run's random keys.
 *
 * Everything above the "api-multi" section (hostile values, bodies,
 * headers, the oracle, Stripe signatures) is the same in the three workers'
 * reliability helpers; the last section is api-multi's own (sending through
 * its app, tenant row snapshots).
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { ERROR_CODES } from "@dream-api/shared";
import fc from "fast-check";
import { createApp } from "../../src/app";

// ---- run options ----------------------------------------------------------------------------------

/**
 * To replay a failure, paste the `seed` (and `path`) fast-check printed here;
 * leave undefined for a fresh random seed on every run.
 */
const REPLAY: { seed: number; path?: string } | undefined = undefined;

/** fast-check parameters for one property: an explicit run count, and the replay seed when set. */
export function runs(numRuns: number): fc.Parameters<unknown> {
  return { numRuns, ...(REPLAY ?? {}), endOnFailure: REPLAY !== undefined };
}

// ---- hostile values ----------------------------------------------------------------------------------

/** Keys that reach Object.prototype machinery when a parser or a merge is careless. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "__defineGetter__", "isPrototypeOf"] as const;

const NASTY_STRINGS: readonly string[] = [
  "",
  " ",
  "\t",
  "\u0000",
  "\u0000\u0001\u001f\u007f",
  "\r\n",
  "NaN",
  "-NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e309",
  "0x10",
  "1_000",
  " 1",
  "١٢٣",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  ...PROTOTYPE_KEYS,
  "..",
  "../..",
  "..%2f..",
  "%2e%2e",
  "%00",
  "%",
  "%zz",
  "' OR '1'='1' --",
  '"; DROP TABLE end_users; --',
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "\u202eevil",
  "\ufeffbom",
  "\ud800",
  "\udfff\ud800",
  "🙂",
  "𝕏",
  "a\u0301",
  "İ",
  "pro\u0000",
  "PRO",
  "pro ",
  "x".repeat(129),
  "x".repeat(4_096),
  "sk_test_",
  "pk_test_",
  "user@example.com",
];

/** Any string a client could send: edge cases, control characters, lone surrogates, unicode, long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0, max: 0x1f }).map((code) => String.fromCharCode(code)), minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 129, max: 20_000 }).map((length) => "a".repeat(length)) },
);

/** Numbers that break naive range checks (JSON turns NaN and ±Infinity into null). */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -0, -1, 1.5, 0.1, 1001, 1e9, 2 ** 31, 2 ** 53, 2 ** 53 + 2, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE),
);

export const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...PROTOTYPE_KEYS, "", " "), fc.string({ maxLength: 12 }));

const hostileScalar: fc.Arbitrary<unknown> = fc.oneof(hostileString, hostileNumber, fc.boolean(), fc.constant(null));

/** Deeply nested arrays or objects (each level one wrapper), to find recursion limits. */
export const deeplyNested: fc.Arbitrary<unknown> = fc.tuple(fc.integer({ min: 64, max: 2_000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = null;
  for (let level = 0; level < depth; level += 1) value = arrays ? [value] : { a: value };
  return value;
});

/** Any JSON value, with hostile leaves and prototype-pollution keys. */
export const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
    value: fc.oneof({ depthSize: "small", withCrossShrink: true }, hostileScalar, tie("array"), tie("object")),
    array: fc.array(tie("value"), { maxLength: 4 }),
    object: fc.dictionary(hostileKey, tie("value"), { maxKeys: 4 }),
  })).value },
  { weight: 1, arbitrary: deeplyNested },
);

/**
 * An object body for a route whose fields are `fields`: each field is
 * absent, a plausible value or a hostile one, and unknown (often
 * prototype-pollution) keys are sometimes added. Some results are valid.
 */
export function objectBody(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, plausible] of Object.entries(fields)) {
    model[name] = fc.oneof({ weight: 5, arbitrary: plausible }, { weight: 1, arbitrary: hostileJson });
  }
  const extra = fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.dictionary(hostileKey, hostileJson, { minKeys: 1, maxKeys: 3 }) });
  return fc.tuple(fc.record(model, { requiredKeys: [] }), extra).map(([known, unknown]) => ({ ...unknown, ...known }));
}

/** Bytes that are not valid UTF-8 (lone continuation, overlong, surrogate, truncated sequence, 0xFF). */
const INVALID_UTF8_SEQUENCES: readonly number[][] = [[0xff], [0x80], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80], [0xe2, 0x82], [0xfe, 0xff]];

function withInvalidUtf8(text: string, at: number, sequence: readonly number[]): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  const cut = Math.min(at, bytes.length);
  return new Uint8Array([...bytes.slice(0, cut), ...sequence, ...bytes.slice(cut)]);
}

export type RawBody = string | Uint8Array;

/** Texts that are not one JSON object: truncated, non-object values, JavaScript-isms, deep nesting. */
function brokenJson(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<string> {
  return fc.oneof(
    valid.chain((body) => {
      const text = JSON.stringify(body);
      return fc.integer({ min: 1, max: text.length - 1 }).map((length) => text.slice(0, length));
    }),
    hostileJson.filter((value) => typeof value !== "object" || value === null || Array.isArray(value)).map((value) => JSON.stringify(value)),
    fc.constantFrom("null", "true", "0", '"x"', "1e999", "-", "NaN", "undefined", "{'a':1}", "{a:1}", "{,}", '{"a":1,}', "[}", "{\"a\":\"\\ud800\"", "\u0000{}"),
    fc.integer({ min: 1_000, max: 30_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
    fc.integer({ min: 1_000, max: 20_000 }).map((depth) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth)),
  );
}

/**
 * A raw request body around `valid` object bodies: mostly their JSON, but
 * also broken JSON, invalid UTF-8, prototype pollution and duplicate keys
 * written as raw text, a BOM, whitespace, more than 64 KiB, random bytes.
 */
export function rawBody(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<RawBody | undefined> {
  const json = valid.map((body) => JSON.stringify(body));
  const inner = (text: string) => text.slice(1, -1);
  return fc.oneof(
    { weight: 10, arbitrary: json },
    { weight: 2, arbitrary: brokenJson(valid) },
    { weight: 1, arbitrary: fc.tuple(json, fc.nat(), fc.constantFrom(...INVALID_UTF8_SEQUENCES)).map(([text, at, sequence]) => withInvalidUtf8(text, at, sequence)) },
    { weight: 1, arbitrary: json.map((text) => `{"__proto__":{"admin":true,"plan":"pro"},"constructor":{"prototype":{"polluted":true}}${inner(text) ? `,${inner(text)}` : ""}}`) },
    { weight: 1, arbitrary: fc.tuple(json, hostileJson).map(([text, other]) => { const first = /^\{"([^"]*)":/.exec(text)?.[1] ?? "userId"; return `{"${first}":${JSON.stringify(other)},${inner(text) || '"x":1'}}`; }) },
    { weight: 1, arbitrary: json.map((text) => `\ufeff${text}`) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "\n\t\r ", undefined) },
    { weight: 1, arbitrary: fc.integer({ min: 64 * 1024, max: 200_000 }).map((length) => `{"pad":"${"x".repeat(length)}"}`) },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) },
  );
}

/** A body that is certainly not a valid request for any route: not a JSON object, or not UTF-8, or too large. */
export function unparsableBody(valid: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<RawBody> {
  return fc.oneof(
    brokenJson(valid),
    fc.tuple(valid.map((body) => JSON.stringify(body)), fc.nat(), fc.constantFrom(...INVALID_UTF8_SEQUENCES)).map(([text, at, sequence]) => withInvalidUtf8(text, at, sequence)),
    fc.integer({ min: 64 * 1024 + 16, max: 200_000 }).map((length) => `{"pad":"${"x".repeat(length)}"}`),
  );
}

/**
 * Header values cannot hold NUL, CR or LF, and workerd re-encodes non-ASCII
 * ones as UTF-8 with a warning: hostile text goes out with those bytes
 * dropped and its non-ASCII bytes percent-encoded (still garbage to us).
 */
export function asHeaderValue(text: string): string {
  let value = "";
  for (const byte of new TextEncoder().encode(text)) {
    if (byte === 0 || byte === 10 || byte === 13) continue;
    value += byte < 0x80 ? String.fromCharCode(byte) : `%${byte.toString(16).toUpperCase()}`;
  }
  return value;
}

export const hostileHeaderValue: fc.Arbitrary<string> = hostileString.map(asHeaderValue);

/** Content-Type claims that do not match (or do match) the body. */
export const contentType: fc.Arbitrary<string | undefined> = fc.constantFrom(
  "application/json",
  undefined,
  "application/json; charset=utf-8",
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=----x",
  "application/json; charset=utf-16le",
  "application/xml",
  "",
  "*/*",
);

/**
 * Authorization headers around a credential placeholder: mostly the real
 * one (so validation behind authentication is reached), else near-misses
 * and garbage. `undefined` = no header.
 */
export function authorization(credential: string): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constant(`Bearer ${credential}`) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        undefined,
        `bearer ${credential}`,
        `Bearer    ${credential}`,
        `Bearer ${credential} extra`,
        `Bearer ${credential}x`,
        `Bearer x${credential}`,
        `Basic ${credential}`,
        `Token ${credential}`,
        credential,
        "Bearer",
        "Bearer ",
        "",
        "Bearer null",
        "Bearer a.b.c",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.e30",
        `Bearer sk_live_${"0".repeat(40)}`,
        `Bearer sk_test_${"A".repeat(40)}`,
        "Bearer {{PK}}",
      ),
    },
    { weight: 1, arbitrary: hostileHeaderValue.map((value) => `Bearer ${value}`) },
  );
}

/** Path segments: plausible ids, percent-encoded garbage, dot segments, raw percent signs, very long. */
export function pathSegment(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible },
    { weight: 3, arbitrary: hostileString.map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"))) },
    { weight: 1, arbitrary: fc.constantFrom("..", ".", "%2e%2e", "%2E", "%", "%zz", "%00", "%ff", "%c0%80", "%ed%a0%80", "a%2fb", "a%5cb", "%20", "+", "a;b=c", "~") },
    { weight: 1, arbitrary: fc.integer({ min: 129, max: 12_000 }).map((length) => "u".repeat(length)) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("")) },
  );
}

/** A query string from hostile pairs (duplicates and unknown names included). */
export function queryString(names: readonly string[], plausible: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<string> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostileKey });
  const pair = name.chain((key) =>
    fc.oneof({ weight: 2, arbitrary: Object.hasOwn(plausible, key) ? plausible[key]! : hostileString }, { weight: 1, arbitrary: hostileString }).map((value) => `${encodeURIComponent(key)}=${encodeURIComponent(value.replace(/[\ud800-\udfff]/g, "\ufffd"))}`),
  );
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(pair, { maxLength: 4 }).map((pairs) => (pairs.length ? `?${pairs.join("&")}` : "")) },
    { weight: 1, arbitrary: fc.constantFrom("?", "?&&", "?=", "?%", "?a=%zz", "?limit", "?limit=1&limit=2", `?q=${"%41".repeat(500)}`) },
  );
}

// ---- requests and oracles -----------------------------------------------------------------------------

export interface RequestTemplate {
  method: string;
  /** Path and query; placeholders allowed. */
  path: string;
  headers: Record<string, string | undefined>;
  body?: RawBody | undefined;
}

export interface RawResult {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: any;
}

export type Substitutions = Record<string, string>;

export function substitute(text: string, values: Substitutions): string {
  return text.replace(/\{\{([A-Z_]+)\}\}/g, (placeholder, name: string) => values[name] ?? placeholder);
}

/** The Request a template becomes once its placeholders are filled in. */
export function toRequest(base: string, template: RequestTemplate, values: Substitutions): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(template.headers)) if (value !== undefined) headers.set(name, substitute(value, values));
  const body = template.method === "GET" || template.method === "HEAD" ? undefined : typeof template.body === "string" ? substitute(template.body, values) : template.body;
  return new Request(`${base}${substitute(template.path, values)}`, { method: template.method, headers, body, redirect: "manual" });
}

export async function readResult(response: Response): Promise<RawResult> {
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

const KNOWN_CODES: Record<string, number> = ERROR_CODES;

/**
 * The reliability oracle: never a 5xx; every response carries X-Request-Id;
 * every 4xx is `{error: {code, message, param?}, requestId}` with a known
 * code whose status is the one answered and requestId = X-Request-Id.
 */
export function assertWellFormed(result: RawResult): void {
  const requestId = result.headers.get("X-Request-Id");
  if (result.status >= 500) throw new Error(`server error ${result.status}: ${result.text.slice(0, 500)}`);
  if (!requestId) throw new Error(`no X-Request-Id on a ${result.status}`);
  if (result.status < 400) return;
  const body = result.json;
  const error = body?.error;
  if (typeof error?.code !== "string" || typeof error.message !== "string" || error.message.length === 0) {
    throw new Error(`${result.status} without the error shape: ${result.text.slice(0, 500)}`);
  }
  if (KNOWN_CODES[error.code] !== result.status) throw new Error(`code ${error.code} answered with status ${result.status}`);
  if (error.param !== undefined && typeof error.param !== "string") throw new Error(`error.param is not a string: ${result.text.slice(0, 300)}`);
  if (body.requestId !== requestId) throw new Error(`requestId ${String(body.requestId)} differs from X-Request-Id ${requestId}`);
}

/** Object.prototype must never pick up properties from a request (the app runs in this isolate). */
export function assertPrototypeClean(): void {
  const probe: Record<string, unknown> = {};
  for (const name of ["admin", "plan", "polluted", "a", "x"]) {
    if (name in probe) throw new Error(`Object.prototype was polluted with "${name}"`);
  }
}

// ---- Stripe webhook signatures ------------------------------------------------------------------------------

const encoder = new TextEncoder();

/** The hex HMAC-SHA256 Stripe puts in `v1=`: over `${timestamp}.${body}` with the endpoint's secret. */
export async function stripeHmac(body: string, secret: string, timestamp: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(`${timestamp}.${body}`)));
  return [...mac].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** How a delivery's Stripe-Signature header is forged (none of these may be accepted). */
export type ForgedSignature =
  | { kind: "absent" }
  | { kind: "garbage"; value: string }
  | { kind: "random-v1" }
  | { kind: "wrong-secret"; secret: string }
  | { kind: "stale"; ageSeconds: number }
  | { kind: "other-body" }
  | { kind: "v0-only" }
  | { kind: "no-timestamp" };

export function forgedSignature(foreignSecrets: readonly string[]): fc.Arbitrary<ForgedSignature> {
  return fc.oneof(
    fc.constant({ kind: "absent" as const }),
    hostileHeaderValue.map((value) => ({ kind: "garbage" as const, value })),
    fc.constant({ kind: "random-v1" as const }),
    fc.oneof(fc.constantFrom(...foreignSecrets), fc.string({ minLength: 1, maxLength: 40 })).map((secret) => ({ kind: "wrong-secret" as const, secret })),
    fc.integer({ min: 301, max: 10 * 365 * 86_400 }).map((ageSeconds) => ({ kind: "stale" as const, ageSeconds })),
    fc.constant({ kind: "other-body" as const }),
    fc.constant({ kind: "v0-only" as const }),
    fc.constant({ kind: "no-timestamp" as const }),
  );
}

/** The Stripe-Signature header a forgery produces for `body` against an endpoint whose real secret is `secret`. */
export async function forgedSignatureHeader(forgery: ForgedSignature, body: string, secret: string): Promise<string | undefined> {
  const now = Math.floor(Date.now() / 1000);
  switch (forgery.kind) {
    case "absent":
      return undefined;
    case "garbage":
      return forgery.value;
    case "random-v1":
      return `t=${now},v1=${[...crypto.getRandomValues(new Uint8Array(32))].map((byte) => byte.toString(16).padStart(2, "0")).join("")}`;
    case "wrong-secret":
      return `t=${now},v1=${await stripeHmac(body, forgery.secret, now)}`;
    case "stale":
      return `t=${now - forgery.ageSeconds},v1=${await stripeHmac(body, secret, now - forgery.ageSeconds)}`;
    case "other-body":
      return `t=${now},v1=${await stripeHmac(`${body} `, secret, now)}`;
    case "v0-only":
      return `t=${now},v0=${await stripeHmac(body, secret, now)}`;
    case "no-timestamp":
      return `v1=${await stripeHmac(body, secret, now)}`;
  }
}

// ---- api-multi ------------------------------------------------------------------------------------------

const app = createApp();

/** Sends a template through api-multi's app with the real bindings. */
export async function send(template: RequestTemplate, values: Substitutions): Promise<RawResult> {
  const ctx = createExecutionContext();
  const response = await app.fetch(toRequest("http://api.test", template, values), env, ctx);
  await waitOnExecutionContext(ctx);
  return readResult(response);
}

/** Every tenant table's rows of one platform (full rows, not only counts, so updates show too). */
export async function tenantRows(platformId: string): Promise<Record<string, unknown[]>> {
  const tables = ["platforms", "api_keys", "stripe_accounts", "tiers", "end_users", "usage_counts", "usage_daily", "subscriptions", "purchases", "events", "oauth_states"];
  const results = await env.DB.batch(tables.map((table) => env.DB.prepare(`SELECT * FROM ${table} WHERE platform_id = ?1 ORDER BY rowid`).bind(platformId)));
  return Object.fromEntries(tables.map((table, index) => [table, results[index]?.results ?? []]));
}

/** Rows of every table (for the webhook, whose rejected events would carry no platform). */
export async function globalCounts(): Promise<Record<string, number>> {
  const tables = ["platforms", "api_keys", "stripe_accounts", "tiers", "end_users", "usage_counts", "subscriptions", "purchases", "events"];
  const results = await env.DB.batch(tables.map((table) => env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table}`)));
  return Object.fromEntries(tables.map((table, index) => [table, (results[index]?.results[0] as { n: number } | undefined)?.n ?? -1]));
}

/** End-user ids as the API accepts them. */
export const plausibleUserId: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:@+-]{0,24}$/);
