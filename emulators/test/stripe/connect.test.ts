import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_KEY, connectedAccount, startEmulator, stripeClient, type Harness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startEmulator();
});
afterEach(() => h.close());

describe("Stripe-Account", () => {
  it("keeps each connected account's objects to itself", async () => {
    const shopA = await connectedAccount(h.baseUrl, "Shop A");
    const shopB = await connectedAccount(h.baseUrl, "Shop B");
    const product = await h.stripe.products.create({ name: "A's product" }, { stripeAccount: shopA });

    expect((await h.stripe.products.retrieve(product.id, {}, { stripeAccount: shopA })).name).toBe("A's product");

    const fromPlatform = await h.stripe.products.retrieve(product.id).catch((e: unknown) => e);
    expect(fromPlatform).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(fromPlatform).toMatchObject({ statusCode: 404, code: "resource_missing" });

    const fromOther = await h.stripe.products.retrieve(product.id, {}, { stripeAccount: shopB }).catch((e: unknown) => e);
    expect(fromOther).toMatchObject({ statusCode: 404, code: "resource_missing" });

    expect((await h.stripe.products.list({}, { stripeAccount: shopB })).data).toEqual([]);
    expect((await h.stripe.products.list()).data).toEqual([]);
    expect((await h.stripe.products.list({}, { stripeAccount: shopA })).data.map((p) => p.id)).toEqual([product.id]);
  });

  it("answers /v1/account for the account acted on", async () => {
    const shop = await connectedAccount(h.baseUrl, "Shop A");
    const account = await h.stripe.accounts.retrieveCurrent({}, { stripeAccount: shop });
    expect(account).toMatchObject({ id: shop, object: "account", charges_enabled: true, business_profile: { name: "Shop A" } });
    expect((await h.stripe.accounts.retrieve(shop)).id).toBe(shop);
    expect((await h.stripe.accounts.retrieveCurrent()).id).toBe("acct_platform_local");
  });

  it("refuses accounts that are not connected", async () => {
    const error = await h.stripe.customers.list({}, { stripeAccount: "acct_unknown123" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripePermissionError);
    expect(error).toMatchObject({ statusCode: 403, code: "account_invalid" });
  });
});

describe("Idempotency-Key", () => {
  it("replays the first response and creates nothing twice", async () => {
    const first = await h.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "key-1" });
    const second = await h.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "key-1" });
    expect(second.id).toBe(first.id);
    expect((await h.stripe.customers.list()).data).toHaveLength(1);
    const events = await h.stripe.events.list({ type: "customer.created" });
    expect(events.data).toHaveLength(1);
    expect(events.data[0]?.request).toEqual({ id: first.lastResponse.requestId, idempotency_key: "key-1" });
  });

  it("marks replays with the Idempotent-Replayed header", async () => {
    const send = () =>
      fetch(`${h.baseUrl}/v1/customers`, {
        method: "POST",
        headers: { authorization: `Bearer ${API_KEY}`, "idempotency-key": "raw-key", "content-type": "application/x-www-form-urlencoded" },
        body: "email=raw%40example.com&metadata[a]=1",
      });
    const first = await send();
    const second = await send();
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    expect(second.headers.get("idempotent-replayed")).toBe("true");
    expect(await second.text()).toBe(await first.text());
  });

  it("rejects the same key with different params", async () => {
    await h.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "key-2" });
    const error = await h.stripe.customers.create({ email: "b@example.com" }, { idempotencyKey: "key-2" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
    expect(error).toMatchObject({ statusCode: 400, type: "StripeIdempotencyError" });
    expect((error as Error).message).toContain("same parameters");
  });

  it("rejects the same key on another endpoint", async () => {
    await h.stripe.customers.create({}, { idempotencyKey: "key-3" });
    const error = await h.stripe.products.create({ name: "x" }, { idempotencyKey: "key-3" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError);
  });

  it("scopes keys to the account", async () => {
    const shop = await connectedAccount(h.baseUrl);
    const platform = await h.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "shared" });
    const connected = await h.stripe.customers.create({ email: "a@example.com" }, { idempotencyKey: "shared", stripeAccount: shop });
    expect(connected.id).not.toBe(platform.id);
  });

  it("does not save a request that failed validation", async () => {
    const failed = await h.stripe.products.create({} as Stripe.ProductCreateParams, { idempotencyKey: "key-4" }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ code: "parameter_missing" });
    const product = await h.stripe.products.create({} as Stripe.ProductCreateParams, { idempotencyKey: "key-4" }).catch((e: unknown) => e);
    expect(product).toMatchObject({ code: "parameter_missing" });
    const other = stripeClient(h.port);
    await expect(other.products.create({ name: "ok" }, { idempotencyKey: "key-4" })).resolves.toMatchObject({ name: "ok" });
  });
});
