import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import {
  CONNECT_SECRET,
  LIVE_API_KEY as LIVE_KEY,
  PLATFORM_SECRET,
  connectedAccount,
  monthlyPrice,
  paidSubscription,
  portalConfiguration,
  postForm,
  startEmulator,
  startReceiver,
  stripeClient,
  type Harness,
  type Receiver,
} from "./harness.js";

const CLIENT_ID = "ca_local_dreamapi";
const REDIRECT = "https://oauth-api.example/connect/callback";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
});

interface Setup {
  h: Harness;
  /** Same emulator, live-mode key. */
  live: Stripe;
  /** Harness whose `stripe` client uses the live key (for helpers that take a harness). */
  liveHarness: Harness;
}

async function setup(options: Parameters<typeof startEmulator>[0] = {}): Promise<Setup> {
  const h = await startEmulator(options);
  cleanup.push(h.close);
  const live = stripeClient(h.port, LIVE_KEY);
  return { h, live, liveHarness: { ...h, stripe: live } };
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected the request to fail");
    },
    (error: unknown) => error,
  );
}

function missing(noun: string, id: string, statusCode = 404, param?: string) {
  return {
    statusCode,
    code: "resource_missing",
    type: "StripeInvalidRequestError",
    message: `No such ${noun}: '${id}'`,
    ...(param ? { param } : {}),
  };
}

async function approveOAuth(baseUrl: string): Promise<string> {
  const response = await postForm(`${baseUrl}/oauth/authorize`, { client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: "read_write", state: "s", decision: "approve" });
  expect(response.status).toBe(302);
  return String(new URL(String(response.headers.get("location"))).searchParams.get("code"));
}

