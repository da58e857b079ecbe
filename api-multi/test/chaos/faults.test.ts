/**
 * Properties: a Stripe or Clerk stand-in that answers 500, hangs past the
 * client's timeout or drops the connection — before acting on a request, or
 * after acting with the answer lost — at any point of an api-multi operation
 * leaves either the whole effect or none of it, answers with a clear error,
 * and a retry with the fault gone completes the work exactly once.
 *
 * - POST /api/checkout: stripe-node retries a failed call twice with one
 *   idempotency key, so up to 2 consecutive faults are invisible (201, one
 *   Checkout session); 3 or more answer 502 `stripe_error`, write nothing in
 *   D1 and leave at most the one (unreachable) session Stripe made before the
 *   answer was lost.
 * - POST /api/customers: Clerk calls are not retried, so a request fails
 *   exactly when one of its Clerk calls is faulted: 502 `clerk_error`, no D1 row; the
 *   caller's retries end with one D1 row linked to one Clerk user for the
 *   email, whichever Clerk calls (create, the lookup after "already exists",
 *   the metadata update) failed.
 * - POST /webhook/stripe: a failed re-fetch of the subscription answers 500
 *   with nothing stored (Stripe retries), and the retry applies the event
 *   once; a failed Clerk metadata update answers 500 after D1 is written (by
 *   design), and the redelivery — a duplicate — brings Clerk in line.
 *
 * Each test has its own fault proxy (FaultProxy.open), so no other test file
 * can trip or clear its faults.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { CLERK_HANG_MS, PROPERTY_TEST_TIMEOUT_MS, STRIPE_ATTEMPTS, STRIPE_HANG_MS, STRIPE_TEST_TIMEOUT_MS, faultShapes, faultSpec } from "@dream-api/testkit/arbitraries";
import type Stripe from "stripe";
import { describe, expect, inject, it } from "vitest";
import {
  awaitDeliveries,
  call,
  countRows,
  deliver,
  expectErrorShape,
  FaultProxy,
  inboxCursor,
  payCheckout,
  seedConnectedPlatform,
  stripe,
  tableCounts,
  type ConnectedPlatform,
  type Delivery,
  setMembershipPlan,
  membershipPlanOf,
  organizationsOf,
  tenantOrganizationOf,
} from "../harness";

/** Bindings that send the worker's Stripe calls through `proxy`, with a short client timeout. */
function viaStripeProxy(proxy: FaultProxy): Partial<Env> {
  const overrides: Partial<Env> & { STRIPE_TIMEOUT_MS: string } = { STRIPE_API_BASE: proxy.url, STRIPE_TIMEOUT_MS: String(STRIPE_TEST_TIMEOUT_MS) };
  return overrides;
}

function viaClerkProxy(proxy: FaultProxy): Partial<Env> {
  return { CLERK_API_URL: proxy.url };
}

async function checkoutSessions(account: string): Promise<Stripe.Checkout.Session[]> {
  return (await stripe.checkout.sessions.list({ limit: 100 }, { stripeAccount: account })).data;
}

async function clerkUsersWithEmail(email: string): Promise<{ id: string; public_metadata: Record<string, unknown> }[]> {
  const response = await fetch(`${inject("clerkApiUrl")}/v1/users?email_address=${encodeURIComponent(email)}`, {
    headers: { Authorization: `Bearer ${inject("endUserClerkSecret")}` },
  });
  return (await response.json()) as { id: string; public_metadata: Record<string, unknown> }[];
}

