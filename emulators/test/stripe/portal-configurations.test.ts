/**
 * Billing-portal configurations through the official client, and what they
 * change: a portal session needs one (Stripe's refusal otherwise, in each
 * mode and on each account), the first is the default, `configuration`
 * picks another, and the hosted page offers only the enabled features.
 */
import type Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { connectedAccount, monthlyPrice, paidSubscription, portalConfiguration, postForm, startEmulator, stripeClient, type Harness } from "./harness.js";

const LIVE_KEY = "sk_live_emulator_tests";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
});

async function setup(): Promise<Harness> {
  const h = await startEmulator();
  cleanup.push(h.close);
  return h;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Stripe.errors.StripeError,
  );
const pageOf = async (url: string) => (await fetch(url)).text();

describe("portal sessions need a configuration", () => {
  it("refuses a session until the account has one, with Stripe's message for the mode", async () => {
    const h = await setup();
    const live = stripeClient(h.port, LIVE_KEY);
    const customer = await h.stripe.customers.create({ email: "a@example.com" });
    const refused = await failure(h.stripe.billingPortal.sessions.create({ customer: customer.id }));
    expect(refused).toMatchObject({
      statusCode: 400,
      type: "StripeInvalidRequestError",
      message: "You can’t create a portal session in test mode until you save your customer portal settings in test mode at https://dashboard.stripe.com/test/settings/billing/portal.",
    });
    const liveCustomer = await live.customers.create({ email: "b@example.com" });
    expect(await failure(live.billingPortal.sessions.create({ customer: liveCustomer.id }))).toMatchObject({
      statusCode: 400,
      message: "You can’t create a portal session in live mode until you save your customer portal settings in live mode at https://dashboard.stripe.com/settings/billing/portal.",
    });

    const configuration = await portalConfiguration(h.stripe);
    const session = await h.stripe.billingPortal.sessions.create({ customer: customer.id });
    expect(session.configuration).toBe(configuration.id);
    // The test-mode configuration does nothing for live mode, nor for a connected account.
    expect(await failure(live.billingPortal.sessions.create({ customer: liveCustomer.id }))).toMatchObject({ statusCode: 400 });
    const shop = await connectedAccount(h.baseUrl);
    const theirs = await h.stripe.customers.create({ email: "c@example.com" }, { stripeAccount: shop });
    expect(await failure(h.stripe.billingPortal.sessions.create({ customer: theirs.id }, { stripeAccount: shop }))).toMatchObject({
      statusCode: 400,
      message: expect.stringMatching(/save your customer portal settings in test mode/),
    });
    expect(await failure(h.stripe.billingPortal.sessions.create({ customer: theirs.id, configuration: configuration.id }, { stripeAccount: shop }))).toMatchObject({
      statusCode: 400,
      code: "resource_missing",
      param: "configuration",
      message: `No such configuration: '${configuration.id}'`,
    });
  });

  it("uses the default unless `configuration` names another, active one", async () => {
    const h = await setup();
    const customer = await h.stripe.customers.create({ email: "a@example.com" });
    const first = await portalConfiguration(h.stripe);
    const second = await portalConfiguration(h.stripe, { invoice_history: { enabled: true } });
    expect([first.is_default, second.is_default]).toEqual([true, false]);
    expect((await h.stripe.billingPortal.sessions.create({ customer: customer.id })).configuration).toBe(first.id);
    expect((await h.stripe.billingPortal.sessions.create({ customer: customer.id, configuration: second.id })).configuration).toBe(second.id);

    await h.stripe.billingPortal.configurations.update(second.id, { active: false });
    expect(await failure(h.stripe.billingPortal.sessions.create({ customer: customer.id, configuration: second.id }))).toMatchObject({ statusCode: 400, param: "configuration" });
    const unknown = await failure(h.stripe.billingPortal.sessions.create({ customer: customer.id, flow_data: { type: "payment_method_update" } }));
    expect(unknown).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "flow_data" });
  });
});

