/**
 * Property-based bad-input suite, written once for the three workers and
 * driven by each one's operation list and table.
 *
 * With fast-check generating random and hostile bodies (any JSON value,
 * wrong types, huge/negative/fractional numbers, NaN-like strings, deep
 * nesting, long strings, control characters, unicode and lone surrogates,
 * prototype-pollution keys, unknown fields, invalid UTF-8, truncated JSON,
 * over 64 KiB), hostile headers (Authorization variants, near-miss
 * sessions, Content-Type lies), hostile path parameters and query strings:
 *
 *  1. never a 5xx, every response has an X-Request-Id, and every 4xx has
 *     the error shape `{error: {code, message}, requestId}` with a known
 *     code, the status that code maps to, and requestId = X-Request-Id;
 *  2. a rejected request writes nothing: every row the tenant owns is the
 *     same before and after (full rows, so an UPDATE shows too);
 *  3. requests invalid by construction (unparsable body, unknown field,
 *     wrong type, malformed id, refused credential…) get exactly the
 *     refusal the table names and write nothing anywhere;
 *  4. no request pollutes Object.prototype of the isolate serving it;
 *  5. the Stripe webhook (an operation Stripe's signature authenticates):
 *     an unsigned or mis-signed delivery is 400 `invalid_signature` and
 *     stores nothing; a correctly signed event of a type the worker does not
 *     handle is 200, recorded once, and a redelivery is a duplicate.
 *
 * Every operation of the list gets property 1–2–4 (its table cell, if any,
 * says how to generate its requests; otherwise they are derived from its
 * path, callers and request schemas), so a new operation is covered the
 * day it is added. A cell naming an operation that is not in the list fails
 * the suite. fast-check prints the seed of a failure; paste it into REPLAY
 * in arbitraries.ts to replay it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assertPrototypeClean,
  assertWellFormed,
  contentType,
  forgedSignature,
  forgedSignatureHeader,
  hostileHeaderValue,
  hostileJson,
  hostileKey,
  hostileString,
  objectBody,
  pathSegment,
  queryString,
  rawBody,
  refusedSessionAuth,
  rotating,
  runs,
  sessionAuth,
  stripeHmac,
  substitute,
  unparsableBody,
  type RawBody,
  type RawResult,
  type RequestTemplate,
  type Substitutions,
} from "../arbitraries.js";
import { bodyFieldsOf, fieldsOf, fillPath, findOperation, operationKey, pathParams, staticPrefix, type CredentialCaller, type OperationLike } from "../operations.js";
import { matchesOutcome, type Outcome } from "./outcomes.js";

const PROPERTY_TIMEOUT = 60_000;

export type Send = (template: RequestTemplate, values: Substitutions) => Promise<RawResult>;

/** Whom a request is sent as: placeholder values, and the rows that must not change when it is refused. */
export interface InputTenant {
  values: Substitutions;
  /** Every row the tenant owns (full rows). */
  rows(): Promise<unknown>;
}

/** How a property's requests are generated for one operation; whatever is left out is derived from the operation. */
export interface HostileCell<Kind extends string> {
  numRuns?: number;
  /** The tenants the requests are sent as (see BadInputSuite.tenants). */
  kinds?: readonly Kind[];
  requestsPerTenant?: number;
  auth?: fc.Arbitrary<string | undefined>;
  /** The whole path and query (default: each `{param}` a `pathSegment` of its plausible values, then `query`). */
  path?: fc.Arbitrary<string>;
  /** The query (default: the operation's query fields with plausible and hostile values, else the suite's `noiseQuery`). */
  query?: fc.Arbitrary<string>;
  /** Headers besides Authorization, Content-Type and the operation's own. */
  headers?: Record<string, fc.Arbitrary<string | undefined>>;
  /** Default: `rawBody` around the operation's fields with plausible and hostile values. */
  body?: fc.Arbitrary<RawBody | undefined>;
}

/** A property of requests invalid by construction against one operation. */
export interface InvalidCell<Kind extends string> {
  /** What is wrong with the requests (the test's title after the operation). */
  name: string;
  numRuns: number;
  kinds?: readonly Kind[];
  /** The refusal every request must get (default: 400 with one of the suite's validation codes). */
  accepts?: (result: RawResult) => boolean;
  /** Fixed values of the path's parameters. */
  params?: Record<string, string>;
  /** Values each field must refuse: a body is then unparsable, or `valid` with an unknown field or one of these. */
  fields?: Record<string, fc.Arbitrary<unknown>>;
  /** The valid body the bad values go into (default: the operation's example). */
  valid?: Record<string, unknown>;
  /** The bodies, when they are not made from `fields`. */
  body?: fc.Arbitrary<RawBody | undefined>;
  /** The whole requests, for properties that span operations (the operation key then only titles them). */
  requests?: fc.Arbitrary<RequestTemplate>;
}

