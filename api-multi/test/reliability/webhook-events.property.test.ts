/**
 * Property: a correctly signed delivery to POST /webhook/stripe whose event
 * is malformed — fields missing or of the wrong type, data.object of another
 * shape than its type says, a body that is not an event object at all —
 * never answers 5xx. It answers 400 (`invalid_json` / `invalid_request`)
 * with the error shape and writes nothing, or 200 (recorded, ignored or
 * applied as a whole: exactly one events row for its id).
 *
 * Why: the signature only proves the body came from someone holding the
 * endpoint secret; Stripe retries any 5xx for days, so a 5xx on a payload
 * we cannot read would come back again and again, and a 5xx after part of
 * an effect was written would be a half-applied event. (A Stripe 5xx while
 * re-fetching the subscription stays 500 on purpose so Stripe retries: see
 * test/chaos/faults.test.ts.)
 *
 * The events mutated are real deliveries of the Stripe stand-in for one
 * tenant (subscription Checkout, one-off Checkout, invoices), each signed
 * anew with the Connect or the preview endpoint's secret after the
 * mutation and given a fresh id.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, inject, it } from "vitest";
import { awaitDeliveries, call, inboxCursor, payCheckout, seedConnectedPlatform, type ConnectedPlatform } from "../harness";
import { assertWellFormed, eventMutations, globalCounts, mutatedEventBody, recordedEventRows, runs, send, stripeSignatureHeader, tenantRows } from "./arbitraries";

const PROPERTY_TIMEOUT = 120_000;

/** The event types api-multi acts on. */
const HANDLED_TYPES = [
  "checkout.session.completed",
  "customer.subscription.created",
  "customer.subscription.updated",
  "customer.subscription.deleted",
  "invoice.paid",
  "invoice.payment_failed",
] as const;

/** Real deliveries for one tenant: a paid subscription Checkout and a one-off purchase, with their subscription and invoice events. */
async function realEvents(platform: ConnectedPlatform): Promise<Record<string, unknown>[]> {
  await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "payer" } });
  const events: Record<string, unknown>[] = [];
  for (const tier of ["pro", "ebook"]) {
    const cursor = await inboxCursor("connect");
    const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "payer", tier } });
    if (checkout.status !== 201) throw new Error(`checkout: ${checkout.status} ${JSON.stringify(checkout.body)}`);
    await payCheckout(checkout.body.url);
    const deliveries = await awaitDeliveries(cursor, tier === "pro" ? ["checkout.session.completed", "invoice.paid"] : ["checkout.session.completed"], "connect");
    for (const delivery of deliveries) {
      if (delivery.body.includes(platform.account) && HANDLED_TYPES.includes(delivery.type as (typeof HANDLED_TYPES)[number])) events.push(JSON.parse(delivery.body));
    }
  }
  return events;
}

describe("api-multi: POST /webhook/stripe with correctly signed, malformed events", () => {
  it("never answers 5xx: 400 with nothing written, or 200 with the event recorded once", { timeout: PROPERTY_TIMEOUT }, async () => {
    const platform = await seedConnectedPlatform();
    const events = await realEvents(platform);
    expect(events.map((event) => event["type"])).toEqual(expect.arrayContaining(["checkout.session.completed", "customer.subscription.created", "invoice.paid"]));
    const secrets = [inject("connectWebhookSecret"), inject("previewWebhookSecret")];
    const deliveries = fc.record({
      base: fc.nat({ max: events.length - 1 }),
      mutations: eventMutations(HANDLED_TYPES),
      secret: fc.constantFrom(...secrets),
    });
    await fc.assert(
      fc.asyncProperty(deliveries, async ({ base, mutations, secret }) => {
        const body = mutatedEventBody(events[base]!, `evt_malformed${crypto.randomUUID().replace(/-/g, "")}`, mutations);
        const before = { all: await globalCounts(), tenant: await tenantRows(platform.platformId) };
        const result = await send({ method: "POST", path: "/webhook/stripe", headers: { "Stripe-Signature": await stripeSignatureHeader(body, secret), "Content-Type": "application/json" }, body }, {});
        assertWellFormed(result);
        expect([200, 400], result.text.slice(0, 500)).toContain(result.status);
        if (result.status === 400) {
          expect(["invalid_json", "invalid_request"]).toContain(result.json.error.code);
          expect({ all: await globalCounts(), tenant: await tenantRows(platform.platformId) }).toEqual(before);
        } else {
          expect(result.json).toMatchObject({ received: true });
          expect(await recordedEventRows(env.DB, body)).toBe(1);
        }
      }),
      runs(150),
    );
  });
});