describe("configurations API", () => {
  it("creates with Stripe's defaults for features left out, and shows products only when expanded", async () => {
    const h = await setup();
    const price = await monthlyPrice(h.stripe);
    const created = await h.stripe.billingPortal.configurations.create({
      business_profile: { headline: "Manage your plan", privacy_policy_url: "https://shop.example/privacy" },
      default_return_url: "https://shop.example/account",
      features: {
        customer_update: { enabled: true, allowed_updates: ["email", "address"] },
        subscription_update: { enabled: true, default_allowed_updates: ["price"], products: [{ product: String(price.product), prices: [price.id] }], proration_behavior: "none" },
      },
      metadata: { dream_api_portal: "end-user" },
    });
    expect(created).toMatchObject({
      object: "billing_portal.configuration",
      active: true,
      is_default: true,
      livemode: false,
      default_return_url: "https://shop.example/account",
      business_profile: { headline: "Manage your plan", privacy_policy_url: "https://shop.example/privacy", terms_of_service_url: null },
      login_page: { enabled: false, url: null },
      metadata: { dream_api_portal: "end-user" },
      features: {
        customer_update: { enabled: true, allowed_updates: ["email", "address"] },
        invoice_history: { enabled: false },
        payment_method_update: { enabled: false },
        subscription_cancel: { enabled: false, mode: "at_period_end" },
        subscription_update: { enabled: true, default_allowed_updates: ["price"], proration_behavior: "none" },
      },
    });
    expect(created.id).toMatch(/^bpc_/);
    expect(created.features.subscription_update).not.toHaveProperty("products");
    const expanded = await h.stripe.billingPortal.configurations.retrieve(created.id, { expand: ["features.subscription_update.products"] });
    expect(expanded.features.subscription_update.products).toEqual([{ product: price.product, prices: [price.id], adjustable_quantity: { enabled: false, maximum: null, minimum: 0 } }]);
    const listed = await h.stripe.billingPortal.configurations.list({ expand: ["data.features.subscription_update.products"] });
    expect(listed.data[0]?.features.subscription_update.products).toHaveLength(1);
  });

  it("updates, filters the list by default and active, and keeps accounts and modes apart", async () => {
    const h = await setup();
    const live = stripeClient(h.port, LIVE_KEY);
    const shop = await connectedAccount(h.baseUrl);
    const first = await portalConfiguration(h.stripe);
    const second = await portalConfiguration(h.stripe);
    const updated = await h.stripe.billingPortal.configurations.update(second.id, {
      active: false,
      features: { subscription_cancel: { mode: "immediately" }, invoice_history: { enabled: true } },
      metadata: { purpose: "x" },
    });
    expect(updated).toMatchObject({ active: false, metadata: { purpose: "x" }, features: { subscription_cancel: { enabled: true, mode: "immediately" }, invoice_history: { enabled: true } } });

    expect((await h.stripe.billingPortal.configurations.list()).data.map((c) => c.id)).toEqual([second.id, first.id]);
    expect((await h.stripe.billingPortal.configurations.list({ is_default: true })).data.map((c) => c.id)).toEqual([first.id]);
    expect((await h.stripe.billingPortal.configurations.list({ active: true })).data.map((c) => c.id)).toEqual([first.id]);
    expect((await live.billingPortal.configurations.list()).data).toEqual([]);
    expect((await h.stripe.billingPortal.configurations.list({}, { stripeAccount: shop })).data).toEqual([]);
    const theirs = await portalConfiguration(h.stripe, undefined, { stripeAccount: shop });
    expect(theirs.is_default).toBe(true);
    expect(await failure(h.stripe.billingPortal.configurations.retrieve(theirs.id))).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("refuses what Stripe refuses", async () => {
    const h = await setup();
    const price = await monthlyPrice(h.stripe);
    const other = await monthlyPrice(h.stripe);
    const create = (params: unknown) => failure(h.stripe.billingPortal.configurations.create(params as Stripe.BillingPortal.ConfigurationCreateParams));
    expect(await create({})).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "features" });
    expect(await create({ features: { customer_update: { allowed_updates: ["email"] } } })).toMatchObject({ code: "parameter_missing", param: "features[customer_update][enabled]" });
    expect(await create({ features: { subscription_cancel: { enabled: true, mode: "later" } } })).toMatchObject({ statusCode: 400, param: "features[subscription_cancel][mode]" });
    expect(await create({ features: { invoice_history: { enabled: true, colour: "blue" } } })).toMatchObject({ code: "parameter_unknown", param: "features[invoice_history][colour]" });
    expect(await create({ features: { invoice_history: { enabled: true } }, colour: "blue" })).toMatchObject({ code: "parameter_unknown", param: "colour" });
    const foreignPrice = await create({ features: { subscription_update: { enabled: true, products: [{ product: String(price.product), prices: [other.id] }] } } });
    expect(foreignPrice).toMatchObject({ statusCode: 400, param: "features[subscription_update][products][0][prices][0]" });
    const missingProduct = await create({ features: { subscription_update: { enabled: true, products: [{ product: "prod_nope", prices: [price.id] }] } } });
    expect(missingProduct).toMatchObject({ code: "resource_missing", param: "features[subscription_update][products][0][product]" });
    expect((await h.stripe.billingPortal.configurations.list()).data).toEqual([]);
  });
});

