/**
 * Object shapes follow Stripe's fixtures: every emitted object has exactly the
 * fixture's top-level fields, plus the few extras named here on purpose.
 */
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, CONNECT_SECRET, connectedAccount, paidSubscription, portalConfiguration, postForm, startEmulator, startReceiver, type Harness, type Receiver } from "./harness.js";

const fixtures = (
  JSON.parse(readFileSync(new URL("./fixtures/stripe-fixtures-subset.json", import.meta.url), "utf8")) as {
    resources: Record<string, Record<string, unknown>>;
  }
).resources;

/** Fields we add on purpose: `account` on connect events. */
const EXTRAS: Record<string, string[]> = {
  event: ["account"],
};

function expectShape(resource: string, object: unknown): void {
  const fixture = fixtures[resource];
  if (!fixture) throw new Error(`no fixture for ${resource}`);
  const keys = Object.keys(object as object).filter((key) => !(EXTRAS[resource] ?? []).includes(key));
  expect({ resource, keys: keys.sort() }).toEqual({ resource, keys: Object.keys(fixture).sort() });
}

let h: Harness;
let hook: Receiver;
let raw: (path: string, account?: string) => Promise<Record<string, unknown>>;
let ids: { account: string; subscription: string; session: string; paymentSession: string; portal: Record<string, unknown> };

beforeAll(async () => {
  hook = await startReceiver(CONNECT_SECRET);
  h = await startEmulator({ webhookEndpoints: [{ url: hook.url, secret: CONNECT_SECRET, connect: true }] });
  raw = async (path, account) => {
    const response = await fetch(`${h.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${API_KEY}`, ...(account ? { "stripe-account": account } : {}) },
    });
    return (await response.json()) as Record<string, unknown>;
  };
  const account = await connectedAccount(h.baseUrl);
  const options = { stripeAccount: account };
  const { subscription, customer } = await paidSubscription(h, options);
  const sessions = await h.stripe.checkout.sessions.list({}, options);
  const oneOff = await h.stripe.prices.create({ product_data: { name: "Once" }, currency: "usd", unit_amount: 500 }, options);
  const paymentSession = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: oneOff.id, quantity: 1 }], customer_email: "p@example.com" }, options);
  await postForm(String(paymentSession.url), { card_number: "4242424242424242" });
  await portalConfiguration(h.stripe, undefined, options);
  const portal = await h.stripe.billingPortal.sessions.create({ customer }, options);
  await h.emulator.idle();
  ids = {
    account,
    subscription: subscription.id,
    session: String(sessions.data[0]?.id),
    paymentSession: paymentSession.id,
    portal: JSON.parse(JSON.stringify(portal)) as Record<string, unknown>,
  };
});
afterAll(async () => {
  await h.close();
  await hook.close();
});

describe("object shapes match Stripe's fixtures", () => {
  it("subscription, subscription_item, price, plan", async () => {
    const subscription = await raw(`/v1/subscriptions/${ids.subscription}`, ids.account);
    expectShape("subscription", subscription);
    const item = (subscription.items as { data: Array<Record<string, unknown>> }).data[0];
    expectShape("subscription_item", item);
    expectShape("price", item?.price);
    expectShape("plan", item?.plan);
  });

  it("customer, product, invoice and its lines", async () => {
    const subscription = await raw(`/v1/subscriptions/${ids.subscription}`, ids.account);
    expectShape("customer", await raw(`/v1/customers/${String(subscription.customer)}`, ids.account));
    const invoice = await raw(`/v1/invoices/${String(subscription.latest_invoice)}`, ids.account);
    expectShape("invoice", invoice);
    expectShape("line_item", (invoice.lines as { data: unknown[] }).data[0]);
    const price = (subscription.items as { data: Array<{ price: { product: string } }> }).data[0]?.price;
    expectShape("product", await raw(`/v1/products/${String(price?.product)}`, ids.account));
  });

  it("checkout.session, its items, payment_intent, billing_portal.session", async () => {
    expectShape("checkout.session", await raw(`/v1/checkout/sessions/${ids.session}`, ids.account));
    const items = await raw(`/v1/checkout/sessions/${ids.session}/line_items`, ids.account);
    expectShape("item", (items.data as unknown[])[0]);
    const payment = await raw(`/v1/checkout/sessions/${ids.paymentSession}`, ids.account);
    expectShape("payment_intent", await raw(`/v1/payment_intents/${String(payment.payment_intent)}`, ids.account));
    expectShape("billing_portal.session", ids.portal);
  });

  it("billing_portal.configuration, webhook_endpoint and its deletion", async () => {
    const configurations = await raw(`/v1/billing_portal/configurations`, ids.account);
    expectShape("billing_portal.configuration", (configurations.data as unknown[])[0]);
    const created = await h.stripe.webhookEndpoints.create({ url: "https://hooks.example/shape", enabled_events: ["*"] });
    expectShape("webhook_endpoint", await raw(`/v1/webhook_endpoints/${created.id}`));
    const deleted = await fetch(`${h.baseUrl}/v1/webhook_endpoints/${created.id}`, { method: "DELETE", headers: { authorization: `Bearer ${API_KEY}` } });
    expectShape("deleted_webhook_endpoint", await deleted.json());
  });

  it("event and account", async () => {
    const events = await raw(`/v1/events?type=checkout.session.completed`, ids.account);
    const event = (events.data as Array<Record<string, unknown>>)[0];
    expectShape("event", event);
    expect(event?.account).toBe(ids.account);
    expect(hook.events.find((e) => e.id === event?.id)).toBeDefined();
    expectShape("account", await raw(`/v1/account`, ids.account));
  });
});
