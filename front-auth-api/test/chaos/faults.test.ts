/**
 * Properties: a Stripe or Clerk stand-in that answers 500, hangs past the
 * client's timeout or drops the connection — before acting on a request, or
 * after acting with the answer lost — at any point of a front-auth-api
 * operation leaves either the whole effect or none of it, answers with a
 * clear error, and a retry with the fault gone completes the work once.
 *
 * - POST /checkout makes two Stripe calls (the price by lookup key, the
 *   Checkout session). stripe-node retries each failed call twice with one
 *   idempotency key, so up to 2 consecutive faults are invisible (201, one
 *   session); 3 or more answer 502 `stripe_error`, write nothing and leave at
 *   most the one unreachable session Stripe made before the answer was lost.
 *   Clerk (the email to prefill) is best effort: checkout still succeeds.
 * - POST /credentials needs neither Stripe nor Clerk (session JWTs are
 *   verified with CLERK_JWT_KEY): with both failing every call, credentials
 *   are issued once and no call reaches them.
 * - POST /webhook/stripe: a failed re-fetch of the subscription or a failed
 *   Clerk metadata update answers 500 with nothing stored in D1, so Stripe
 *   retries; the retry applies the event once.
 *
 * Each test has its own fault proxies (FaultProxy.open), so no other test
 * file can trip or clear its faults.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { CLERK_HANG_MS, PROPERTY_TEST_TIMEOUT_MS, STRIPE_ATTEMPTS, STRIPE_HANG_MS, STRIPE_TEST_TIMEOUT_MS, faultShapes, faultSpec } from "@dream-api/testkit/arbitraries";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import {
  awaitDeliveries,
  call,
  clerkPlanOf,
  createDeveloper,
  deliver,
  eventRows,
  expectError,
  FaultProxy,
  inboxCursor,
  payCheckout,
  type CallResult,
  type Delivery,
  type Developer,
  standInStripe,
  setClerkPlan,
} from "../harness";

const stripe = standInStripe();

function viaProxies(proxies: { stripe?: FaultProxy; clerk?: FaultProxy }, extra: Record<string, string> = {}): Partial<Env> {
  const overrides: Partial<Env> & Record<string, string> = {
    ...(proxies.stripe ? { STRIPE_API_BASE: proxies.stripe.url, STRIPE_TIMEOUT_MS: String(STRIPE_TEST_TIMEOUT_MS) } : {}),
    ...(proxies.clerk ? { CLERK_API_URL: proxies.clerk.url } : {}),
    ...extra,
  };
  return overrides;
}

async function platformRow(developerId: string) {
  return env.DB.prepare(
    `SELECT platform_id, plan, stripe_customer_id, stripe_subscription_id, subscription_status, cancel_at_period_end, plan_period_end, canceled_at
     FROM platforms WHERE developer_id = ?1`,
  )
    .bind(developerId)
    .first();
}

/** Checkout sessions on the platform account made for this developer. */
async function sessionsOf(developerId: string): Promise<Stripe.Checkout.Session[]> {
  const sessions: Stripe.Checkout.Session[] = [];
  for await (const session of stripe.checkout.sessions.list({ limit: 100 })) {
    if (session.client_reference_id === developerId) sessions.push(session);
  }
  return sessions;
}

/** A fresh $15/month price under its own lookup key, so the worker's per-isolate lookup cache is cold and the lookup call happens. */
async function freshPlatformPrice(): Promise<string> {
  const lookupKey = `chaos_${crypto.randomUUID().replace(/-/g, "")}`;
  await stripe.prices.create({ unit_amount: 1500, currency: "usd", recurring: { interval: "month" }, lookup_key: lookupKey, product_data: { name: "dream-api (chaos)" } });
  return lookupKey;
}

async function newDeveloper(): Promise<Developer> {
  const dev = await createDeveloper();
  expect((await call("GET", "/me", { token: dev.token })).status).toBe(200);
  return dev;
}