describe("the hosted portal honours the configuration", () => {
  it("offers no cancel button when canceling is disabled, and refuses the action", async () => {
    const h = await setup();
    const { subscription, customer } = await paidSubscription(h);
    await portalConfiguration(h.stripe, { invoice_history: { enabled: true } });
    const session = await h.stripe.billingPortal.sessions.create({ customer });
    const page = await pageOf(session.url);
    expect(page).not.toContain("Cancel at period end");
    expect(page).not.toContain("Cancel now");
    expect(page).toContain('aria-label="Invoice history"');
    for (const action of ["cancel_at_period_end", "cancel_now"]) {
      expect((await postForm(`${session.url}/subscriptions/${subscription.id}`, { action })).status).toBe(403);
    }
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe("active");
  });

  it("cancels the way the mode says: at period end only, or immediately only", async () => {
    const h = await setup();
    const { subscription, customer } = await paidSubscription(h);
    const configuration = await portalConfiguration(h.stripe, { subscription_cancel: { enabled: true, mode: "at_period_end" } });
    const session = await h.stripe.billingPortal.sessions.create({ customer });
    const action = `${session.url}/subscriptions/${subscription.id}`;
    let page = await pageOf(session.url);
    expect(page).toContain("Cancel at period end");
    expect(page).not.toContain("Cancel now");
    expect(page).not.toContain('aria-label="Invoice history"');
    expect((await postForm(action, { action: "cancel_now" })).status).toBe(403);
    expect((await postForm(action, { action: "cancel_at_period_end" })).status).toBe(303);
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(true);
    expect((await postForm(action, { action: "resume" })).status).toBe(303);

    await h.stripe.billingPortal.configurations.update(configuration.id, { features: { subscription_cancel: { mode: "immediately" } } });
    page = await pageOf(session.url);
    expect(page).toContain("Cancel now");
    expect(page).not.toContain("Cancel at period end");
    expect((await postForm(action, { action: "cancel_now" })).status).toBe(303);
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe("canceled");
  });

  it("switches plans only among the configured products' prices", async () => {
    const h = await setup();
    const { subscription, customer, price } = await paidSubscription(h);
    const yearly = await h.stripe.prices.create({ product: String(price.product), currency: "usd", unit_amount: 15000, recurring: { interval: "year" } });
    const unlisted = await h.stripe.prices.create({ product: String(price.product), currency: "usd", unit_amount: 100, recurring: { interval: "month" } });
    const configuration = await portalConfiguration(h.stripe, {
      subscription_update: { enabled: true, default_allowed_updates: ["price"], products: [{ product: String(price.product), prices: [price.id, yearly.id] }] },
    });
    const session = await h.stripe.billingPortal.sessions.create({ customer });
    const action = `${session.url}/subscriptions/${subscription.id}`;
    const page = await pageOf(session.url);
    expect(page).toContain(`value="${yearly.id}"`);
    expect(page).toContain("$150.00 / year");
    expect(page).not.toContain(`value="${unlisted.id}"`);
    expect(page).not.toContain(`name="price" value="${price.id}"`);

    expect((await postForm(action, { action: "switch", price: unlisted.id })).status).toBe(403);
    expect((await postForm(action, { action: "switch", price: yearly.id })).status).toBe(303);
    const switched = await h.stripe.subscriptions.retrieve(subscription.id);
    expect(switched.items.data[0]?.price.id).toBe(yearly.id);
    const events = await h.stripe.events.list({ type: "customer.subscription.updated" });
    const updated = events.data[0]?.data.object as Stripe.Subscription | undefined;
    expect(updated?.items.data[0]?.price.id).toBe(yearly.id);

    // Switching off the feature takes the buttons away.
    await h.stripe.billingPortal.configurations.update(configuration.id, { features: { subscription_update: { enabled: false } } });
    expect(await pageOf(session.url)).not.toContain("Switch to");
    expect((await postForm(action, { action: "switch", price: price.id })).status).toBe(403);
  });
});
