/**
 * Hostile-input generators and oracles for the workers' property-based
 * tests (<worker>/test/property/*.test.ts) and the suites that run them
 * (suites/*.ts), shared by api-multi, front-auth-api and oauth-api.
 *
 * Requests are generated as *templates*: strings may hold placeholders such
 * as `{{SECRET}}` or `{{DEV_JWT}}` that `send` fills in with the values of
 * the tenant or developer the property seeded, so a counterexample prints
 * readably ("Bearer {{SECRET}}x") and does not depend on one run's random
 * keys.
 *
 * Runs inside workerd (the workers' tests) and type-checks without Workers
 * types: the D1 binding is taken structurally (RowSource).
 */
import { ERROR_CODES } from "@dream-api/shared";
import fc from "fast-check";
import type { FaultMode, FaultPhase, FaultSpec } from "./fault-proxy.js";
import type { WorkerCallerDeps } from "./worker-caller.js";

// ---- run options ----------------------------------------------------------------------------------

/**
 * To replay a failure, paste the `seed` (and `path`) fast-check printed here
 * (it applies to the properties of all three workers); leave undefined for
 * a fresh random seed on every run.
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
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, meant literally.
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
  {
    weight: 8,
    arbitrary: fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>((tie) => ({
      value: fc.oneof({ depthSize: "small", withCrossShrink: true }, hostileScalar, tie("array"), tie("object")),
      array: fc.array(tie("value"), { maxLength: 4 }),
      object: fc.dictionary(hostileKey, tie("value"), { maxKeys: 4 }),
    })).value,
  },
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
    fc.constantFrom("null", "true", "0", '"x"', "1e999", "-", "NaN", "undefined", "{'a':1}", "{a:1}", "{,}", '{"a":1,}', "[}", '{"a":"\\ud800"', "\u0000{}"),
    fc.integer({ min: 1_000, max: 30_000 }).map((depth) => "[".repeat(depth) + "]".repeat(depth)),
    fc.integer({ min: 1_000, max: 20_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`),
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
    {
      weight: 1,
      arbitrary: fc.tuple(json, hostileJson).map(([text, other]) => {
        const first = /^\{"([^"]*)":/.exec(text)?.[1] ?? "userId";
        return `{"${first}":${JSON.stringify(other)},${inner(text) || '"x":1'}}`;
      }),
    },
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
    fc
      .tuple(
        valid.map((body) => JSON.stringify(body)),
        fc.nat(),
        fc.constantFrom(...INVALID_UTF8_SEQUENCES),
      )
      .map(([text, at, sequence]) => withInvalidUtf8(text, at, sequence)),
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

/** Placeholders of a developer's refused near-miss sessions (values from `sessionNearMisses`, sessions.ts). */
export const NEAR_MISS_SESSIONS = ["{{EXPIRED_JWT}}", "{{FOREIGN_AZP_JWT}}", "{{TAMPERED_JWT}}", "{{UNSIGNED_JWT}}", "{{END_USER_APP_JWT}}"] as const;

/**
 * A developer's session most of the time (`{{DEV_JWT}}` through
 * `authorization`), else one of the refused near misses (sessions.ts) or
 * `others` (say `{{SECRET}}`, an api-multi key).
 */
export function sessionAuth(others: readonly string[] = []): fc.Arbitrary<string | undefined> {
  return fc.oneof({ weight: 6, arbitrary: authorization("{{DEV_JWT}}") }, { weight: 1, arbitrary: fc.constantFrom(...NEAR_MISS_SESSIONS, ...others).map((token) => `Bearer ${token}`) });
}

/** Authorization headers that must never authenticate a developer: near misses, `others`, malformed headers, garbage. */
export function refusedSessionAuth(others: readonly string[] = []): fc.Arbitrary<string | undefined> {
  return fc.oneof(
    fc.constantFrom(...NEAR_MISS_SESSIONS, ...others).map((token) => `Bearer ${token}`),
    fc.constantFrom(
      undefined,
      "",
      "Bearer",
      "Bearer ",
      "Basic {{DEV_JWT}}",
      "Token {{DEV_JWT}}",
      "{{DEV_JWT}}",
      "Bearer {{DEV_JWT}}x",
      "Bearer x{{DEV_JWT}}",
      "Bearer {{DEV_JWT}} extra",
      "Bearer a.b.c",
    ),
    hostileHeaderValue.map((value) => `Bearer ${value}`),
  );
}

/** Hostile text as it can travel in a URL: lone surrogates replaced, then percent-encoded. */
export function urlEncoded(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udfff]/g, "\ufffd"));
}

export const encodedHostileString: fc.Arbitrary<string> = hostileString.map(urlEncoded);

