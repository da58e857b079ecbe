import type Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONNECT_SECRET, PLATFORM_SECRET, connectedAccount, monthlyPrice, postForm, startEmulator, startReceiver, type Harness, type Receiver } from "./harness.js";

let h: Harness;
let platformHook: Receiver;
let connectHook: Receiver;

beforeEach(async () => {
  platformHook = await startReceiver(PLATFORM_SECRET);
  connectHook = await startReceiver(CONNECT_SECRET);
  h = await startEmulator({
    webhookEndpoints: [
      { url: platformHook.url, secret: PLATFORM_SECRET, connect: false },
      { url: connectHook.url, secret: CONNECT_SECRET, connect: true },
    ],
  });
});
afterEach(async () => {
  await h.close();
  await platformHook.close();
  await connectHook.close();
});

const PAY = "4242 4242 4242 4242";

describe("checkout session API", () => {
  it("creates a subscription-mode session", async () => {
    const price = await monthlyPrice(h.stripe);
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "https://app.example/success?session={CHECKOUT_SESSION_ID}",
      cancel_url: "https://app.example/cancel",
      client_reference_id: "user_42",
      customer_email: "ada@example.com",
      metadata: { userId: "user_42" },
      subscription_data: { metadata: { plan: "pro" } },
    });
    expect(session).toMatchObject({
      object: "checkout.session",
      mode: "subscription",
      status: "open",
      payment_status: "unpaid",
      amount_total: 1500,
      currency: "usd",
      client_reference_id: "user_42",
      customer_email: "ada@example.com",
      metadata: { userId: "user_42" },
      url: `${h.baseUrl}/checkout/${session.id}`,
      subscription: null,
    });
    expect(session.id).toMatch(/^cs_test_/);
    expect(await h.stripe.checkout.sessions.retrieve(session.id)).toEqual(session);
    expect((await h.stripe.checkout.sessions.list()).data.map((s) => s.id)).toEqual([session.id]);
    const items = await h.stripe.checkout.sessions.listLineItems(session.id);
    expect(items.data).toHaveLength(1);
    expect(items.data[0]).toMatchObject({ object: "item", quantity: 1, amount_total: 1500, description: "Pro", price: { id: price.id } });
  });

  it("creates a payment-mode session with ad-hoc price_data", async () => {
    const session = await h.stripe.checkout.sessions.create({
      mode: "payment",
      line_items: [{ price_data: { currency: "usd", unit_amount: 2500, product_data: { name: "Credits" } }, quantity: 2 }],
      success_url: "https://app.example/done",
    });
    expect(session).toMatchObject({ mode: "payment", amount_total: 5000, customer_creation: "if_required" });
  });

  it("rejects mismatched modes and prices", async () => {
    const monthly = await monthlyPrice(h.stripe);
    const oneOff = await h.stripe.prices.create({ product_data: { name: "Once" }, currency: "usd", unit_amount: 100 });
    const recurringInPayment = await h.stripe.checkout.sessions.create({ mode: "payment", line_items: [{ price: monthly.id, quantity: 1 }] }).catch((e: unknown) => e);
    expect(recurringInPayment).toMatchObject({ statusCode: 400, param: "line_items" });
    const oneOffInSubscription = await h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: oneOff.id, quantity: 1 }] }).catch((e: unknown) => e);
    expect(oneOffInSubscription).toMatchObject({ statusCode: 400, param: "line_items" });
    const mixed = await h.stripe.checkout.sessions
      .create({
        mode: "subscription",
        line_items: [
          { price: monthly.id, quantity: 1 },
          { price: oneOff.id, quantity: 1 },
        ],
      })
      .catch((e: unknown) => e);
    expect(mixed).toMatchObject({ statusCode: 400, param: "line_items" });
    const missing = await h.stripe.checkout.sessions.create({ mode: "subscription" }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "line_items" });
    const unknownPrice = await h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: "price_nope", quantity: 1 }] }).catch((e: unknown) => e);
    expect(unknownPrice).toMatchObject({ statusCode: 400, code: "resource_missing", param: "line_items[0][price]" });
  });
});