describe("livemode", () => {
  it("marks every object a live key makes livemode: true, and a test key's false", async () => {
    const { h, live, liveHarness } = await setup();

    const customer = await live.customers.create({ email: "live@example.com" });
    expect(customer.livemode).toBe(true);
    const product = await live.products.create({ name: "Live", default_price_data: { currency: "usd", unit_amount: 900 } });
    expect(product.livemode).toBe(true);
    const oneTime = await live.prices.retrieve(String(product.default_price));
    expect(oneTime.livemode).toBe(true);

    const { subscription } = await paidSubscription(liveHarness);
    expect(subscription.livemode).toBe(true);
    expect(subscription.items.data[0]?.plan.livemode).toBe(true);
    expect(subscription.items.data[0]?.price.livemode).toBe(true);
    const invoice = await live.invoices.retrieve(String(subscription.latest_invoice));
    expect(invoice.livemode).toBe(true);
    expect(invoice.lines.data[0]?.livemode).toBe(true);

    const session = await live.checkout.sessions.create({ mode: "payment", line_items: [{ price: oneTime.id, quantity: 1 }], customer: customer.id, success_url: "https://shop.example/ok" });
    expect(session.id).toMatch(/^cs_live_/);
    expect(session.livemode).toBe(true);
    expect((await postForm(String(session.url), { card_number: "4242424242424242" })).status).toBe(303);
    const paid = await live.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] });
    expect(paid).toMatchObject({ status: "complete", livemode: true, payment_intent: { livemode: true } });

    const configuration = await portalConfiguration(live);
    expect(configuration).toMatchObject({ livemode: true, is_default: true });
    const portal = await live.billingPortal.sessions.create({ customer: customer.id });
    expect(portal).toMatchObject({ livemode: true, configuration: configuration.id });

    const testCustomer = await h.stripe.customers.create({ email: "test@example.com" });
    expect(testCustomer.livemode).toBe(false);
    const testSession = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price_data: { currency: "usd", unit_amount: 100, product_data: { name: "T" } } }] });
    expect(testSession.id).toMatch(/^cs_test_/);
    expect(testSession.livemode).toBe(false);
  });

  it("keeps live objects out of test mode: retrieve, update, list and references", async () => {
    const { h, live } = await setup();
    const customer = await live.customers.create({ email: "live@example.com" });
    const price = await monthlyPrice(live);

    expect(await failure(h.stripe.customers.retrieve(customer.id))).toMatchObject(missing("customer", customer.id));
    expect(await failure(h.stripe.customers.update(customer.id, { name: "x" }))).toMatchObject(missing("customer", customer.id));
    expect(await failure(h.stripe.prices.retrieve(price.id))).toMatchObject(missing("price", price.id));
    expect(await failure(h.stripe.products.retrieve(price.product as string))).toMatchObject(missing("product", price.product as string));
    expect((await h.stripe.customers.list()).data).toEqual([]);
    expect((await h.stripe.prices.list()).data).toEqual([]);
    expect((await h.stripe.products.list()).data).toEqual([]);

    const bySession = h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price.id, quantity: 1 }], customer_email: "a@example.com" });
    expect(await failure(bySession)).toMatchObject(missing("price", price.id, 400, "line_items[0][price]"));
    const byCustomer = h.stripe.checkout.sessions.create({ mode: "payment", customer: customer.id, line_items: [{ price_data: { currency: "usd", unit_amount: 100, product_data: { name: "T" } } }] });
    expect(await failure(byCustomer)).toMatchObject(missing("customer", customer.id, 400, "customer"));
    expect(await failure(h.stripe.billingPortal.sessions.create({ customer: customer.id }))).toMatchObject(missing("customer", customer.id, 400, "customer"));
    const byProduct = h.stripe.prices.create({ product: price.product as string, currency: "usd", unit_amount: 100 });
    expect(await failure(byProduct)).toMatchObject(missing("product", price.product as string, 400, "product"));

    // The live key still sees everything it made.
    expect((await live.customers.retrieve(customer.id)).id).toBe(customer.id);
    expect((await live.prices.list()).data.map((p) => p.id)).toEqual([price.id]);
  });

  it("keeps test objects out of live mode, subscriptions and checkout sessions included", async () => {
    const { h, live } = await setup();
    const { subscription, customer, price } = await paidSubscription(h);

    expect(await failure(live.subscriptions.retrieve(subscription.id))).toMatchObject(missing("subscription", subscription.id));
    expect(await failure(live.subscriptions.update(subscription.id, { cancel_at_period_end: true }))).toMatchObject(missing("subscription", subscription.id));
    expect(await failure(live.subscriptions.cancel(subscription.id))).toMatchObject(missing("subscription", subscription.id));
    expect(await failure(live.invoices.retrieve(String(subscription.latest_invoice)))).toMatchObject(missing("invoice", String(subscription.latest_invoice)));
    expect(await failure(live.customers.retrieve(customer))).toMatchObject(missing("customer", customer));
    expect((await live.subscriptions.list()).data).toEqual([]);
    expect((await live.invoices.list()).data).toEqual([]);
    expect((await live.checkout.sessions.list()).data).toEqual([]);
    expect((await live.events.list()).data).toEqual([]);

    const liveSession = live.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price.id, quantity: 1 }], customer });
    expect(await failure(liveSession)).toMatchObject({ statusCode: 400, code: "resource_missing" });

    // Test mode is untouched.
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
    expect((await h.stripe.subscriptions.list()).data.map((s) => s.id)).toEqual([subscription.id]);
  });

  it("scopes idempotency keys to the mode", async () => {
    const { h, live } = await setup();
    const test = await h.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "same" });
    const liveCustomer = await live.customers.create({ email: "a@example.com" }, { idempotencyKey: "same" });
    expect(liveCustomer.id).not.toBe(test.id);
    expect(liveCustomer.livemode).toBe(true);
    expect((await live.customers.create({ email: "a@example.com" }, { idempotencyKey: "same" })).id).toBe(liveCustomer.id);
  });
});

