import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_KEY, type Harness, paidSubscription, postForm, startEmulator } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startEmulator();
});
afterEach(() => h.close());

/** Whatever a call threw, or a failure if it resolved. */
async function rejectionOf(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail("the call should have been refused"),
    (error: unknown) => error,
  );
}

function unknownParam(param: string) {
  return {
    statusCode: 400,
    type: "StripeInvalidRequestError",
    rawType: "invalid_request_error",
    code: "parameter_unknown",
    param,
    message: `Received unknown parameter: ${param}`,
  };
}

/** Params Stripe's types rightly reject, to be sent anyway. */
const bogus: any = { bogus_param: "1" };

describe("unknown parameters are refused, as Stripe does", () => {
  it("a misspelt success_url on a checkout session", async () => {
    const price = await h.stripe.prices.create({ currency: "usd", unit_amount: 500, product_data: { name: "One-off" } });
    const params = { mode: "payment", line_items: [{ price: price.id, quantity: 1 }], sucess_url: "https://example.com/done" } as Stripe.Checkout.SessionCreateParams;
    const error = await rejectionOf(h.stripe.checkout.sessions.create(params));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject(unknownParam("sucess_url"));
    expect((await h.stripe.checkout.sessions.list()).data).toEqual([]);
  });

  it("nested members of hashes Stripe types, named by their full path", async () => {
    const price = await h.stripe.prices.create({ currency: "usd", unit_amount: 500, product_data: { name: "One-off" } });
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ line_items: [{ price: price.id, quantity: 1, qty: 2 }] }, "line_items[0][qty]"],
      [{ line_items: [{ price_data: { currency: "usd", unit_amount: 100, product_data: { name: "x", url: "https://x.test" } } }] }, "line_items[0][price_data][product_data][url]"],
      [{ line_items: [{ price: price.id }], payment_intent_data: { metadta: { a: "b" } } }, "payment_intent_data[metadta]"],
      [{ line_items: [{ price: price.id }], branding_settings: { button_colour: "#000000" } }, "branding_settings[button_colour]"],
    ];
    for (const [extra, param] of cases) {
      const error = await rejectionOf(h.stripe.checkout.sessions.create({ mode: "payment", ...extra } as Stripe.Checkout.SessionCreateParams));
      expect(error).toMatchObject(unknownParam(param));
    }
    const recurring = await rejectionOf(
      h.stripe.prices.create({ currency: "usd", unit_amount: 1, product_data: { name: "x" }, recurring: { interval: "month", every: 2 } } as Stripe.PriceCreateParams),
    );
    expect(recurring).toMatchObject(unknownParam("recurring[every]"));
    const item = await rejectionOf(h.stripe.subscriptions.update("sub_x", { items: [{ price: price.id, quantiy: 2 }] } as unknown as Stripe.SubscriptionUpdateParams));
    expect(item).toMatchObject(unknownParam("items[0][quantiy]"));
  });

  it("on every endpoint the stand-in implements", async () => {
    const { subscription, customer, price } = await paidSubscription(h);
    const product = String(price.product);
    const session = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price_data: { currency: "usd", unit_amount: 700, product_data: { name: "Pack" } } }] });
    const payment = await h.stripe.checkout.sessions.create({
      mode: "payment",
      customer_email: "buyer@example.com",
      line_items: [{ price_data: { currency: "usd", unit_amount: 700, product_data: { name: "Pack" } } }],
    });
    expect((await postForm(String(payment.url), { card_number: "4242424242424242" })).status).toBe(200);
    const paymentIntent = String((await h.stripe.checkout.sessions.retrieve(payment.id)).payment_intent);
    const invoice = String(subscription.latest_invoice);
    const [event] = (await h.stripe.events.list({ limit: 1 })).data;
    const s = h.stripe;
    const calls: Array<[string, () => Promise<unknown>]> = [
      ["POST /v1/customers", () => s.customers.create(bogus)],
      ["GET /v1/customers/:id", () => s.customers.retrieve(customer, bogus)],
      ["POST /v1/customers/:id", () => s.customers.update(customer, bogus)],
      ["GET /v1/customers", () => s.customers.list(bogus)],
      ["POST /v1/products", () => s.products.create({ name: "x", ...bogus })],
      ["GET /v1/products/:id", () => s.products.retrieve(product, bogus)],
      ["POST /v1/products/:id", () => s.products.update(product, bogus)],
      ["GET /v1/products", () => s.products.list(bogus)],
      ["POST /v1/prices", () => s.prices.create({ currency: "usd", unit_amount: 1, product, ...bogus })],
      ["GET /v1/prices/:id", () => s.prices.retrieve(price.id, bogus)],
      ["POST /v1/prices/:id", () => s.prices.update(price.id, bogus)],
      ["GET /v1/prices", () => s.prices.list(bogus)],
      ["POST /v1/checkout/sessions", () => s.checkout.sessions.create({ mode: "payment", line_items: [{ price: price.id }], ...bogus })],
      ["GET /v1/checkout/sessions/:id", () => s.checkout.sessions.retrieve(session.id, bogus)],
      ["GET /v1/checkout/sessions/:id/line_items", () => s.checkout.sessions.listLineItems(session.id, bogus)],
      ["POST /v1/checkout/sessions/:id/expire", () => s.checkout.sessions.expire(session.id, bogus)],
      ["GET /v1/checkout/sessions", () => s.checkout.sessions.list(bogus)],
      ["GET /v1/subscriptions/:id", () => s.subscriptions.retrieve(subscription.id, bogus)],
      ["POST /v1/subscriptions/:id", () => s.subscriptions.update(subscription.id, bogus)],
      ["DELETE /v1/subscriptions/:id", () => s.subscriptions.cancel(subscription.id, bogus)],
      ["GET /v1/subscriptions", () => s.subscriptions.list(bogus)],
      ["GET /v1/invoices/:id", () => s.invoices.retrieve(invoice, bogus)],
      ["GET /v1/invoices", () => s.invoices.list(bogus)],
      ["GET /v1/payment_intents/:id", () => s.paymentIntents.retrieve(paymentIntent, bogus)],
      ["GET /v1/events/:id", () => s.events.retrieve(String(event?.id), bogus)],
      ["GET /v1/events", () => s.events.list(bogus)],
      ["GET /v1/customers/search", () => s.customers.search({ query: "email:'a@example.com'", ...bogus })],
      ["GET /v1/products/search", () => s.products.search({ query: "active:'true'", ...bogus })],
      ["GET /v1/prices/search", () => s.prices.search({ query: "active:'true'", ...bogus })],
      ["GET /v1/subscriptions/search", () => s.subscriptions.search({ query: "status:'active'", ...bogus })],
      ["GET /v1/invoices/search", () => s.invoices.search({ query: "status:'paid'", ...bogus })],
      ["GET /v1/payment_intents/search", () => s.paymentIntents.search({ query: "status:'succeeded'", ...bogus })],
      ["GET /v1/account", () => s.accounts.retrieveCurrent(bogus)],
      ["GET /v1/accounts/:id", () => s.accounts.retrieve("acct_platform_local", bogus)],
    ];
    for (const [endpoint, call] of calls) {
      const error = await call().then(
        () => new Error(`${endpoint} accepted an unknown parameter`),
        (e: unknown) => e,
      );
      expect(error, endpoint).toMatchObject(unknownParam("bogus_param"));
    }
    // Nothing was changed by the refused writes.
    expect((await s.subscriptions.retrieve(subscription.id)).status).toBe("active");
    expect((await s.checkout.sessions.retrieve(session.id)).status).toBe("open");
  });

  it("expand everywhere and metadata's free-form keys are known; what Stripe knows but the stand-in ignores is accepted", async () => {
    const customer = await h.stripe.customers.create({ metadata: { any_key: "v", "another.key": "w" }, preferred_locales: ["fr"], tax_exempt: "none" });
    expect(customer.metadata).toEqual({ any_key: "v", "another.key": "w" });
    await h.stripe.products.create({ name: "Pro", default_price_data: { currency: "usd", unit_amount: 900 } });
    const products = await h.stripe.products.list({ created: { gte: 0 }, expand: ["data.default_price"] });
    expect(products.data[0]?.default_price).toMatchObject({ object: "price", unit_amount: 900 });
  });

  it("a refused request leaves nothing behind, and its Idempotency-Key can be used again once fixed", async () => {
    const refused = await rejectionOf(h.stripe.customers.create({ email: "a@example.com", emial: "typo" } as Stripe.CustomerCreateParams, { idempotencyKey: "fix-me" }));
    expect(refused).toMatchObject(unknownParam("emial"));
    expect((await h.stripe.customers.list()).data).toEqual([]);
    expect((await h.stripe.events.list()).data).toEqual([]);
    const created = await h.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "fix-me" });
    expect(created.email).toBe("a@example.com");
  });

  it("refused on a raw form request too (what a hand-written client would send)", async () => {
    const response = await fetch(`${h.baseUrl}/v1/customers`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40example.com&metadata[ok]=1&shipping_adress[line1]=x",
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: object }).error).toMatchObject({
      type: "invalid_request_error",
      code: "parameter_unknown",
      param: "shipping_adress",
      message: "Received unknown parameter: shipping_adress",
    });
  });
});
