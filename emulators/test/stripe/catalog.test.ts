import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type Harness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startEmulator();
});
afterEach(() => h.close());

describe("customers", () => {
  it("creates, retrieves, updates and lists", async () => {
    const created = await h.stripe.customers.create({ email: "ada@example.com", name: "Ada", metadata: { userId: "u_1" } });
    expect(created).toMatchObject({ object: "customer", email: "ada@example.com", name: "Ada", metadata: { userId: "u_1" }, livemode: false });
    expect(created.id).toMatch(/^cus_/);

    const updated = await h.stripe.customers.update(created.id, { name: "Ada L.", metadata: { plan: "pro", userId: "" } });
    expect(updated.name).toBe("Ada L.");
    expect(updated.metadata).toEqual({ plan: "pro" });

    const fetched = await h.stripe.customers.retrieve(created.id);
    expect(fetched).toEqual(updated);

    await h.stripe.customers.create({ email: "bob@example.com" });
    const byEmail = await h.stripe.customers.list({ email: "ada@example.com" });
    expect(byEmail.data.map((c) => c.id)).toEqual([created.id]);
    const all = await h.stripe.customers.list();
    expect(all.data).toHaveLength(2);
    expect(all.data[0]?.email).toBe("bob@example.com");
  });

  it("paginates newest first with cursors, as auto-pagination expects", async () => {
    for (let i = 0; i < 5; i++) await h.stripe.customers.create({ email: `c${i}@example.com` });
    const page = await h.stripe.customers.list({ limit: 2 });
    expect(page.has_more).toBe(true);
    expect(page.data.map((c) => c.email)).toEqual(["c4@example.com", "c3@example.com"]);
    const emails: string[] = [];
    for await (const customer of h.stripe.customers.list({ limit: 2 })) emails.push(customer.email ?? "");
    expect(emails).toEqual(["c4@example.com", "c3@example.com", "c2@example.com", "c1@example.com", "c0@example.com"]);
  });

  it("rejects an invalid email with Stripe's error", async () => {
    const error = await h.stripe.customers.create({ email: "not-an-email" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject({ statusCode: 400, code: "email_invalid", param: "email" });
  });
});

describe("products and prices", () => {
  it("creates, updates (incl. archiving) and lists products", async () => {
    const product = await h.stripe.products.create({ name: "Pro", description: "Pro tier", metadata: { tier: "pro" } });
    expect(product).toMatchObject({ object: "product", name: "Pro", active: true, description: "Pro tier", default_price: null });

    const archived = await h.stripe.products.update(product.id, { active: false, name: "Pro (old)" });
    expect(archived).toMatchObject({ active: false, name: "Pro (old)" });
    expect(await h.stripe.products.retrieve(product.id)).toEqual(archived);

    const other = await h.stripe.products.create({ name: "Basic" });
    expect((await h.stripe.products.list({ active: true })).data.map((p) => p.id)).toEqual([other.id]);
    expect((await h.stripe.products.list({ active: false })).data.map((p) => p.id)).toEqual([product.id]);
  });

  it("creates a product with default_price_data", async () => {
    const product = await h.stripe.products.create({
      name: "Starter",
      default_price_data: { currency: "usd", unit_amount: 900, recurring: { interval: "month" } },
    });
    expect(product.default_price).toMatch(/^price_/);
    const price = await h.stripe.prices.retrieve(String(product.default_price));
    expect(price).toMatchObject({ product: product.id, unit_amount: 900, type: "recurring" });
  });

  it("creates monthly and one-off prices, updates active, lists by product", async () => {
    const product = await h.stripe.products.create({ name: "Pro" });
    const monthly = await h.stripe.prices.create({
      product: product.id,
      currency: "usd",
      unit_amount: 1500,
      recurring: { interval: "month" },
      metadata: { tier: "pro" },
    });
    expect(monthly).toMatchObject({
      object: "price",
      type: "recurring",
      unit_amount: 1500,
      currency: "usd",
      recurring: { interval: "month", interval_count: 1, usage_type: "licensed" },
      active: true,
    });
    // stripe-node parses decimal strings into its Decimal type.
    expect(String(monthly.unit_amount_decimal)).toBe("1500");
    const oneOff = await h.stripe.prices.create({ product: product.id, currency: "usd", unit_amount: 5000 });
    expect(oneOff).toMatchObject({ type: "one_time", recurring: null });

    const inactive = await h.stripe.prices.update(monthly.id, { active: false });
    expect(inactive.active).toBe(false);

    const otherProduct = await h.stripe.products.create({ name: "Other" });
    await h.stripe.prices.create({ product: otherProduct.id, currency: "usd", unit_amount: 100 });

    const forProduct = await h.stripe.prices.list({ product: product.id });
    expect(forProduct.data.map((p) => p.id)).toEqual([oneOff.id, monthly.id]);
    const activeForProduct = await h.stripe.prices.list({ product: product.id, active: true });
    expect(activeForProduct.data.map((p) => p.id)).toEqual([oneOff.id]);
    const expanded = await h.stripe.prices.retrieve(monthly.id, { expand: ["product"] });
    expect((expanded.product as Stripe.Product).name).toBe("Pro");
  });

  it("creates the product inline with product_data", async () => {
    const price = await h.stripe.prices.create({ currency: "eur", unit_amount: 700, product_data: { name: "Add-on" } });
    const product = await h.stripe.products.retrieve(String(price.product));
    expect(product.name).toBe("Add-on");
  });

  it("validates required params and references", async () => {
    const noName = await h.stripe.products.create({} as Stripe.ProductCreateParams).catch((e: unknown) => e);
    expect(noName).toMatchObject({ type: "StripeInvalidRequestError", statusCode: 400, code: "parameter_missing", param: "name" });

    const noProduct = await h.stripe.prices.create({ currency: "usd", unit_amount: 100 }).catch((e: unknown) => e);
    expect(noProduct).toMatchObject({ statusCode: 400, code: "parameter_missing", param: "product" });

    const unknownProduct = await h.stripe.prices.create({ currency: "usd", unit_amount: 100, product: "prod_nope" }).catch((e: unknown) => e);
    expect(unknownProduct).toMatchObject({ statusCode: 400, code: "resource_missing", param: "product", message: "No such product: 'prod_nope'" });

    const badInterval = await h.stripe.prices.create({ currency: "usd", unit_amount: 100, product_data: { name: "x" }, recurring: { interval: "fortnight" as "month" } }).catch((e: unknown) => e);
    expect(badInterval).toMatchObject({ statusCode: 400, param: "recurring[interval]" });

    const missing = await h.stripe.prices.retrieve("price_missing").catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing", param: "id" });
  });
});
