import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_KEY, connectedAccount, type Harness, paidSubscription, postForm, startEmulator } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startEmulator();
});
afterEach(() => h.close());

async function failure(call: Promise<unknown>): Promise<unknown> {
  return call.then(
    () => expect.fail("the search should have been refused"),
    (error: unknown) => error,
  );
}

describe("search endpoints", () => {
  it("customers by email, name and metadata, joined by spaces or AND, in Stripe's search_result shape", async () => {
    const ada = await h.stripe.customers.create({ email: "ada@example.com", name: "Ada", metadata: { platform: "plt_1", user: "ada" } });
    const bob = await h.stripe.customers.create({ email: "bob@example.com", name: "Bob", metadata: { platform: "plt_1", user: "bob" } });
    await h.stripe.customers.create({ email: "cy@example.com", metadata: { platform: "plt_2" } });

    const byEmail = await h.stripe.customers.search({ query: "email:'ada@example.com'" });
    expect(byEmail).toMatchObject({ object: "search_result", url: "/v1/customers/search", has_more: false, next_page: null });
    expect(byEmail.data.map((c) => c.id)).toEqual([ada.id]);
    expect(byEmail).not.toHaveProperty("total_count");

    const platform = await h.stripe.customers.search({ query: `metadata['platform']:'plt_1'` });
    expect(platform.data.map((c) => c.id)).toEqual([bob.id, ada.id]); // newest first
    const both = await h.stripe.customers.search({ query: `metadata["platform"]:"plt_1" AND metadata['user']:'bob'` });
    expect(both.data.map((c) => c.id)).toEqual([bob.id]);
    const spaced = await h.stripe.customers.search({ query: `metadata['platform']:'plt_1' name:'Ada'` });
    expect(spaced.data.map((c) => c.id)).toEqual([ada.id]);
    const lower = await h.stripe.customers.search({ query: `metadata['platform']:'plt_1' and email:'ada@example.com'` });
    expect(lower.data.map((c) => c.id)).toEqual([ada.id]);
    expect((await h.stripe.customers.search({ query: "email:'nobody@example.com'" })).data).toEqual([]);
  });

  it("pages with next_page, which stripe-node's auto-pagination follows; total_count when expanded", async () => {
    for (let i = 0; i < 23; i++) await h.stripe.customers.create({ metadata: { batch: "b" } });
    const first = await h.stripe.customers.search({ query: "metadata['batch']:'b'", limit: 10, expand: ["total_count"] });
    expect(first).toMatchObject({ has_more: true, total_count: 23 });
    expect(first.next_page).toEqual(expect.any(String));
    const all = await h.stripe.customers.search({ query: "metadata['batch']:'b'", limit: 10 }).autoPagingToArray({ limit: 100 });
    expect(new Set(all.map((c) => c.id)).size).toBe(23);
    const bad = await failure(h.stripe.customers.search({ query: "metadata['batch']:'b'", page: "not-a-cursor" }));
    expect(bad).toMatchObject({ statusCode: 400, param: "page" });
  });

  it("subscriptions, prices, products, invoices and payment intents each have theirs, in the request's account", async () => {
    const account = await connectedAccount(h.baseUrl);
    const options = { stripeAccount: account };
    const { subscription, customer, price } = await paidSubscription(h, options);
    await h.stripe.subscriptions.update(subscription.id, { metadata: { user: "u1" } }, options);
    const oneOff = await h.stripe.prices.create({ currency: "eur", unit_amount: 300, product_data: { name: "Pack" }, lookup_key: "pack" }, options);
    const session = await h.stripe.checkout.sessions.create({ mode: "payment", customer, line_items: [{ price: oneOff.id }] }, options);
    expect((await postForm(String(session.url), { card_number: "4242424242424242" })).status).toBe(200);

    const ids = (result: { data: Array<{ id: string }> }) => result.data.map((object) => object.id);
    expect(ids(await h.stripe.subscriptions.search({ query: "status:'active' AND metadata['user']:'u1'" }, options))).toEqual([subscription.id]);
    expect(ids(await h.stripe.prices.search({ query: "lookup_key:'pack'" }, options))).toEqual([oneOff.id]);
    expect(ids(await h.stripe.prices.search({ query: `product:'${String(price.product)}' active:'true'` }, options))).toEqual([price.id]);
    expect(ids(await h.stripe.products.search({ query: "name:'Pack'" }, options))).toEqual([String(oneOff.product)]);
    const invoices = await h.stripe.invoices.search({ query: `customer:'${customer}' status:'paid'` }, options);
    expect(invoices.data.map((invoice) => invoice.id)).toEqual([String(subscription.latest_invoice)]);
    const payments = await h.stripe.paymentIntents.search({ query: `customer:'${customer}' amount:300 currency:'eur'` }, options);
    expect(payments.data).toHaveLength(1);
    expect(payments.data[0]).toMatchObject({ object: "payment_intent", amount: 300 });

    // The platform's own objects are another account's: none of these.
    expect((await h.stripe.subscriptions.search({ query: "status:'active'" })).data).toEqual([]);
  });

  it("is never taken for a retrieve of an object called 'search'", async () => {
    for (const resource of ["customers", "subscriptions", "prices", "products", "invoices", "payment_intents"]) {
      const response = await fetch(`${h.baseUrl}/v1/${resource}/search?query=${encodeURIComponent("metadata['a']:'b'")}`, { headers: { authorization: `Bearer ${API_KEY}` } });
      expect(response.status, resource).toBe(200);
      expect(await response.json(), resource).toMatchObject({ object: "search_result", url: `/v1/${resource}/search`, data: [] });
    }
  });

  it("refuses a field Stripe does not search on, as Stripe does", async () => {
    const error = await failure(h.stripe.customers.search({ query: "emial:'a@example.com'" }));
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, param: "query" });
    expect((error as Error).message).toMatch(/^Field `emial` is an unsupported search field for resource `customers`/);
  });

  it("says so for the parts of the query language it does not implement, rather than answering wrongly", async () => {
    for (const [query, what] of [
      ["email:'a@example.com' OR email:'b@example.com'", "OR"],
      ["-email:'a@example.com'", "negation"],
      ["email~'example'", "the ~ operator"],
      ["created>1700000000", "the > operator"],
      ["email:null", "null"],
    ] as const) {
      const error = await failure(h.stripe.customers.search({ query }));
      expect(error, query).toMatchObject({ statusCode: 400, type: "StripeInvalidRequestError", param: "query" });
      expect((error as Error).message, query).toContain(`The local Stripe stand-in does not implement ${what}`);
    }
    const missing = await failure(h.stripe.customers.search({} as Stripe.CustomerSearchParams));
    expect(missing).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "query" });
    const malformed = await failure(h.stripe.customers.search({ query: "email:'unterminated" }));
    expect(malformed).toMatchObject({ statusCode: 400, param: "query" });
  });
});
