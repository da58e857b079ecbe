/**
 * The malformed-webhook-event property (@dream-api/testkit/suites,
 * webhook-events.ts: what it checks and why) against front-auth-api's
 * platform endpoint (the $15 developer subscriptions): the events mutated
 * are real deliveries of the Stripe stand-in for one developer (the $15
 * Checkout, its subscription and invoices, the subscription's
 * cancellation), signed anew with the platform endpoint's secret.
 */
import { env } from "cloudflare:test";
import { describeMalformedWebhookEvents } from "@dream-api/testkit/suites";
import { inject } from "vitest";
import { awaitDeliveries, call, createDeveloper, developerRows, globalCounts, inboxCursor, operations, payCheckout, send, standInStripe, subscriptionIdFrom } from "../harness";

const stripe = standInStripe();

/** Real deliveries about one new developer: the paid $15 Checkout with its subscription and invoice events, then the subscription's end. */
async function realEvents() {
  const developer = await createDeveloper();
  const me = await call("GET", "/me", { token: developer.token });
  let cursor = await inboxCursor();
  const checkout = await call("POST", "/checkout", { token: developer.token });
  if (checkout.status !== 201) throw new Error(`checkout: ${checkout.status} ${JSON.stringify(checkout.body)}`);
  await payCheckout(checkout.body.url);
  const paid = (await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created"])).filter((delivery) => delivery.body.includes(developer.id));
  cursor = await inboxCursor();
  await stripe.subscriptions.cancel(subscriptionIdFrom(paid));
  const ended = (await awaitDeliveries(cursor, ["customer.subscription.deleted"])).filter((delivery) => delivery.body.includes(developer.id));
  const events = [...paid, ...ended].map((delivery) => JSON.parse(delivery.body) as Record<string, unknown>);
  return { events, rows: () => developerRows(developer.id, me.body.platformId) };
}

describeMalformedWebhookEvents({
  worker: "front-auth-api",
  operations,
  send,
  db: env.DB,
  globalCounts,
  realEvents,
  expectedTypes: ["checkout.session.completed", "customer.subscription.created", "customer.subscription.deleted"],
  handledTypes: ["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"],
  secrets: [inject("platformWebhookSecret")],
  numRuns: 150,
});