describe("POST /api/checkout with a failing Stripe", () => {
  it(
    "is 201 with one session through ≤2 faults, else 502 stripe_error writing nothing; the retry makes one session",
    async () => {
      const proxy = await FaultProxy.open("stripe");
      const arbitrary = fc.record({ shape: faultShapes, times: fc.integer({ min: 1, max: 4 }) });
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ shape, times }) => {
          await proxy.clear();
          const platform = await seedConnectedPlatform();
          const key = platform.secretKey;
          await call("POST", "/api/usage/track", { key, body: { userId: "payer" } });
          const before = await tableCounts(platform.platformId);
          const request = { key, body: { userId: "payer", tier: "pro" }, envOverrides: viaStripeProxy(proxy) };
          await proxy.arm(faultSpec(shape, STRIPE_HANG_MS, { method: "POST", pathPrefix: "/v1/checkout/sessions", times }));

          const startedAt = Date.now();
          const result = await call("POST", "/api/checkout", request);
          const elapsedMs = Date.now() - startedAt;
          // A hang is cut short by the client's timeout (3 attempts × 300 ms + backoff), not waited out.
          if (shape.mode === "hang") expect(elapsedMs).toBeLessThan(STRIPE_HANG_MS);
          const attempts = (await proxy.requests()).filter((entry) => entry.path.startsWith("/v1/checkout/sessions"));
          const sessions = await checkoutSessions(platform.account);
          expect(await tableCounts(platform.platformId)).toEqual(before);
          if (times < STRIPE_ATTEMPTS) {
            expect(result.status).toBe(201);
            expect(attempts).toHaveLength(times + 1);
            expect(sessions.map((session) => session.id)).toEqual([result.body.id]); // the client's retries replayed, not duplicated
            return;
          }
          expectErrorShape(result, 502, "stripe_error");
          expect(result.body.error.message).toMatch(/retry/i);
          expect(attempts).toHaveLength(STRIPE_ATTEMPTS);
          expect(attempts.every((entry) => entry.fault?.mode === shape.mode)).toBe(true);
          // Lost answers: Stripe made the session once (same idempotency key on every attempt); nobody has its URL.
          expect(sessions).toHaveLength(shape.phase === "response" ? 1 : 0);

          await proxy.clear();
          const retried = await call("POST", "/api/checkout", request);
          expect(retried.status).toBe(201);
          const after = await checkoutSessions(platform.account);
          expect(after).toHaveLength(sessions.length + 1);
          expect(after.filter((session) => session.id === retried.body.id)).toHaveLength(1);
          expect(await tableCounts(platform.platformId)).toEqual(before);
        }),
        { numRuns: 12 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});