describe("POST /checkout with a failing Stripe or Clerk", () => {
  it(
    "is 201 through ≤2 faults on either Stripe call, else 502 stripe_error writing nothing; the retry makes one session",
    async () => {
      const proxy = await FaultProxy.open("stripe");
      const targets = { price: { method: "GET", pathPrefix: "/v1/prices" }, session: { method: "POST", pathPrefix: "/v1/checkout/sessions" } } as const;
      const arbitrary = fc.record({ target: fc.constantFrom<keyof typeof targets>("price", "session"), shape: faultShapes, times: fc.integer({ min: 1, max: 4 }) });
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ target, shape, times }) => {
          await proxy.clear();
          const dev = await newDeveloper();
          const before = await platformRow(dev.id);
          const envOverrides = viaProxies({ stripe: proxy }, { STRIPE_PLATFORM_PRICE: await freshPlatformPrice() });
          await proxy.arm(faultSpec(shape, STRIPE_HANG_MS, { ...targets[target], times }));

          const startedAt = Date.now();
          const result = await call("POST", "/checkout", { token: dev.token, envOverrides });
          if (shape.mode === "hang") expect(Date.now() - startedAt).toBeLessThan(STRIPE_HANG_MS); // cut by the client's timeout
          const attempts = (await proxy.requests()).filter((entry) => entry.path.startsWith(targets[target].pathPrefix));
          const sessions = await sessionsOf(dev.id);
          expect(await platformRow(dev.id)).toEqual(before);
          if (times < STRIPE_ATTEMPTS) {
            expect(result.status).toBe(201);
            expect(attempts).toHaveLength(times + 1);
            expect(sessions.map((session) => session.id)).toEqual([result.body.id]);
            return;
          }
          expectError(result, 502, "stripe_error");
          expect(result.body.error.message).toMatch(/retry/i);
          expect(attempts).toHaveLength(STRIPE_ATTEMPTS);
          expect(sessions).toHaveLength(target === "session" && shape.phase === "response" ? 1 : 0);

          await proxy.clear();
          const retried = await call("POST", "/checkout", { token: dev.token, envOverrides });
          expect(retried.status).toBe(201);
          const after = await sessionsOf(dev.id);
          expect(after).toHaveLength(sessions.length + 1);
          expect(after.filter((session) => session.id === retried.body.id)).toHaveLength(1);
          expect(await platformRow(dev.id)).toEqual(before);
        }),
        { numRuns: 12 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    "treats Clerk as best effort: a Clerk fault only leaves the email out of Checkout",
    async () => {
      const proxy = await FaultProxy.open("clerk");
      await fc.assert(
        fc.asyncProperty(faultShapes, async (shape) => {
          await proxy.clear();
          const dev = await newDeveloper();
          await proxy.arm(faultSpec(shape, CLERK_HANG_MS, { method: "GET", pathPrefix: `/v1/users/${dev.id}` }));
          const result = await call("POST", "/checkout", { token: dev.token, envOverrides: viaProxies({ clerk: proxy }) });
          expect(result.status).toBe(201);
          expect((await proxy.requests()).filter((entry) => entry.fault !== null)).toHaveLength(1);
          expect((await stripe.checkout.sessions.retrieve(result.body.id)).customer_email).toBeNull();

          await proxy.clear();
          const healthy = await call("POST", "/checkout", { token: dev.token, envOverrides: viaProxies({ clerk: proxy }) });
          expect(healthy.status).toBe(201);
          expect((await stripe.checkout.sessions.retrieve(healthy.body.id)).customer_email).toBe(dev.email);
        }),
        { numRuns: 6 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});

describe("POST /credentials with Stripe and Clerk down", () => {
  it(
    "issues credentials once without calling either (networkless session verification)",
    async () => {
      const stripeProxy = await FaultProxy.open("stripe");
      const clerkProxy = await FaultProxy.open("clerk");
      await fc.assert(
        fc.asyncProperty(faultShapes, fc.constantFrom("free", "paid"), async (shape, plan) => {
          await stripeProxy.clear();
          await clerkProxy.clear();
          await stripeProxy.arm(faultSpec(shape, STRIPE_HANG_MS, { pathPrefix: "/" }));
          await clerkProxy.arm(faultSpec(shape, CLERK_HANG_MS, { pathPrefix: "/" }));
          const dev = await newDeveloper();
          await env.DB.prepare("UPDATE platforms SET plan = ?2 WHERE developer_id = ?1").bind(dev.id, plan).run();
          const envOverrides = viaProxies({ stripe: stripeProxy, clerk: clerkProxy });

          const issued = await call("POST", "/credentials", { token: dev.token, body: {}, envOverrides });
          expect(issued.status).toBe(201);
          const modes = plan === "paid" ? ["live", "test"] : ["test"];
          expect(issued.body.keys.map((key: { mode: string }) => key.mode).sort()).toEqual(modes);
          expect(issued.body.keys.every((key: { secretKey?: string }) => typeof key.secretKey === "string")).toBe(true);
          const again = await call("POST", "/credentials", { token: dev.token, body: {}, envOverrides });
          expect(again.status).toBe(200);
          expect(again.body.keys.every((key: { secretKey?: string }) => key.secretKey === undefined)).toBe(true);
          const stored = await env.DB.prepare("SELECT COUNT(*) AS n FROM api_keys WHERE platform_id = ?1").bind(issued.body.platformId).first<{ n: number }>();
          expect(stored?.n).toBe(modes.length);
          expect(await stripeProxy.requests()).toEqual([]);
          expect(await clerkProxy.requests()).toEqual([]);
        }),
        { numRuns: 6 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});

describe("POST /webhook/stripe with a failing Stripe or Clerk", () => {
  interface PaidDeveloper {
    dev: Developer;
    subscriptionId: string;
    deliveries: Delivery[];
  }

  /** A developer who paid on the hosted page; the deliveries are not handed over yet. */
  async function paidDeveloper(): Promise<PaidDeveloper> {
    const dev = await newDeveloper();
    const cursor = await inboxCursor();
    const checkout = await call("POST", "/checkout", { token: dev.token });
    await payCheckout(checkout.body.url);
    const deliveries = (await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"])).filter((delivery) => delivery.body.includes(dev.id));
    const created = deliveries.find((delivery) => delivery.type === "customer.subscription.created")!;
    return { dev, subscriptionId: (JSON.parse(created.body) as { data: { object: { id: string } } }).data.object.id, deliveries };
  }

  async function reset({ dev, deliveries }: PaidDeveloper): Promise<void> {
    await env.DB.batch([
      env.DB.prepare("DELETE FROM events WHERE source = 'platform' AND event_id IN (SELECT value FROM json_each(?1))").bind(JSON.stringify(deliveries.map((d) => d.eventId))),
      env.DB.prepare(
        `UPDATE platforms SET plan = 'free', stripe_customer_id = NULL, stripe_subscription_id = NULL, subscription_status = NULL,
           cancel_at_period_end = 0, plan_period_end = NULL, canceled_at = NULL WHERE developer_id = ?1`,
      ).bind(dev.id),
    ]);
    await setClerkPlan(dev.id, "free");
  }

  async function expectUnapplied(paid: PaidDeveloper, delivery: Delivery, clerkPlan: string): Promise<void> {
    expect(await eventRows(delivery.eventId!)).toBe(0);
    expect(await platformRow(paid.dev.id)).toMatchObject({ plan: "free", stripe_subscription_id: null, subscription_status: null });
    expect(await clerkPlanOf(paid.dev.id)).toBe(clerkPlan);
  }

  async function expectAppliedOnce(paid: PaidDeveloper, delivery: Delivery, first: CallResult): Promise<void> {
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ duplicate: false, outcome: expect.stringMatching(/^plan paid/) });
    expect((await deliver(delivery)).body.duplicate).toBe(true);
    expect(await eventRows(delivery.eventId!)).toBe(1);
    expect(await platformRow(paid.dev.id)).toMatchObject({ plan: "paid", stripe_subscription_id: paid.subscriptionId, subscription_status: "active" });
    expect(await clerkPlanOf(paid.dev.id)).toBe("paid");
  }

  const subscriptionTypes = ["checkout.session.completed", "customer.subscription.created"] as const;

  it(
    "a failed re-fetch of the subscription answers 500 and stores nothing; the retry applies the event once",
    async () => {
      const paid = await paidDeveloper();
      const proxy = await FaultProxy.open("stripe");
      const arbitrary = fc.record({ type: fc.constantFrom(...subscriptionTypes), shape: faultShapes, times: fc.integer({ min: 1, max: 4 }) });
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ type, shape, times }) => {
          await reset(paid);
          await proxy.clear();
          const delivery = paid.deliveries.find((candidate) => candidate.type === type)!;
          await proxy.arm(faultSpec(shape, STRIPE_HANG_MS, { method: "GET", pathPrefix: `/v1/subscriptions/${paid.subscriptionId}`, times }));
          const faulty = { envOverrides: viaProxies({ stripe: proxy }) };

          const first = await deliver(delivery, faulty);
          const fetches = (await proxy.requests()).filter((entry) => entry.path.startsWith("/v1/subscriptions/"));
          if (times < STRIPE_ATTEMPTS) {
            expect(fetches).toHaveLength(times + 1);
            return expectAppliedOnce(paid, delivery, first);
          }
          expectError(first, 500, "internal_error");
          expect(fetches).toHaveLength(STRIPE_ATTEMPTS);
          await expectUnapplied(paid, delivery, "free");
          await proxy.clear();
          await expectAppliedOnce(paid, delivery, await deliver(delivery, faulty));
        }),
        { numRuns: 12 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    "a failed Clerk metadata update answers 500 after D1 is written; Stripe's retries bring Clerk in line and apply nothing twice",
    async () => {
      const paid = await paidDeveloper();
      const proxy = await FaultProxy.open("clerk");
      const arbitrary = fc.record({ type: fc.constantFrom(...subscriptionTypes), shape: faultShapes, times: fc.integer({ min: 1, max: 2 }) });
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ type, shape, times }) => {
          await reset(paid);
          await proxy.clear();
          const delivery = paid.deliveries.find((candidate) => candidate.type === type)!;
          await proxy.arm(faultSpec(shape, CLERK_HANG_MS, { method: "PATCH", pathPrefix: `/v1/users/${paid.dev.id}/metadata`, times }));
          const faulty = { envOverrides: viaProxies({ clerk: proxy }) };

          for (let failure = 0; failure < times; failure++) {
            expectError(await deliver(delivery, faulty), 500, "internal_error");
            // D1 first, Clerk after: the event and the plan are stored; Clerk lags (unless only the answer was lost) until a retry.
            expect(await eventRows(delivery.eventId!)).toBe(1);
            expect(await platformRow(paid.dev.id)).toMatchObject({ plan: "paid", stripe_subscription_id: paid.subscriptionId, subscription_status: "active" });
            expect(await clerkPlanOf(paid.dev.id)).toBe(shape.phase === "response" ? "paid" : "free");
          }
          const retried = await deliver(delivery, faulty);
          expect(retried.status).toBe(200);
          expect(retried.body.duplicate).toBe(true);
          expect(await eventRows(delivery.eventId!)).toBe(1);
          expect(await clerkPlanOf(paid.dev.id)).toBe("paid");
          expect((await proxy.requests()).filter((entry) => entry.fault !== null)).toHaveLength(times);
        }),
        { numRuns: 12 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