/** What the Stripe webhook (an operation called with `stripeSignature`) gets. */
export interface WebhookInputCell<Kind extends string> {
  kinds: readonly Kind[];
  /** The endpoint's signing secrets. */
  secrets: readonly string[];
  /** Other endpoints' secrets: a delivery signed with one is forged. */
  foreignSecrets: readonly string[];
  /** Plausible events about the tenant (placeholders allowed), with hostile fields mixed in. */
  event: fc.Arbitrary<Record<string, unknown>>;
  /** Prefixes of the event types the worker acts on. */
  handledPrefixes: readonly string[];
  /** Fields an unhandled event may carry besides id, type, data, livemode and created. */
  unhandledFields?: Record<string, fc.Arbitrary<unknown>>;
}

export interface BadInputSuite<Kind extends string> {
  worker: string;
  /** The worker's operation list (the seam: its `OPERATIONS`). */
  operations: readonly OperationLike[];
  send: Send;
  /** Hands out the tenant for each request of one property: `kinds` in turn, each for `requestsPerTenant` requests (or one for the whole property). */
  tenants(kinds: readonly Kind[], requestsPerTenant?: number): () => Promise<InputTenant>;
  defaultKinds: readonly Kind[];
  /** Row counts of whole tables: a request refused by construction leaves them unchanged too. */
  globalCounts(): Promise<Record<string, number>>;
  /** A valid credential of each caller, as a placeholder (`{{SECRET}}`). */
  credentials: Partial<Record<CredentialCaller, string>>;
  /** The Authorization headers of an operation's hostile requests. */
  auth(operation: OperationLike): fc.Arbitrary<string | undefined>;
  /** Plausible values by field, parameter, query or header name; other names get hostile values only. */
  plausible: Record<string, fc.Arbitrary<unknown>>;
  /** The query of operations that take none (default: none). */
  noiseQuery?: fc.Arbitrary<string>;
  /** Per operation (`"POST /api/customers"`): how its hostile requests are made. */
  hostile: Record<string, HostileCell<Kind>>;
  /** Any method on any route, with garbage path segments. */
  anyRoute: { extraPaths: readonly string[]; segment: fc.Arbitrary<string>; body: fc.Arbitrary<Record<string, unknown>>; auth: fc.Arbitrary<string | undefined>; kinds?: readonly Kind[] };
  /** Per operation: properties of requests invalid by construction. */
  invalid: Record<string, readonly InvalidCell<Kind>[]>;
  /** Error codes of a request refused for what it contained. */
  validationCodes: readonly string[];
  /** Credentials that must never pass (`auth`), sent to every operation a developer session may call with `body`: each gets `outcome`. */
  refusedCredentials?: { auth: fc.Arbitrary<string | undefined>; outcome: Outcome; body: fc.Arbitrary<Record<string, unknown>>; params: Record<string, string>; kinds?: readonly Kind[] };
  webhook?: WebhookInputCell<Kind>;
  /** Whether a refused request must have left the tenant untouched (default: every 4xx). */
  mustWriteNothing?(result: RawResult): boolean;
  /** Checks of every response besides the oracle (say, where redirects may go). */
  check?(result: RawResult): void;
}

/**
 * What the tables of the workers that take only developers' sessions share:
 * the credential, hostile sessions (near misses, and `others`: credentials
 * of other kinds the tenant holds), the refused ones and their answer, the
 * validation codes.
 */
export function developerSessionInputs(others: readonly string[] = []) {
  return {
    credentials: { developerSession: "{{DEV_JWT}}" },
    auth: () => sessionAuth(others),
    validationCodes: ["invalid_json", "invalid_request", "body_too_large"],
    refused: { auth: refusedSessionAuth(others), outcome: "401 unauthenticated" as const },
  };
}

/** Tenants for `tenants`: `seed(kind)` for each kind in turn, each one for `requestsPerTenant` requests (default 40: a developer's rate limit is 100/min). */
export function inTurn<Kind extends string>(seed: (kind: Kind) => Promise<InputTenant>): (kinds: readonly Kind[], requestsPerTenant?: number) => () => Promise<InputTenant> {
  return (kinds, requestsPerTenant = 40) => {
    let count = 0;
    return rotating(requestsPerTenant, () => seed(kinds[count++ % kinds.length]!));
  };
}

