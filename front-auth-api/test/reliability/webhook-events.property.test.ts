/**
 * Property: a correctly signed delivery to POST /webhook/stripe (the
 * platform's $15 subscriptions) whose event is malformed — fields missing or
 * of the wrong type, data.object of another shape than its type says, a
 * body that is not an event object at all — never answers 5xx. It answers
 * 400 (`invalid_json` / `invalid_request`) with the error shape and writes
 * nothing, or 200 (recorded, ignored or applied as a whole: exactly one
 * events row for its id).
 *
 * Why: Stripe retries any 5xx for days, so a 5xx on a payload we cannot
 * read would come back again and again. (A Stripe 5xx while re-fetching the
 * subscription stays 500 on purpose: see test/chaos/faults.test.ts.)
 *
 * The events mutated are real deliveries of the Stripe stand-in for one
 * developer (the $15 Checkout, its subscription and invoices, the
 * subscription's cancellation), each signed anew with the platform
 * endpoint's secret after the mutation and given a fresh id.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import Stripe from "stripe";
import { describe, expect, inject, it } from "vitest";
import { awaitDeliveries, call, createDeveloper, inboxCursor, payCheckout, standInStripeOptions, subscriptionIdFrom, type Developer } from "../harness";
import { assertWellFormed, developerRows, eventMutations, globalCounts, mutatedEventBody, recordedEventRows, runs, send, stripeSignatureHeader } from "./arbitraries";

const PROPERTY_TIMEOUT = 120_000;

const stripe = new Stripe(inject("stripeSecretKey"), { ...standInStripeOptions(), httpClient: Stripe.createFetchHttpClient() });

/** The event types front-auth-api acts on. */
const HANDLED_TYPES = ["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"] as const;

/** Real deliveries about one developer: the paid $15 Checkout with its subscription and invoice events, then the subscription's end. */
async function realEvents(developer: Developer): Promise<Record<string, unknown>[]> {
  let cursor = await inboxCursor();
  const checkout = await call("POST", "/checkout", { token: developer.token });
  if (checkout.status !== 201) throw new Error(`checkout: ${checkout.status} ${JSON.stringify(checkout.body)}`);
  await payCheckout(checkout.body.url);
  const paid = (await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"])).filter((delivery) => delivery.body.includes(developer.id));
  cursor = await inboxCursor();
  await stripe.subscriptions.cancel(subscriptionIdFrom(paid));
  const ended = (await awaitDeliveries(cursor, ["customer.subscription.deleted"])).filter((delivery) => delivery.body.includes(developer.id));
  return [...paid, ...ended].map((delivery) => JSON.parse(delivery.body) as Record<string, unknown>);
}

describe("front-auth-api: POST /webhook/stripe with correctly signed, malformed events", () => {
  it("never answers 5xx: 400 with nothing written, or 200 with the event recorded once", { timeout: PROPERTY_TIMEOUT }, async () => {
    const developer = await createDeveloper();
    const me = await call("GET", "/me", { token: developer.token });
    const platformId: string = me.body.platformId;
    const events = await realEvents(developer);
    expect(events.map((event) => event["type"])).toEqual(expect.arrayContaining(["checkout.session.completed", "customer.subscription.created", "customer.subscription.deleted"]));
    const secret = inject("platformWebhookSecret");
    const deliveries = fc.record({ base: fc.nat({ max: events.length - 1 }), mutations: eventMutations(HANDLED_TYPES) });
    await fc.assert(
      fc.asyncProperty(deliveries, async ({ base, mutations }) => {
        const body = mutatedEventBody(events[base]!, `evt_malformed${crypto.randomUUID().replace(/-/g, "")}`, mutations);
        const before = { all: await globalCounts(), mine: await developerRows(developer.id, platformId) };
        const result = await send({ method: "POST", path: "/webhook/stripe", headers: { "Stripe-Signature": await stripeSignatureHeader(body, secret), "Content-Type": "application/json" }, body }, {});
        assertWellFormed(result);
        expect([200, 400], result.text.slice(0, 500)).toContain(result.status);
        if (result.status === 400) {
          expect(["invalid_json", "invalid_request"]).toContain(result.json.error.code);
          expect({ all: await globalCounts(), mine: await developerRows(developer.id, platformId) }).toEqual(before);
        } else {
          expect(result.json).toMatchObject({ received: true });
          expect(await recordedEventRows(env.DB, body)).toBe(1);
        }
      }),
      runs(150),
    );
  });
});