describe("connected accounts in both modes", () => {
  it("acts on the account's test data with a test key and its live data with a live key", async () => {
    const { h, live } = await setup();
    const shop = await connectedAccount(h.baseUrl, "Shop");
    const testProduct = await h.stripe.products.create({ name: "Test product" }, { stripeAccount: shop });
    const liveProduct = await live.products.create({ name: "Live product" }, { stripeAccount: shop });
    expect(testProduct.livemode).toBe(false);
    expect(liveProduct.livemode).toBe(true);

    expect((await h.stripe.products.list({}, { stripeAccount: shop })).data.map((p) => p.id)).toEqual([testProduct.id]);
    expect((await live.products.list({}, { stripeAccount: shop })).data.map((p) => p.id)).toEqual([liveProduct.id]);
    expect(await failure(h.stripe.products.retrieve(liveProduct.id, {}, { stripeAccount: shop }))).toMatchObject(missing("product", liveProduct.id));
    expect(await failure(live.products.retrieve(testProduct.id, {}, { stripeAccount: shop }))).toMatchObject(missing("product", testProduct.id));
    // The platform's own live data is separate from the account's.
    expect((await live.products.list()).data).toEqual([]);

    expect((await live.accounts.retrieveCurrent({}, { stripeAccount: shop })).id).toBe(shop);
    expect((await live.accounts.retrieve(shop)).id).toBe(shop);
  });

  it("issues OAuth tokens in the platform key's mode; each token acts in its own mode", async () => {
    const { h, live } = await setup();

    const testToken = await h.stripe.oauth.token({ grant_type: "authorization_code", code: await approveOAuth(h.baseUrl) });
    expect(testToken.livemode).toBe(false);
    expect(testToken.access_token).toMatch(/^sk_test_/);
    expect(testToken.stripe_publishable_key).toMatch(/^pk_test_/);

    const liveToken = await live.oauth.token({ grant_type: "authorization_code", code: await approveOAuth(h.baseUrl) });
    expect(liveToken.livemode).toBe(true);
    expect(liveToken.access_token).toMatch(/^sk_live_/);
    expect(liveToken.stripe_publishable_key).toMatch(/^pk_live_/);

    const account = String(liveToken.stripe_user_id);
    const asLiveAccount = stripeClient(h.port, String(liveToken.access_token));
    const customer = await asLiveAccount.customers.create({ email: "token@example.com" });
    expect(customer.livemode).toBe(true);
    expect((await live.customers.retrieve(customer.id, {}, { stripeAccount: account })).id).toBe(customer.id);
    expect(await failure(h.stripe.customers.retrieve(customer.id, {}, { stripeAccount: account }))).toMatchObject(missing("customer", customer.id));

    const events = await live.events.list({ type: "customer.created" }, { stripeAccount: account });
    expect(events.data.map((e) => [e.livemode, e.account])).toEqual([[true, account]]);
  });
});

describe("events and webhooks", () => {
  let platform: Receiver;
  let connect: Receiver;

  async function withReceivers(endpointModes: { platform?: boolean; connect?: boolean } = {}): Promise<Setup> {
    platform = await startReceiver(PLATFORM_SECRET);
    connect = await startReceiver(CONNECT_SECRET);
    cleanup.push(platform.close, connect.close);
    return setup({
      webhookEndpoints: [
        { url: platform.url, secret: PLATFORM_SECRET, connect: false, ...(endpointModes.platform === undefined ? {} : { livemode: endpointModes.platform }) },
        { url: connect.url, secret: CONNECT_SECRET, connect: true, ...(endpointModes.connect === undefined ? {} : { livemode: endpointModes.connect }) },
      ],
    });
  }

  it("gives each event the mode of the request that caused it, in the API and on the wire", async () => {
    const { h, live, liveHarness } = await withReceivers();
    const shop = await connectedAccount(h.baseUrl);
    const liveCustomer = await live.customers.create({ email: "live@example.com" });
    const testCustomer = await h.stripe.customers.create({ email: "test@example.com" });
    await live.customers.create({ email: "shop@example.com" }, { stripeAccount: shop });
    const { subscription } = await paidSubscription(liveHarness);
    await h.emulator.idle();

    const liveEvents = await live.events.list();
    expect(liveEvents.data.length).toBeGreaterThan(0);
    expect(liveEvents.data.every((e) => e.livemode)).toBe(true);
    expect(liveEvents.data.map((e) => e.type)).toEqual(expect.arrayContaining(["customer.created", "checkout.session.completed", "customer.subscription.created", "invoice.paid"]));
    const testEvents = await h.stripe.events.list();
    expect(testEvents.data.map((e) => [e.type, e.livemode, (e.data.object as { id: string }).id])).toEqual([["customer.created", false, testCustomer.id]]);

    const liveEventId = liveEvents.data.find((e) => (e.data.object as { id: string }).id === liveCustomer.id)?.id ?? "";
    expect(await failure(h.stripe.events.retrieve(liveEventId))).toMatchObject(missing("event", liveEventId));

    const delivered = platform.events.map((e) => [e.type, e.livemode, (e.data.object as { id: string }).id]);
    expect(delivered).toContainEqual(["customer.created", true, liveCustomer.id]);
    expect(delivered).toContainEqual(["customer.created", false, testCustomer.id]);
    expect(connect.events.map((e) => [e.type, e.livemode, e.account])).toEqual([["customer.created", true, shop]]);

    // Controls keep working on live subscriptions, and their events are live too.
    const advanced = await fetch(`${h.baseUrl}/_emulator/subscriptions/${subscription.id}/advance`, { method: "POST" });
    expect(advanced.status).toBe(200);
    expect(((await advanced.json()) as Stripe.Subscription).livemode).toBe(true);
    const renewals = await live.events.list({ type: "invoice.paid" });
    expect(renewals.data).toHaveLength(2);
    expect(renewals.data.every((e) => e.livemode)).toBe(true);
    await h.emulator.idle();
    expect(
      h.emulator
        .deliveries()
        .filter((d) => d.eventType === "invoice.paid")
        .map((d) => d.livemode),
    ).toEqual([true, true]);
  });

  it("delivers to an endpoint configured with a mode only the events of that mode", async () => {
    const { h, live } = await withReceivers({ platform: false, connect: true });
    const shop = await connectedAccount(h.baseUrl);
    const testCustomer = await h.stripe.customers.create({ email: "test@example.com" });
    await live.customers.create({ email: "live@example.com" });
    await h.stripe.customers.create({ email: "shop-test@example.com" }, { stripeAccount: shop });
    const liveShopCustomer = await live.customers.create({ email: "shop-live@example.com" }, { stripeAccount: shop });
    await h.emulator.idle();

    expect(platform.events.map((e) => [e.livemode, (e.data.object as { id: string }).id])).toEqual([[false, testCustomer.id]]);
    expect(connect.events.map((e) => [e.livemode, (e.data.object as { id: string }).id])).toEqual([[true, liveShopCustomer.id]]);
  });
});