/** Path segments: plausible ids, percent-encoded garbage, dot segments, raw percent signs, very long. */
export function pathSegment(plausible: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: plausible },
    { weight: 3, arbitrary: encodedHostileString },
    { weight: 1, arbitrary: fc.constantFrom("..", ".", "%2e%2e", "%2E", "%", "%zz", "%00", "%ff", "%c0%80", "%ed%a0%80", "a%2fb", "a%5cb", "%20", "+", "a;b=c", "~") },
    { weight: 1, arbitrary: fc.integer({ min: 129, max: 12_000 }).map((length) => "u".repeat(length)) },
    { weight: 1, arbitrary: fc.uint8Array({ minLength: 1, maxLength: 12 }).map((bytes) => [...bytes].map((byte) => `%${byte.toString(16).padStart(2, "0")}`).join("")) },
  );
}

/** A query string from hostile pairs (duplicates and unknown names included). */
export function queryString(names: readonly string[], plausible: Record<string, fc.Arbitrary<string>> = {}): fc.Arbitrary<string> {
  const name = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...names) }, { weight: 1, arbitrary: hostileKey });
  const pair = name.chain((key) =>
    fc
      .oneof({ weight: 2, arbitrary: Object.hasOwn(plausible, key) ? plausible[key]! : hostileString }, { weight: 1, arbitrary: hostileString })
      .map((value) => `${encodeURIComponent(key)}=${urlEncoded(value)}`),
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
  const raw = template.body;
  // A copy of the bytes: an ArrayBuffer-backed view is what every runtime's BodyInit accepts.
  const body = template.method === "GET" || template.method === "HEAD" || raw === undefined ? undefined : typeof raw === "string" ? substitute(raw, values) : new Uint8Array(raw);
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
 * The property suites' oracle: never a 5xx; every response carries
 * X-Request-Id; every 4xx is `{error: {code, message, param?}, requestId}`
 * with a known code whose status is the one answered and requestId =
 * X-Request-Id.
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

// ---- sending and snapshots (bound by each worker) ---------------------------------------------------------

/** Sends templates through a worker's app with the test's bindings (each worker binds its createApp and cloudflare:test helpers). */
export function templateSender<Env extends object, Ctx extends { waitUntil(promise: Promise<unknown>): void }>(deps: WorkerCallerDeps<Env, Ctx>) {
  return async function send(template: RequestTemplate, values: Substitutions): Promise<RawResult> {
    const ctx = deps.createExecutionContext();
    const response = await deps.fetch(toRequest(deps.origin, template, values), deps.env, ctx);
    await deps.waitOnExecutionContext(ctx);
    return readResult(response);
  };
}

/** The part of a D1 binding the snapshots use, taken structurally so this module needs no Workers types. */
export interface RowSource<Statement> {
  prepare(query: string): { bind(...values: unknown[]): Statement };
  batch(statements: Statement[]): Promise<{ results: unknown[] }[]>;
}

/** Every row of `tables` that belongs to one platform (full rows, not only counts, so an UPDATE shows too). */
export async function snapshotPlatformRows<Statement>(db: RowSource<Statement>, tables: readonly string[], platformId: string): Promise<Record<string, unknown[]>> {
  const results = await db.batch(tables.map((table) => db.prepare(`SELECT * FROM ${table} WHERE platform_id = ?1 ORDER BY rowid`).bind(platformId)));
  return Object.fromEntries(tables.map((table, index) => [table, results[index]?.results ?? []]));
}

/** Tenant tables a developer's platform owns (front-auth-api and oauth-api snapshots). */
const DEVELOPER_TABLES = ["platforms", "platform_settings", "api_keys", "stripe_accounts", "tiers", "end_users", "usage_counts", "subscriptions", "purchases", "events", "oauth_states"] as const;

/**
 * Every row a developer owns: the platform's tenant tables (full rows, so an
 * UPDATE shows too) and the developer's metered usage.
 */
export async function snapshotDeveloperRows<Statement>(db: RowSource<Statement>, developerId: string, platformId: string): Promise<Record<string, unknown[]>> {
  const statements = [
    ...DEVELOPER_TABLES.map((table) => db.prepare(`SELECT * FROM ${table} WHERE platform_id = ?1 ORDER BY rowid`).bind(platformId)),
    db.prepare("SELECT * FROM platform_usage WHERE developer_id = ?1").bind(developerId),
    db.prepare("SELECT * FROM platforms WHERE developer_id = ?1").bind(developerId),
  ];
  const results = await db.batch(statements);
  const names = [...DEVELOPER_TABLES, "platform_usage", "platforms_by_developer"];
  return Object.fromEntries(names.map((name, index) => [name, results[index]?.results ?? []]));
}

/** Row counts of whole tables (for requests that name no tenant to scope by, like a rejected webhook). */
export async function countTableRows<Statement>(db: RowSource<Statement>, tables: readonly string[]): Promise<Record<string, number>> {
  const results = await db.batch(tables.map((table) => db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).bind()));
  return Object.fromEntries(tables.map((table, index) => [table, (results[index]?.results[0] as { n: number } | undefined)?.n ?? -1]));
}

