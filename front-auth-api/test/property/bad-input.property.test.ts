/**
 * The bad-input suite (@dream-api/testkit/suites, bad-input.ts: what it
 * checks and why) over front-auth-api's operations, with its table:
 * hostile sessions (expired, tampered, wrong-audience and other-app JWTs),
 * how each operation's requests are made where its definition does not say
 * enough, and the requests invalid by construction — a body that is not an
 * allowed JSON object is 400 with a validation code; a credential that is
 * not a valid dream-api session is 401 `unauthenticated`, and no platform
 * is created for anyone.
 *
 * front-auth-api is the developers' own backend (keys and billing); the
 * README promises one error shape everywhere, 401 for bad, expired or
 * foreign tokens, and 400 with nothing written for bad bodies. Developers
 * are rotated every 40 requests so the production rate limit (100/min per
 * developer) stays out of the way.
 */
import { env } from "cloudflare:test";
import { hostileJson, hostileKey, hostileString, objectBody, queryString, rawBody, unparsableBody, urlEncoded } from "@dream-api/testkit/arbitraries";
import { describeBadInput, developerSessionInputs, inTurn, type InputTenant } from "@dream-api/testkit/suites";
import fc from "fast-check";
import { inject } from "vitest";
import { call, createDeveloper, developerRows, globalCounts, operations, send, sessionNearMisses, standInStripe } from "../harness";

type Kind = "free" | "paid";

const stripe = standInStripe();

/**
 * A developer whose platform exists and holds a test key pair; a "paid" one
 * also has a Stripe customer and an active subscription (so POST /portal
 * opens and POST /checkout is a 409). Its values hold its session JWT, the
 * near-miss tokens, its secret key and its id.
 */
async function seedDeveloper(kind: Kind): Promise<InputTenant> {
  const developer = await createDeveloper();
  const values = await sessionNearMisses(developer.id);
  const me = await call("GET", "/me", { token: values["DEV_JWT"] });
  if (me.status !== 200) throw new Error(`seed /me: ${me.status} ${JSON.stringify(me.body)}`);
  const credentials = await call("POST", "/credentials", { token: values["DEV_JWT"] });
  if (credentials.status !== 201) throw new Error(`seed /credentials: ${credentials.status}`);
  if (kind === "paid") {
    const customer = await stripe.customers.create({ email: developer.email });
    await env.DB.prepare("UPDATE platforms SET plan = 'paid', stripe_customer_id = ?2, subscription_status = 'active' WHERE platform_id = ?1").bind(me.body.platformId, customer.id).run();
  }
  return { values: { ...values, SECRET: credentials.body.keys[0].secretKey, DEVELOPER: developer.id }, rows: () => developerRows(developer.id, me.body.platformId) };
}

const emptyBody = objectBody({});
const checkoutBody = fc.oneof(rawBody(emptyBody), rawBody(objectBody({ price: fc.constantFrom("price_cheap", "dream_api_platform_monthly"), plan: fc.constant("paid") })));
const rotateValid = { mode: "test", gracePeriodSeconds: 60 };
const emptyBodyInvalid = { name: "a body that is not an allowed JSON object is a 400 validation error", numRuns: 100 };

const { refused, ...session } = developerSessionInputs(["{{SECRET}}"]);

describeBadInput<Kind>({
  worker: "front-auth-api",
  operations,
  send,
  globalCounts,
  // Free and paid developers in turn, each for 40 requests.
  tenants: inTurn(seedDeveloper),
  defaultKinds: ["free", "paid"],
  ...session,
  plausible: { mode: fc.constantFrom("test", "live"), gracePeriodSeconds: fc.integer({ min: 0, max: 7 * 24 * 3600 }), keyId: fc.constant("key_doesnotexist000000") },
  noiseQuery: queryString(["platformId", "developerId", "plan", "mode"]),
  hostile: {
    "POST /verify-auth": { body: rawBody(objectBody({ developerId: hostileString, plan: fc.constantFrom("free", "paid") })) },
    "POST /checkout": { body: checkoutBody },
    "POST /portal": { body: checkoutBody },
  },
  anyRoute: {
    extraPaths: ["/health", "/", ""],
    segment: fc.oneof(fc.constantFrom("..", ".", "%2e%2e", "%2F", "%00", "x"), hostileString.map(urlEncoded)),
    body: emptyBody,
    auth: session.auth(),
  },
  invalid: {
    "POST /credentials": [{ ...emptyBodyInvalid }],
    "POST /checkout": [{ ...emptyBodyInvalid }],
    "POST /portal": [{ ...emptyBodyInvalid }],
    "POST /credentials/rotate": [
      {
        ...emptyBodyInvalid,
        body: fc.oneof(
          unparsableBody(fc.constant(rotateValid)),
          fc
            .tuple(
              hostileKey.filter((key) => key !== "mode" && key !== "gracePeriodSeconds"),
              hostileJson,
            )
            .map(([key, value]) => JSON.stringify({ ...rotateValid, [key]: value })),
          fc
            .oneof(hostileJson, hostileString)
            .filter((mode) => mode !== "test" && mode !== "live")
            .map((mode) => JSON.stringify({ ...rotateValid, mode })),
          fc
            .oneof(
              fc.integer({ max: -1 }),
              fc.integer({ min: 7 * 24 * 3600 + 1 }),
              fc.double({ noInteger: true }).filter(Number.isFinite),
              hostileJson.filter((value) => typeof value !== "number"),
            )
            .map((gracePeriodSeconds) => JSON.stringify({ ...rotateValid, gracePeriodSeconds })),
        ),
      },
    ],
  },
  refusedCredentials: { ...refused, body: emptyBody, params: { keyId: "key_doesnotexist000000" } },
  webhook: {
    kinds: ["paid"],
    secrets: [inject("platformWebhookSecret")],
    foreignSecrets: [inject("connectWebhookSecret"), inject("previewWebhookSecret"), "whsec_guess"],
    handledPrefixes: ["checkout.session.", "customer.subscription."],
    /** Plausible platform events about the developer (its id in metadata), with hostile fields mixed in. */
    event: objectBody({
      id: fc.stringMatching(/^evt_[A-Za-z0-9]{10,24}$/),
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
    }),
  },
});