describe("POST /api/customers with a failing Clerk", () => {
  it(
    "answers 502 clerk_error per fault with no row; retries end with one row linked to one Clerk user",
    async () => {
      const proxy = await FaultProxy.open("clerk");
      // Which Clerk calls fail, counted over the whole retry sequence: the first
      // call (the lookup by email: list and count, sent together) always; then
      // any of the next ones — the create or the read of the person, the
      // tenant's organization (made once, found by its slug after a lost
      // answer), the membership and its plan, and any compensation.
      const failures = fc
        .record({
          first: faultShapes,
          later: fc.uniqueArray(fc.record({ index: fc.integer({ min: 1, max: 8 }), shape: faultShapes }), { maxLength: 2, selector: (failure) => failure.index }),
        })
        .map(({ first, later }) => [{ index: 0, shape: first }, ...later]);
      await fc.assert(
        fc.asyncProperty(failures, async (plannedFailures) => {
          await proxy.clear();
          const platform = await seedConnectedPlatform();
          const key = platform.secretKey;
          const email = `chaos.${crypto.randomUUID().slice(0, 12)}@example.com`;
          for (const failure of plannedFailures) await proxy.arm(faultSpec(failure.shape, CLERK_HANG_MS, { pathPrefix: "/v1/", skip: failure.index, times: 1 }));

          const request = { key, body: { userId: "u1", email }, envOverrides: viaClerkProxy(proxy) };
          let created: Awaited<ReturnType<typeof call>> | undefined;
          let seen = 0;
          for (let attempt = 0; attempt < 6 && !created; attempt++) {
            const result = await call("POST", "/api/customers", request);
            const log = await proxy.requests();
            const faultedHere = log.slice(seen).some((entry) => entry.fault !== null);
            seen = log.length;
            // A request fails exactly when one of its Clerk calls was faulted (the lookup sends two at once).
            expect(result.status).toBe(faultedHere ? 502 : 201);
            if (result.status === 201) created = result;
            else {
              expectErrorShape(result, 502, "clerk_error");
              expect(await countRows("end_users", "platform_id = ?1", platform.platformId)).toBe(0);
            }
          }
          expect(created?.status).toBe(201);
          expect((await proxy.requests()).some((entry) => entry.fault !== null)).toBe(true);

          const users = await clerkUsersWithEmail(email);
          expect(users).toHaveLength(1);
          expect(users[0]?.public_metadata).toEqual({});
          const organizationId = await tenantOrganizationOf(platform);
          expect(await organizationsOf(users[0]?.id ?? "")).toEqual([organizationId]);
          expect(await membershipPlanOf(users[0]?.id ?? "", organizationId ?? "")).toBe("free");
          expect(created?.body.customer).toMatchObject({ userId: "u1", email, plan: "free", clerkUserId: users[0]?.id });
          const row = await env.DB.prepare("SELECT clerk_user_id FROM end_users WHERE platform_id = ?1 AND user_id = 'u1'").bind(platform.platformId).first<{ clerk_user_id: string }>();
          expect(row?.clerk_user_id).toBe(users[0]?.id);
          expect(await countRows("end_users", "platform_id = ?1", platform.platformId)).toBe(1);
        }),
        { numRuns: 15 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});

describe("POST /webhook/stripe with a failing Stripe or Clerk", () => {
  interface Purchase {
    platform: ConnectedPlatform;
    clerkUserId: string;
    /** The tenant's organization: the person's plan here is on their membership of it. */
    organizationId: string;
    subscriptionId: string;
    deliveries: Delivery[];
  }

  function clerkPlan({ clerkUserId, organizationId }: Purchase): Promise<unknown> {
    return membershipPlanOf(clerkUserId, organizationId);
  }

  /** An end-user (with a Clerk user) who paid Pro on the hosted page; the deliveries are not handed over yet. */
  async function paidSubscription(): Promise<Purchase> {
    const platform = await seedConnectedPlatform();
    const key = platform.secretKey;
    const customer = await call("POST", "/api/customers", { key, body: { userId: "buyer", email: `buyer.${crypto.randomUUID().slice(0, 8)}@example.com` } });
    expect(customer.status).toBe(201);
    const cursor = await inboxCursor("connect");
    const checkout = await call("POST", "/api/checkout", { key, body: { userId: "buyer", tier: "pro" } });
    await payCheckout(checkout.body.url);
    const deliveries = (await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created", "invoice.paid"], "connect")).filter((delivery) =>
      delivery.body.includes(platform.account),
    );
    const created = deliveries.find((delivery) => delivery.type === "customer.subscription.created");
    const subscriptionId = (JSON.parse(created!.body) as { data: { object: { id: string } } }).data.object.id;
    return { platform, clerkUserId: customer.body.customer.clerkUserId, organizationId: (await tenantOrganizationOf(platform)) ?? "", subscriptionId, deliveries };
  }

  async function reset({ platform, clerkUserId, organizationId }: Purchase): Promise<void> {
    await env.DB.batch([
      env.DB.prepare("DELETE FROM events WHERE source = 'connect' AND account = ?1").bind(platform.account),
      env.DB.prepare("DELETE FROM subscriptions WHERE platform_id = ?1").bind(platform.platformId),
      env.DB.prepare("UPDATE end_users SET plan = 'free', stripe_customer_id = NULL, stripe_customer_account = NULL WHERE platform_id = ?1").bind(platform.platformId),
    ]);
    await setMembershipPlan(clerkUserId, organizationId, "free");
  }

  async function plan(platformId: string): Promise<string | undefined> {
    const row = await env.DB.prepare("SELECT plan FROM end_users WHERE platform_id = ?1 AND user_id = 'buyer'").bind(platformId).first<{ plan: string }>();
    return row?.plan;
  }

  const refetchingTypes = ["checkout.session.completed", "customer.subscription.created", "invoice.paid"] as const;

  it(
    "a failed re-fetch of the subscription answers 500 and stores nothing; the retry applies the event once",
    async () => {
      const purchase = await paidSubscription();
      const { platform } = purchase;
      const proxy = await FaultProxy.open("stripe");
      const arbitrary = fc.record({ type: fc.constantFrom(...refetchingTypes), shape: faultShapes, times: fc.integer({ min: 1, max: 4 }) });
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ type, shape, times }) => {
          await reset(purchase);
          await proxy.clear();
          const delivery = purchase.deliveries.find((candidate) => candidate.type === type)!;
          await proxy.arm(faultSpec(shape, STRIPE_HANG_MS, { method: "GET", pathPrefix: `/v1/subscriptions/${purchase.subscriptionId}`, times }));
          const faulty = { envOverrides: viaStripeProxy(proxy) };

          const first = await deliver(delivery, faulty);
          const fetches = (await proxy.requests()).filter((entry) => entry.path.startsWith("/v1/subscriptions/"));
          if (times < STRIPE_ATTEMPTS) {
            expect(first.status).toBe(200);
            expect(first.body).toMatchObject({ duplicate: false, outcome: expect.stringMatching(/active/) });
            expect(fetches).toHaveLength(times + 1);
          } else {
            expectErrorShape(first, 500, "internal_error");
            expect(fetches).toHaveLength(STRIPE_ATTEMPTS);
            expect(await countRows("events", "source = 'connect' AND event_id = ?1", delivery.eventId)).toBe(0);
            expect(await countRows("subscriptions", "platform_id = ?1", platform.platformId)).toBe(0);
            expect(await plan(platform.platformId)).toBe("free");
            expect(await clerkPlan(purchase)).toBe("free");
            await proxy.clear();
            const retried = await deliver(delivery, faulty);
            expect(retried.status).toBe(200);
            expect(retried.body.duplicate).toBe(false);
          }
          expect((await deliver(delivery, faulty)).body.duplicate).toBe(true);
          expect(await countRows("events", "source = 'connect' AND event_id = ?1", delivery.eventId)).toBe(1);
          expect(await countRows("subscriptions", "platform_id = ?1 AND status = 'active'", platform.platformId)).toBe(1);
          expect(await plan(platform.platformId)).toBe("pro");
          expect(await clerkPlan(purchase)).toBe("pro");
        }),
        { numRuns: 12 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );

  it(
    "a failed Clerk metadata update answers 500 after D1 is written; redeliveries bring Clerk in line without a second effect",
    async () => {
      const purchase = await paidSubscription();
      const { platform } = purchase;
      const proxy = await FaultProxy.open("clerk");
      const arbitrary = fc.record({ type: fc.constantFrom(...refetchingTypes), shape: faultShapes, times: fc.integer({ min: 1, max: 2 }) });
      await fc.assert(
        fc.asyncProperty(arbitrary, async ({ type, shape, times }) => {
          await reset(purchase);
          await proxy.clear();
          const delivery = purchase.deliveries.find((candidate) => candidate.type === type)!;
          await proxy.arm(faultSpec(shape, CLERK_HANG_MS, { method: "PATCH", pathPrefix: `/v1/organizations/${purchase.organizationId}/memberships/${purchase.clerkUserId}/metadata`, times }));
          const faulty = { envOverrides: viaClerkProxy(proxy) };

          for (let failure = 0; failure < times; failure++) {
            const result = await deliver(delivery, faulty);
            expectErrorShape(result, 500, "internal_error");
            // The event and its effect are stored (one batch); only Clerk lags — unless it acted and the answer was lost.
            expect(await countRows("events", "source = 'connect' AND event_id = ?1", delivery.eventId)).toBe(1);
            expect(await plan(platform.platformId)).toBe("pro");
            expect(await clerkPlan(purchase)).toBe(shape.phase === "response" ? "pro" : "free");
          }
          const repaired = await deliver(delivery, faulty);
          expect(repaired.status).toBe(200);
          expect(repaired.body.duplicate).toBe(true);
          expect(await clerkPlan(purchase)).toBe("pro");
          expect(await countRows("events", "source = 'connect' AND event_id = ?1", delivery.eventId)).toBe(1);
          expect(await countRows("subscriptions", "platform_id = ?1", platform.platformId)).toBe(1);
          expect((await proxy.requests()).filter((entry) => entry.fault !== null)).toHaveLength(times);
        }),
        { numRuns: 12 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