const UNHANDLED_EVENT_TYPES = ["product.created", "charge.refunded", "payout.paid", "invoice.paid", "", "__proto__", "constructor"];
const WEBHOOK_CONTENT_TYPES = ["application/json", "application/json; charset=utf-8", "text/plain", undefined];
const eventId = fc.stringMatching(/^evt_[A-Za-z0-9]{10,24}$/);

function asString(arbitrary: fc.Arbitrary<unknown> | undefined): fc.Arbitrary<string> {
  return arbitrary ? arbitrary.map(String) : hostileString;
}

/** An optional header: absent, plausible or hostile (as a header value can carry it). */
function optionalHeader(plausible: fc.Arbitrary<unknown> | undefined): fc.Arbitrary<string | undefined> {
  return fc.option(fc.oneof(plausible ? asString(plausible) : hostileHeaderValue, hostileHeaderValue), { nil: undefined, freq: 2 });
}

/** The hostile requests of `cell` for `operation`, derived from the operation wherever the cell says nothing. */
function hostileRequests<Kind extends string>(suite: BadInputSuite<Kind>, operation: OperationLike, cell: HostileCell<Kind>): fc.Arbitrary<RequestTemplate> {
  const params = pathParams(operation.path);
  const query =
    cell.query ??
    (operation.request?.query
      ? queryString(fieldsOf(operation.request.query), Object.fromEntries(fieldsOf(operation.request.query).map((name) => [name, asString(suite.plausible[name])])))
      : (suite.noiseQuery ?? fc.constant("")));
  const segments = fc.tuple(...params.map((name) => pathSegment(asString(suite.plausible[name]))));
  const path = cell.path ?? fc.tuple(segments, query).map(([values, search]) => fillPath(operation.path, Object.fromEntries(params.map((name, index) => [name, values[index]!]))) + search);
  const ownHeaders = Object.fromEntries(fieldsOf(operation.request?.headers).map((name) => [name, optionalHeader(suite.plausible[name])]));
  const fields = bodyFieldsOf(operation);
  const body = cell.body ?? (fields ? rawBody(objectBody(Object.fromEntries(fields.map((name) => [name, suite.plausible[name] ?? hostileJson])))) : fc.constant(undefined));
  return fc.record({
    method: fc.constant(operation.method.toUpperCase()),
    path,
    headers: fc.record({ Authorization: cell.auth ?? suite.auth(operation), "Content-Type": contentType, ...ownHeaders, ...cell.headers }),
    body,
  });
}

