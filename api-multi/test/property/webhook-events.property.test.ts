/**
 * The malformed-webhook-event property (@dream-api/testkit/suites,
 * webhook-events.ts: what it checks and why) against api-multi's Connect
 * and preview endpoints: the events mutated are real deliveries of the
 * Stripe stand-in for one tenant (a subscription Checkout with its
 * subscription and invoice events, and a one-off purchase), signed anew
 * with the Connect or the preview endpoint's secret.
 */
import { env } from "cloudflare:test";
import { describeMalformedWebhookEvents } from "@dream-api/testkit/suites";
import { inject } from "vitest";
import { awaitDeliveries, call, globalCounts, inboxCursor, operations, payCheckout, seedConnectedPlatform, send, tenantRows } from "../harness";

/** The event types api-multi acts on. */
const HANDLED_TYPES = ["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed"];

/** Real deliveries for one tenant: a paid subscription Checkout and a one-off purchase, with their subscription and invoice events. */
async function realEvents() {
  const platform = await seedConnectedPlatform();
  await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "payer" } });
  const events: Record<string, unknown>[] = [];
  for (const tier of ["pro", "ebook"]) {
    const cursor = await inboxCursor("connect");
    const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "payer", tier } });
    if (checkout.status !== 201) throw new Error(`checkout: ${checkout.status} ${JSON.stringify(checkout.body)}`);
    await payCheckout(checkout.body.url);
    const deliveries = await awaitDeliveries(cursor, tier === "pro" ? ["checkout.session.completed", "invoice.paid"] : ["checkout.session.completed"], "connect");
    for (const delivery of deliveries) {
      if (delivery.body.includes(platform.account) && HANDLED_TYPES.includes(delivery.type ?? "")) events.push(JSON.parse(delivery.body));
    }
  }
  return { events, rows: () => tenantRows(platform.platformId) };
}

describeMalformedWebhookEvents({
  worker: "api-multi",
  operations,
  send,
  db: env.DB,
  globalCounts,
  realEvents,
  expectedTypes: ["checkout.session.completed", "customer.subscription.created", "invoice.paid"],
  handledTypes: HANDLED_TYPES,
  secrets: [inject("connectWebhookSecret"), inject("previewWebhookSecret")],
  numRuns: 150,
});