describe("hosted checkout page", () => {
  it("pays a subscription with 4242: customer, subscription, events, redirect", async () => {
    const price = await monthlyPrice(h.stripe);
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "https://app.example/success?session={CHECKOUT_SESSION_ID}",
      cancel_url: "https://app.example/cancel",
      client_reference_id: "user_42",
      subscription_data: { metadata: { plan: "pro" } },
    });

    const pageResponse = await fetch(String(session.url));
    const html = await pageResponse.text();
    expect(pageResponse.status).toBe(200);
    expect(html).toContain("$15.00");
    expect(html).toContain("Pro");
    expect(html).toContain('<label for="card_number">Card number</label>');
    expect(html).toContain("https://app.example/cancel");

    const paid = await postForm(String(session.url), { email: "ada@example.com", name: "Ada", card_number: "4242424242424242" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe(`https://app.example/success?session=${session.id}`);

    const completed = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription", "line_items"] });
    expect(completed).toMatchObject({ status: "complete", payment_status: "paid", customer_details: { email: "ada@example.com", name: "Ada" } });
    const subscription = completed.subscription as Stripe.Subscription;
    expect(subscription).toMatchObject({ object: "subscription", status: "active", customer: completed.customer, metadata: { plan: "pro" } });
    expect(completed.line_items?.data[0]?.price?.id).toBe(price.id);
    const item = subscription.items.data[0];
    expect(item?.price).toMatchObject({ id: price.id, object: "price", unit_amount: 1500 });
    expect(item?.current_period_end).toBeGreaterThan(item?.current_period_start ?? Infinity);

    const customer = (await h.stripe.customers.retrieve(String(completed.customer))) as Stripe.Customer;
    expect(customer.email).toBe("ada@example.com");

    await h.emulator.idle();
    const types = platformHook.events.map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(["customer.created", "customer.subscription.created", "invoice.paid", "checkout.session.completed"]));
    expect(types.indexOf("checkout.session.completed")).toBeGreaterThan(types.indexOf("customer.subscription.created"));
    const completedEvent = platformHook.events.find((e) => e.type === "checkout.session.completed");
    const eventSession = completedEvent?.data.object as Stripe.Checkout.Session;
    expect(eventSession).toMatchObject({ id: session.id, client_reference_id: "user_42", subscription: subscription.id, status: "complete" });
    expect(completedEvent).toMatchObject({ object: "event", livemode: false, request: { id: null, idempotency_key: null } });
    expect(completedEvent && "account" in completedEvent).toBe(false);
    expect(connectHook.events).toEqual([]);
    expect(platformHook.rejected).toBe(0);
  });

  it("pays a payment-mode session on a connected account: payment intent, connect webhook", async () => {
    const shop = await connectedAccount(h.baseUrl);
    const options = { stripeAccount: shop };
    const price = await h.stripe.prices.create({ product_data: { name: "Lifetime" }, currency: "usd", unit_amount: 9900 }, options);
    const customer = await h.stripe.customers.create({ email: "buyer@example.com" }, options);
    const session = await h.stripe.checkout.sessions.create(
      { mode: "payment", customer: customer.id, line_items: [{ price: price.id, quantity: 1 }], success_url: "https://shop.example/ok" },
      options,
    );

    const page = await (await fetch(String(session.url))).text();
    expect(page).toContain("$99.00");
    expect(page).toContain("buyer@example.com");

    const paid = await postForm(String(session.url), { card_number: "4242 4242 4242 4242" });
    expect(paid.status).toBe(303);
    expect(paid.headers.get("location")).toBe("https://shop.example/ok");

    const completed = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["payment_intent"] }, options);
    const intent = completed.payment_intent as Stripe.PaymentIntent;
    expect(intent).toMatchObject({ object: "payment_intent", status: "succeeded", amount: 9900, customer: customer.id });
    expect(completed.subscription).toBeNull();

    await h.emulator.idle();
    const completedEvent = connectHook.events.find((e) => e.type === "checkout.session.completed");
    expect(completedEvent?.account).toBe(shop);
    expect(platformHook.events.map((e) => e.type)).not.toContain("checkout.session.completed");
  });

  it("shows a decline for 4000 0000 0000 0002 and creates nothing", async () => {
    const price = await monthlyPrice(h.stripe);
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      success_url: "https://app.example/success",
    });
    await h.emulator.idle();
    const eventsBefore = (await h.stripe.events.list()).data.length;

    const declined = await postForm(String(session.url), { email: "ada@example.com", card_number: "4000 0000 0000 0002" });
    expect(declined.status).toBe(402);
    expect(await declined.text()).toContain("Your card was declined.");

    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
    expect((await h.stripe.customers.list()).data).toEqual([]);
    expect((await h.stripe.subscriptions.list()).data).toEqual([]);
    expect((await h.stripe.events.list()).data).toHaveLength(eventsBefore);

    const retried = await postForm(String(session.url), { email: "ada@example.com", card_number: PAY });
    expect(retried.status).toBe(303);
  });

  it("asks for an email when none is known, and rejects bad card numbers", async () => {
    const price = await monthlyPrice(h.stripe);
    const session = await h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price.id, quantity: 1 }] });
    const noEmail = await postForm(String(session.url), { card_number: PAY });
    expect(noEmail.status).toBe(400);
    expect(await noEmail.text()).toContain("Enter your email address.");
    const badNumber = await postForm(String(session.url), { email: "a@example.com", card_number: "1234" });
    expect(await badNumber.text()).toContain("Your card number is incorrect.");
    const paid = await postForm(String(session.url), { email: "a@example.com", card_number: PAY });
    expect(paid.status).toBe(200);
    expect(await paid.text()).toContain("Payment complete");
  });

  it("renders completed and expired sessions as readable pages", async () => {
    const price = await monthlyPrice(h.stripe);
    const create = () =>
      h.stripe.checkout.sessions.create({
        mode: "subscription",
        line_items: [{ price: price.id, quantity: 1 }],
        customer_email: "a@example.com",
        success_url: "https://app.example/success",
        cancel_url: "https://app.example/cancel",
      });
    const done = await create();
    await postForm(String(done.url), { card_number: PAY });
    const donePage = await fetch(String(done.url));
    expect(await donePage.text()).toContain("already been paid");
    const again = await postForm(String(done.url), { card_number: PAY });
    expect(await again.text()).toContain("already been paid");
    expect((await h.stripe.subscriptions.list()).data).toHaveLength(1);

    const stale = await create();
    const expired = await h.stripe.checkout.sessions.expire(stale.id);
    expect(expired).toMatchObject({ status: "expired", url: null });
    const expiredPage = await fetch(`${h.baseUrl}/checkout/${stale.id}`);
    expect(expiredPage.status).toBe(410);
    const text = await expiredPage.text();
    expect(text).toContain("expired");
    expect(text).toContain("https://app.example/cancel");

    const missing = await fetch(`${h.baseUrl}/checkout/cs_test_missing`);
    expect(missing.status).toBe(404);
  });

  it("expires sessions past expires_at", async () => {
    let now = 1_700_000_000;
    await h.close();
    h = await startEmulator({ now: () => now });
    const price = await monthlyPrice(h.stripe);
    const session = await h.stripe.checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: price.id, quantity: 1 }],
      expires_at: now + 3600,
    });
    now += 3601;
    expect((await h.stripe.checkout.sessions.retrieve(session.id)).status).toBe("expired");
    expect((await h.stripe.events.list({ type: "checkout.session.expired" })).data).toHaveLength(1);
  });
});