/**
 * Hands out the same seeded value for `uses` calls, then seeds a fresh one:
 * keeps a per-developer rate limit (100 requests/min) out of the properties'
 * way while they still run against real, persistent state.
 */
export function rotating<T>(uses: number, seed: () => Promise<T>): () => Promise<T> {
  let current: T | undefined;
  let left = 0;
  return async () => {
    if (current === undefined || left === 0) {
      current = await seed();
      left = uses;
    }
    left -= 1;
    return current;
  };
}

// ---- correctly signed, malformed Stripe events -------------------------------------------------------------

/** One way to break a Stripe event while keeping it correctly signed (the signature covers whatever text results). */
export type EventMutation =
  /** Drops the value at `at`: a path the handlers read, or the n-th path of the event. */
  | { kind: "remove"; at: EventPath }
  /** Puts `value` (often of the wrong type) at `at`. */
  | { kind: "replace"; at: EventPath; value: unknown }
  /** Another type, so data.object has the wrong shape for it (a subscription in a checkout.session.completed...). */
  | { kind: "retype"; type: string }
  /** data.object replaced wholesale. */
  | { kind: "object"; value: unknown }
  /** The whole body replaced by text that is not an event object (a JSON scalar or array, broken JSON). */
  | { kind: "text"; text: string };

/** A path into the event: one of the fields the workers read, or (a number) the n-th of all its paths. */
export type EventPath = readonly string[] | number;

/** The fields of Stripe events that api-multi and front-auth-api read. */
const READ_PATHS: readonly (readonly string[])[] = [
  ["id"],
  ["type"],
  ["account"],
  ["livemode"],
  ["created"],
  ["data"],
  ["data", "object"],
  ...["id", "object", "mode", "metadata", "subscription", "customer", "payment_intent", "payment_status", "amount_total", "currency", "client_reference_id", "parent", "status", "items"].map(
    (field) => ["data", "object", field],
  ),
  ...["platformId", "userId", "tier", "developerId"].map((key) => ["data", "object", "metadata", key]),
  ["data", "object", "parent", "subscription_details"],
  ["data", "object", "parent", "subscription_details", "subscription"],
];

const eventPath: fc.Arbitrary<EventPath> = fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...READ_PATHS) }, { weight: 2, arbitrary: fc.nat() });

/** One to three mutations; `types` are the event types the receiving worker handles. */
export function eventMutations(types: readonly string[]): fc.Arbitrary<EventMutation[]> {
  const wrongValue = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom<unknown>(null, 0, -1, 1.5, true, "", "x", [], {}, ["sub_x"], { id: 1 }, "sub_../../v1/customers", "cs_%00", "acct_unknown", "__proto__") },
    { weight: 2, arbitrary: hostileJson },
  );
  const mutation: fc.Arbitrary<EventMutation> = fc.oneof(
    { weight: 4, arbitrary: eventPath.map((at) => ({ kind: "remove" as const, at })) },
    { weight: 5, arbitrary: fc.tuple(eventPath, wrongValue).map(([at, value]) => ({ kind: "replace" as const, at, value })) },
    { weight: 2, arbitrary: fc.constantFrom(...types).map((type) => ({ kind: "retype" as const, type })) },
    { weight: 1, arbitrary: wrongValue.map((value) => ({ kind: "object" as const, value })) },
    {
      weight: 1,
      arbitrary: fc
        .oneof(
          hostileJson.filter((value) => typeof value !== "object" || value === null || Array.isArray(value)).map((value) => JSON.stringify(value)),
          // No leading BOM: the workers read the body as text, which drops it, so its signature would no longer match.
          fc.constantFrom("{", '{"id":', "[]", "null", '"evt_x"', "{'id':1}", "{}\ufeff", "1e999"),
        )
        .map((text) => ({ kind: "text" as const, text })),
    },
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 });
}

/** Every path into a JSON value (objects and arrays), up to `depth` levels deep, parents before children. */
function jsonPaths(value: unknown, depth: number, prefix: (string | number)[] = []): (string | number)[][] {
  if (depth === 0 || typeof value !== "object" || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, child]) => [[...prefix, key], ...jsonPaths(child, depth - 1, [...prefix, key])]);
}