describe("hosted pages", () => {
  it("mark test-mode checkout and portal pages, and not live ones", async () => {
    const { h, live } = await setup();
    const line = { price_data: { currency: "usd", unit_amount: 500, product_data: { name: "Thing" } }, quantity: 1 };
    const testSession = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [line] });
    const liveSession = await live.checkout.sessions.create({ mode: "payment", line_items: [line] });
    expect(await (await fetch(String(testSession.url))).text()).toContain('class="badge warn">Test mode');
    const livePage = await fetch(String(liveSession.url));
    expect(livePage.status).toBe(200);
    expect(await livePage.text()).not.toContain('class="badge warn">Test mode');

    const customer = await live.customers.create({ email: "live@example.com" });
    await portalConfiguration(live);
    const portal = await live.billingPortal.sessions.create({ customer: customer.id });
    const portalPage = await fetch(portal.url);
    expect(portalPage.status).toBe(200);
    const text = await portalPage.text();
    expect(text).toContain("live@example.com");
    expect(text).not.toContain("Test mode");
  });
});

describe("stateFile", () => {
  it("keeps live-mode objects and live tokens apart from test ones across runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "stripe-emulator-modes-"));
    cleanup.push(async () => rmSync(dir, { recursive: true, force: true }));
    const stateFile = join(dir, "state.json");

    const first = await setup({ stateFile });
    const liveCustomer = await first.live.customers.create({ email: "live@example.com" });
    const testCustomer = await first.h.stripe.customers.create({ email: "test@example.com" });
    const token = await first.live.oauth.token({ grant_type: "authorization_code", code: await approveOAuth(first.h.baseUrl) });
    await first.h.close();

    const second = await setup({ stateFile });
    expect((await second.live.customers.list()).data.map((c) => [c.id, c.livemode])).toEqual([[liveCustomer.id, true]]);
    expect((await second.h.stripe.customers.list()).data.map((c) => [c.id, c.livemode])).toEqual([[testCustomer.id, false]]);
    const viaToken = await stripeClient(second.h.port, String(token.access_token)).customers.create({ email: "t@example.com" });
    expect(viaToken.livemode).toBe(true);
  });
});