/** Requests with a body that cannot be valid: unparsable, an unknown field, or a field with a value it must refuse. */
function invalidBodies(valid: Record<string, unknown>, known: readonly string[], fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<RawBody> {
  const unknownField = fc
    .tuple(
      hostileKey.filter((key) => !known.includes(key)),
      hostileJson,
    )
    .map(([key, value]) => JSON.stringify({ ...valid, [key]: value === undefined ? null : value }));
  const names = Object.keys(fields);
  const wrongValue = names.length ? [fc.constantFrom(...names).chain((field) => fields[field]!.map((value) => JSON.stringify({ ...valid, [field]: value })))] : [];
  return fc.oneof(unparsableBody(fc.constant(valid)), unknownField, ...wrongValue);
}

/** The credential an operation's well-authenticated requests carry: its first caller's. */
function validAuthorization<Kind extends string>(suite: BadInputSuite<Kind>, operation: OperationLike): string | undefined {
  const caller = operation.auth.find((candidate): candidate is CredentialCaller => candidate in suite.credentials);
  return caller ? `Bearer ${suite.credentials[caller]}` : undefined;
}

function invalidRequests<Kind extends string>(suite: BadInputSuite<Kind>, operation: OperationLike, cell: InvalidCell<Kind>): fc.Arbitrary<RequestTemplate> {
  if (cell.requests) return cell.requests;
  const valid = cell.valid ?? operation.request?.body?.example ?? {};
  const body = cell.body ?? invalidBodies(valid, bodyFieldsOf(operation) ?? [], cell.fields ?? {});
  const authorization = validAuthorization(suite, operation);
  return fc.record({
    method: fc.constant(operation.method.toUpperCase()),
    path: fc.constant(fillPath(operation.path, cell.params ?? {})),
    headers: fc.record({ Authorization: fc.constant(authorization), "Content-Type": contentType }),
    body,
  });
}

export function describeBadInput<Kind extends string>(suite: BadInputSuite<Kind>): void {
  const { worker, operations, send } = suite;
  for (const key of [...Object.keys(suite.hostile), ...Object.keys(suite.invalid)]) findOperation(operations, key);
  const isValidationError = (result: RawResult) => result.status === 400 && suite.validationCodes.includes(result.json?.error?.code);

  /** Properties 1, 2 and 4 for one request generator. */
  async function checkHostileRequests(requests: fc.Arbitrary<RequestTemplate>, cell: HostileCell<Kind>): Promise<void> {
    const nextTenant = suite.tenants(cell.kinds ?? suite.defaultKinds, cell.requestsPerTenant);
    await fc.assert(
      fc.asyncProperty(requests, async (template) => {
        const tenant = await nextTenant();
        const before = await tenant.rows();
        const result = await send(template, tenant.values);
        assertWellFormed(result);
        suite.check?.(result);
        assertPrototypeClean();
        if (result.status >= 400 && (suite.mustWriteNothing?.(result) ?? true)) expect(await tenant.rows()).toEqual(before);
      }),
      runs(cell.numRuns ?? 100),
    );
  }

  /** Property 3: a request invalid by construction gets the expected refusal and writes nothing anywhere. */
  async function checkRefused(requests: fc.Arbitrary<RequestTemplate>, kinds: readonly Kind[], accepts: (result: RawResult) => boolean, numRuns: number): Promise<void> {
    const nextTenant = suite.tenants(kinds);
    await fc.assert(
      fc.asyncProperty(requests, async (template) => {
        const tenant = await nextTenant();
        const before = { mine: await tenant.rows(), all: await suite.globalCounts() };
        const result = await send(template, tenant.values);
        assertWellFormed(result);
        expect(accepts(result), `${result.status} ${result.text.slice(0, 300)}`).toBe(true);
        expect({ mine: await tenant.rows(), all: await suite.globalCounts() }).toEqual(before);
      }),
      runs(numRuns),
    );
  }

  describe(`${worker}: hostile input never yields a 5xx, always the error shape, and a rejection writes nothing`, () => {
    for (const operation of operations.filter((candidate) => !candidate.auth.includes("stripeSignature"))) {
      const cell = suite.hostile[operationKey(operation)] ?? {};
      it(operationKey(operation), { timeout: PROPERTY_TIMEOUT }, async () => {
        await checkHostileRequests(hostileRequests(suite, operation, cell), cell);
      });
    }

    it("any method on any route, with garbage path segments", { timeout: PROPERTY_TIMEOUT }, async () => {
      const { anyRoute } = suite;
      const route = fc.constantFrom(...new Set([...operations.map((operation) => staticPrefix(operation.path)), ...anyRoute.extraPaths]));
      const requests = fc.record({
        method: fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
        path: fc.tuple(route, fc.array(anyRoute.segment, { maxLength: 2 }), suite.noiseQuery ?? fc.constant("")).map(([base, segments, query]) => [base, ...segments].join("/") + query || "/"),
        headers: fc.record({ Authorization: anyRoute.auth, "Content-Type": contentType }),
        body: rawBody(anyRoute.body),
      });
      await checkHostileRequests(requests, anyRoute.kinds ? { kinds: anyRoute.kinds } : {});
    });
  });

  describe(`${worker}: requests invalid by construction are refused exactly and write nothing`, () => {
    for (const [key, cells] of Object.entries(suite.invalid)) {
      const operation = findOperation(operations, key);
      for (const cell of cells) {
        it(`${key}: ${cell.name}`, { timeout: PROPERTY_TIMEOUT }, async () => {
          await checkRefused(invalidRequests(suite, operation, cell), cell.kinds ?? suite.defaultKinds, cell.accepts ?? isValidationError, cell.numRuns);
        });
      }
    }

    const refused = suite.refusedCredentials;
    if (refused) {
      it(`a credential that is not a valid session is ${refused.outcome} and creates no platform`, { timeout: PROPERTY_TIMEOUT }, async () => {
        const sessionOperations = operations.filter((operation) => operation.auth.includes("developerSession"));
        const route = fc.constantFrom(...sessionOperations.map((operation) => ({ method: operation.method.toUpperCase(), path: fillPath(operation.path, refused.params) })));
        const requests = fc
          .tuple(route, refused.auth, contentType, rawBody(refused.body))
          .map(([{ method, path }, auth, type, body]) => ({ method, path, headers: { Authorization: auth, "Content-Type": type }, body }));
        await checkRefused(requests, refused.kinds ?? suite.defaultKinds, (result) => matchesOutcome(result, [refused.outcome]), 100);
      });
    }
  });

  const webhook = suite.webhook;
  for (const operation of webhook ? operations.filter((candidate) => candidate.auth.includes("stripeSignature")) : []) {
    describeWebhookInput(suite, operation, webhook!);
  }
}

function bodyText(body: RawBody | undefined, values: Substitutions): string {
  if (body === undefined) return "";
  return typeof body === "string" ? substitute(body, values) : new TextDecoder().decode(body);
}

function describeWebhookInput<Kind extends string>(suite: BadInputSuite<Kind>, operation: OperationLike, webhook: WebhookInputCell<Kind>): void {
  const { send } = suite;
  const path = operation.path;
  describe(`${suite.worker}: ${operationKey(operation)}`, () => {
    it("refuses every unsigned or mis-signed delivery with 400 invalid_signature and stores nothing", { timeout: PROPERTY_TIMEOUT }, async () => {
      const tenant = await suite.tenants(webhook.kinds)();
      const deliveries = fc.record({
        body: rawBody(webhook.event),
        forgery: forgedSignature(webhook.foreignSecrets),
        against: fc.constantFrom(...webhook.secrets),
        // Stripe always sends JSON; other types only make workerd warn that .text() may be corrupted.
        contentType: fc.constantFrom(...WEBHOOK_CONTENT_TYPES),
      });
      await fc.assert(
        fc.asyncProperty(deliveries, async ({ body, forgery, against, contentType: type }) => {
          const text = bodyText(body, tenant.values);
          const signature = await forgedSignatureHeader(forgery, text, against);
          const before = { all: await suite.globalCounts(), tenant: await tenant.rows() };
          const result = await send({ method: "POST", path, headers: { "Stripe-Signature": signature, "Content-Type": type }, body: typeof body === "string" ? text : body }, tenant.values);
          assertWellFormed(result);
          expect(result.status, result.text).toBe(400);
          expect(result.json.error.code).toBe("invalid_signature");
          expect({ all: await suite.globalCounts(), tenant: await tenant.rows() }).toEqual(before);
        }),
        runs(100),
      );
    });

    it("records a correctly signed event of an unhandled type once, answers 200, and a redelivery is a duplicate", { timeout: PROPERTY_TIMEOUT }, async () => {
      const tenant = await suite.tenants(webhook.kinds)();
      const unhandledType = fc.oneof(fc.constantFrom(...UNHANDLED_EVENT_TYPES), hostileString).filter((type) => !webhook.handledPrefixes.some((prefix) => type.startsWith(prefix)));
      const events = fc.record({
        event: fc.record(
          { id: eventId, type: unhandledType, data: fc.record({ object: hostileJson }), livemode: fc.boolean(), created: fc.nat(), ...webhook.unhandledFields },
          { requiredKeys: ["id", "type", "data"] },
        ),
        secret: fc.constantFrom(...webhook.secrets),
      });
      await fc.assert(
        fc.asyncProperty(events, async ({ event, secret }) => {
          // Shrinking revisits ids: a per-run suffix keeps every delivery's id new.
          const body = substitute(JSON.stringify({ ...event, id: `${event.id}_${crypto.randomUUID().slice(0, 8)}` }), tenant.values);
          const timestamp = Math.floor(Date.now() / 1000);
          const headers = { "Stripe-Signature": `t=${timestamp},v1=${await stripeHmac(body, secret, timestamp)}`, "Content-Type": "application/json" };
          const before = await suite.globalCounts();
          const first = await send({ method: "POST", path, headers, body }, tenant.values);
          assertWellFormed(first);
          expect(first.status, first.text).toBe(200);
          expect(first.json).toMatchObject({ received: true, duplicate: false });
          const after = await suite.globalCounts();
          expect(after).toEqual({ ...before, events: before["events"]! + 1 });
          const again = await send({ method: "POST", path, headers, body }, tenant.values);
          expect(again.status, again.text).toBe(200);
          expect(again.json).toMatchObject({ received: true, duplicate: true });
          expect(await suite.globalCounts()).toEqual(after);
        }),
        runs(60),
      );
    });
  });
}