/** Sets or removes the value at `path`; nothing happens when its parent is not an object or array. */
function setAt(root: Record<string, unknown>, path: readonly (string | number)[], value: unknown, remove: boolean): void {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== "object" || node === null || !Object.hasOwn(node, key)) return;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (typeof node !== "object" || node === null) return;
  const last = path.at(-1)!;
  if (Array.isArray(node) && typeof last === "number") {
    if (remove) node.splice(last, 1);
    else node[last] = value;
    return;
  }
  const target = node as Record<string | number, unknown>;
  if (remove) delete target[last];
  // defineProperty: a "__proto__" key stays an own property, as JSON.parse would make it.
  else Object.defineProperty(target, last, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The body to sign: `event` (a real delivery's parsed body) with a fresh id
 * `id`, then `mutations` applied in order. Paths are re-read after each
 * mutation; a "text" mutation replaces everything.
 */
export function mutatedEventBody(event: Record<string, unknown>, id: string, mutations: readonly EventMutation[]): string {
  const copy = JSON.parse(JSON.stringify({ ...event, id })) as Record<string, unknown>;
  // A copy of each inserted value: a later mutation may write inside it, and fast-check hands the
  // same value instances to other runs while shrinking — writing into them could make them cyclic.
  const fresh = (value: unknown): unknown => (value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
  for (const mutation of mutations) {
    if (mutation.kind === "text") return mutation.text;
    if (mutation.kind === "retype") {
      copy["type"] = mutation.type;
      continue;
    }
    if (mutation.kind === "object") {
      const data = typeof copy["data"] === "object" && copy["data"] !== null && !Array.isArray(copy["data"]) ? (copy["data"] as Record<string, unknown>) : {};
      copy["data"] = data;
      data["object"] = fresh(mutation.value);
      continue;
    }
    const { at } = mutation;
    const paths = typeof at === "number" ? jsonPaths(copy, 5) : [];
    const path = typeof at === "number" ? paths[at % Math.max(paths.length, 1)] : at;
    if (path) setAt(copy, path, mutation.kind === "replace" ? fresh(mutation.value) : undefined, mutation.kind === "remove");
  }
  return JSON.stringify(copy);
}

/** A Stripe-Signature header (`t=…,v1=…`) that verifies `body` against the endpoint secret, as Stripe signs deliveries. */
export async function stripeSignatureHeader(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Promise<string> {
  return `t=${timestamp},v1=${await stripeHmac(body, secret, timestamp)}`;
}

/** How many events rows hold the id of the event in `body` (0 when the body has no string id). */
export async function recordedEventRows<Statement>(db: RowSource<Statement>, body: string): Promise<number> {
  let id: unknown;
  try {
    id = (JSON.parse(body) as { id?: unknown } | null)?.id;
  } catch {
    return 0;
  }
  if (typeof id !== "string") return 0;
  const [result] = await db.batch([db.prepare("SELECT COUNT(*) AS n FROM events WHERE event_id = ?1").bind(id)]);
  return (result?.results[0] as { n: number } | undefined)?.n ?? 0;
}

// ---- provider faults (the chaos suites: <worker>/test/chaos/*faults*.test.ts) ----------------------

/** fast-check runs many requests per property; more than a per-test default allows on a loaded CI machine. */
export const PROPERTY_TEST_TIMEOUT_MS = 120_000;
/** The Stripe client's per-request timeout (STRIPE_TIMEOUT_MS) in the chaos tests; a Stripe hang outlasts it. */
export const STRIPE_TEST_TIMEOUT_MS = 300;
export const STRIPE_HANG_MS = 5_000;
/** A Clerk hang the Clerk client waits out (a slow answer, not a timeout). */
export const CLERK_HANG_MS = 150;
/** stripe-node makes 1 + 2 retries of a failed call. */
export const STRIPE_ATTEMPTS = 3;

/** How a provider call fails: an error status, a hang, or a dropped connection, before or after the provider acted. */
export interface FaultShape {
  mode: FaultMode;
  phase: FaultPhase;
}

export const faultShapes: fc.Arbitrary<FaultShape> = fc.record({
  mode: fc.constantFrom<FaultMode>("status", "hang", "drop"),
  phase: fc.constantFrom<FaultPhase>("request", "response"),
});

/** The FaultProxy arming for `shape` on `target`; a hang lasts `hangMs`. */
export function faultSpec(shape: FaultShape, hangMs: number, target: Pick<FaultSpec, "method" | "pathPrefix" | "skip" | "times">): FaultSpec {
  return { ...target, mode: shape.mode, phase: shape.phase, ...(shape.mode === "hang" ? { delayMs: hangMs } : {}) };
}
