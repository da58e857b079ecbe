import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PLATFORM_SECRET, connectedAccount, paidSubscription, portalConfiguration, postForm, startEmulator, startReceiver, type Harness, type Receiver } from "./harness.js";

let h: Harness;
let hook: Receiver;
let now: number;

beforeEach(async () => {
  now = Date.UTC(2025, 0, 31, 12) / 1000;
  hook = await startReceiver(PLATFORM_SECRET);
  h = await startEmulator({ now: () => now, webhookEndpoints: [{ url: hook.url, secret: PLATFORM_SECRET, connect: false }] });
});
afterEach(async () => {
  await h.close();
  await hook.close();
});

async function control(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${h.baseUrl}/_emulator${path}`, { method: "POST", ...init });
}

async function eventTypes(): Promise<string[]> {
  await h.emulator.idle();
  return hook.events.map((e) => e.type);
}

describe("subscriptions API", () => {
  it("carries its billing period on the items only, as API 2025-03-31 and later do", async () => {
    const { subscription, customer, price } = await paidSubscription(h);
    const fetched = await h.stripe.subscriptions.retrieve(subscription.id);
    const item = fetched.items.data[0];
    expect(fetched).toMatchObject({ status: "active", customer, cancel_at_period_end: false, canceled_at: null, metadata: {} });
    expect(item?.price).toMatchObject({ id: price.id, object: "price", recurring: { interval: "month" } });
    // Jan 31 + one month clamps to Feb 28, like Stripe's billing cycle.
    expect(item?.current_period_start).toBe(now);
    expect(item?.current_period_end).toBe(Date.UTC(2025, 1, 28, 12) / 1000);
    expect(fetched).not.toHaveProperty("current_period_start");
    expect(fetched).not.toHaveProperty("current_period_end");
    expect(fetched.latest_invoice).toMatch(/^in_/);
    const invoice = await h.stripe.invoices.retrieve(String(fetched.latest_invoice));
    expect(invoice).toMatchObject({ status: "paid", amount_paid: 1500, customer, billing_reason: "subscription_create" });
  });

  it("lists by customer and hides canceled ones unless asked", async () => {
    const first = await paidSubscription(h);
    const second = await paidSubscription(h);
    expect((await h.stripe.subscriptions.list({ customer: first.customer })).data.map((s) => s.id)).toEqual([first.subscription.id]);
    await h.stripe.subscriptions.cancel(second.subscription.id);
    expect((await h.stripe.subscriptions.list()).data.map((s) => s.id)).toEqual([first.subscription.id]);
    expect((await h.stripe.subscriptions.list({ status: "all" })).data).toHaveLength(2);
    expect((await h.stripe.subscriptions.list({ status: "canceled" })).data.map((s) => s.id)).toEqual([second.subscription.id]);
  });

  it("schedules and undoes cancel_at_period_end, updates metadata, one event per change", async () => {
    const { subscription } = await paidSubscription(h);
    await h.emulator.idle();
    hook.events.length = 0;

    now += 60;
    const scheduled = await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true, metadata: { reason: "too pricey" } });
    expect(scheduled).toMatchObject({ cancel_at_period_end: true, canceled_at: now, cancel_at: scheduled.items.data[0]?.current_period_end, status: "active", metadata: { reason: "too pricey" } });
    const resumed = await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false });
    expect(resumed).toMatchObject({ cancel_at_period_end: false, canceled_at: null, cancel_at: null });
    await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: false });

    expect(await eventTypes()).toEqual(["customer.subscription.updated", "customer.subscription.updated"]);
    const previous = hook.events[0]?.data.previous_attributes as Record<string, unknown>;
    expect(previous).toMatchObject({ cancel_at_period_end: false, canceled_at: null, metadata: {} });
  });

  it("switches the price of an item", async () => {
    const { subscription } = await paidSubscription(h);
    const product = await h.stripe.products.create({ name: "Team" });
    const team = await h.stripe.prices.create({ product: product.id, currency: "usd", unit_amount: 4900, recurring: { interval: "month" } });
    const itemId = subscription.items.data[0]?.id ?? "";
    const updated = await h.stripe.subscriptions.update(subscription.id, { items: [{ id: itemId, price: team.id }] });
    expect(updated.items.data).toHaveLength(1);
    expect(updated.items.data[0]?.price.id).toBe(team.id);
  });

  it("cancels immediately via DELETE", async () => {
    const { subscription } = await paidSubscription(h);
    const canceled = await h.stripe.subscriptions.cancel(subscription.id);
    expect(canceled).toMatchObject({ status: "canceled", canceled_at: now, ended_at: now });
    expect(await eventTypes()).toContain("customer.subscription.deleted");
    const again = await h.stripe.subscriptions.cancel(subscription.id).catch((e: unknown) => e);
    expect(again).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const update = await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true }).catch((e: unknown) => e);
    expect(update).toMatchObject({ statusCode: 400 });
    await expect(h.stripe.subscriptions.update(subscription.id, { metadata: { note: "gone" } })).resolves.toMatchObject({ metadata: { note: "gone" } });
  });
});

describe("control endpoints", () => {
  it("advance renews: next period from the anchor, paid invoice, events", async () => {
    const { subscription } = await paidSubscription(h);
    await h.emulator.idle();
    hook.events.length = 0;

    const response = await control(`/subscriptions/${subscription.id}/advance`);
    expect(response.status).toBe(200);
    const renewed = (await response.json()) as Stripe.Subscription;
    const item = renewed.items.data[0];
    expect(item?.current_period_start).toBe(Date.UTC(2025, 1, 28, 12) / 1000);
    expect(item?.current_period_end).toBe(Date.UTC(2025, 2, 31, 12) / 1000);
    expect(renewed.status).toBe("active");

    expect(await eventTypes()).toEqual(["customer.subscription.updated", "invoice.paid", "invoice.payment_succeeded"]);
    const invoice = hook.events[1]?.data.object as Stripe.Invoice;
    expect(invoice).toMatchObject({ billing_reason: "subscription_cycle", status: "paid", amount_paid: 1500 });
    expect(invoice.lines.data[0]?.period).toEqual({ start: item?.current_period_start, end: item?.current_period_end });
    expect(invoice.parent?.subscription_details?.subscription).toBe(subscription.id);
  });

  it("advance ends a subscription set to cancel at period end", async () => {
    const { subscription } = await paidSubscription(h);
    await h.stripe.subscriptions.update(subscription.id, { cancel_at_period_end: true });
    const ended = (await (await control(`/subscriptions/${subscription.id}/advance`)).json()) as Stripe.Subscription;
    expect(ended).toMatchObject({ status: "canceled", ended_at: subscription.items.data[0]?.current_period_end });
    expect((await eventTypes()).at(-1)).toBe("customer.subscription.deleted");
    const again = await control(`/subscriptions/${subscription.id}/advance`);
    expect(again.status).toBe(400);
  });

  it("fail_payment leaves the subscription past_due with an open invoice; advance recovers it", async () => {
    const { subscription } = await paidSubscription(h);
    const failed = (await (await control(`/subscriptions/${subscription.id}/fail_payment`)).json()) as Stripe.Subscription;
    expect(failed.status).toBe("past_due");
    const types = await eventTypes();
    expect(types.slice(-2)).toEqual(["invoice.payment_failed", "customer.subscription.updated"]);
    const invoice = hook.events.find((e) => e.type === "invoice.payment_failed")?.data.object as Stripe.Invoice;
    expect(invoice).toMatchObject({ status: "open", amount_paid: 0, amount_remaining: 1500, attempted: true });
    const recovered = (await (await control(`/subscriptions/${subscription.id}/advance`)).json()) as Stripe.Subscription;
    expect(recovered.status).toBe("active");
  });

  it("scopes to the account from Stripe-Account or the body", async () => {
    const shop = await connectedAccount(h.baseUrl);
    const { subscription } = await paidSubscription(h, { stripeAccount: shop });
    const wrongAccount = await control(`/subscriptions/${subscription.id}/advance`, { headers: { "stripe-account": "acct_platform_local" } });
    expect(wrongAccount.status).toBe(404);
    expect(await wrongAccount.json()).toMatchObject({ error: { type: "invalid_request_error", code: "resource_missing" } });
    const byHeader = await control(`/subscriptions/${subscription.id}/advance`, { headers: { "stripe-account": shop } });
    expect(byHeader.status).toBe(200);
    const byJson = await control(`/subscriptions/${subscription.id}/fail_payment`, {
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ account: shop }),
    });
    expect(((await byJson.json()) as Stripe.Subscription).status).toBe("past_due");
    const missing = await control(`/subscriptions/sub_missing/advance`);
    expect(missing.status).toBe(404);
  });
});

describe("billing portal", () => {
  it("creates a session and drives cancel / resume / cancel now from the page", async () => {
    const { subscription, customer } = await paidSubscription(h);
    const configuration = await portalConfiguration(h.stripe);
    const portal = await h.stripe.billingPortal.sessions.create({ customer, return_url: "https://app.example/account" });
    expect(portal).toMatchObject({
      object: "billing_portal.session",
      configuration: configuration.id,
      customer,
      return_url: "https://app.example/account",
      url: `${h.baseUrl}/portal/${portal.id}`,
    });

    const page = await (await fetch(portal.url)).text();
    expect(page).toContain("Pro");
    expect(page).toContain("$15.00");
    expect(page).toContain("Cancel at period end");
    expect(page).toContain('href="https://app.example/account"');
    await h.emulator.idle();
    hook.events.length = 0;

    const action = `${portal.url}/subscriptions/${subscription.id}`;
    const cancel = await postForm(action, { action: "cancel_at_period_end" });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get("location")).toBe(`/portal/${portal.id}`);
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(true);
    expect(await (await fetch(portal.url)).text()).toContain("Resume subscription");

    await postForm(action, { action: "resume" });
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).cancel_at_period_end).toBe(false);

    // Canceling immediately is offered once the configuration's cancel mode says so.
    await h.stripe.billingPortal.configurations.update(configuration.id, { features: { subscription_cancel: { mode: "immediately" } } });
    await postForm(action, { action: "cancel_now" });
    expect((await h.stripe.subscriptions.retrieve(subscription.id)).status).toBe("canceled");
    expect(await (await fetch(portal.url)).text()).toContain("Canceled");

    expect(await eventTypes()).toEqual(["customer.subscription.updated", "customer.subscription.updated", "customer.subscription.deleted"]);
  });

  it("refuses subscriptions of other customers and unknown customers", async () => {
    await portalConfiguration(h.stripe, { subscription_cancel: { enabled: true, mode: "immediately" } });
    const mine = await paidSubscription(h);
    const theirs = await paidSubscription(h);
    const portal = await h.stripe.billingPortal.sessions.create({ customer: mine.customer });
    const response = await postForm(`${portal.url}/subscriptions/${theirs.subscription.id}`, { action: "cancel_now" });
    expect(response.status).toBe(404);
    expect((await h.stripe.subscriptions.retrieve(theirs.subscription.id)).status).toBe("active");

    const unknown = await h.stripe.billingPortal.sessions.create({ customer: "cus_nope" }).catch((e: unknown) => e);
    expect(unknown).toMatchObject({ statusCode: 400, code: "resource_missing", param: "customer" });
    const none = await h.stripe.billingPortal.sessions.create({} as Stripe.BillingPortal.SessionCreateParams).catch((e: unknown) => e);
    expect(none).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "customer" });
  });
});

describe("expand", () => {
  it("expands items.data.price.product", async () => {
    const { subscription } = await paidSubscription(h);
    const expanded = await h.stripe.subscriptions.retrieve(subscription.id, { expand: ["items.data.price.product", "customer"] });
    expect((expanded.items.data[0]!.price.product as Stripe.Product).name).toBe("Pro");
    expect((expanded.customer as Stripe.Customer).email).toBe("sub@example.com");
    const bad = await h.stripe.subscriptions.retrieve(subscription.id, { expand: ["status"] }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ statusCode: 400, message: "This property cannot be expanded (status)." });
  });
});
