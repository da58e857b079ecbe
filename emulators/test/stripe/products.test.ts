/**
 * Unsetting product fields the way Stripe does: on update an empty string
 * (`images=`, `description=`, `url=`) clears a field that may be unset
 * (stripe-node's `Emptyable`), and refuses one that may not; on create no
 * field may be unset. stripe-node drops an empty array from the form body,
 * so `images: []` changes nothing — `images: ""` is the way to clear.
 */
import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_KEY, startEmulator, type Harness } from "./harness.js";

let h: Harness;
beforeEach(async () => {
  h = await startEmulator();
});
afterEach(() => h.close());

const cannotUnset = (param: string) => ({
  type: "StripeInvalidRequestError",
  statusCode: 400,
  code: "parameter_invalid_empty",
  param,
  message: `You passed an empty string for '${param}'. We assume empty values are an attempt to unset a parameter; however '${param}' cannot be unset. You should remove '${param}' from your request or supply a non-empty value.`,
});

/** A raw form POST, for bodies stripe-node would not send. */
async function post(path: string, body: string): Promise<{ status: number; json: any }> {
  const response = await fetch(`${h.baseUrl}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/x-www-form-urlencoded" },
    body,
  });
  return { status: response.status, json: await response.json() };
}

describe("product updates that unset fields", () => {
  it("clears images with images= (an empty string), as Stripe does", async () => {
    const product = await h.stripe.products.create({ name: "Book", images: ["https://example.com/a.png", "https://example.com/b.png"] });
    expect(product.images).toEqual(["https://example.com/a.png", "https://example.com/b.png"]);
    const cleared = await h.stripe.products.update(product.id, { images: "" });
    expect(cleared.images).toEqual([]);
    expect(await h.stripe.products.retrieve(product.id)).toEqual(cleared);
    const again = await h.stripe.products.update(product.id, { images: ["https://example.com/c.png"] });
    expect(again.images).toEqual(["https://example.com/c.png"]);
  });

  it("leaves images alone for images: [] (stripe-node sends no images param at all)", async () => {
    const product = await h.stripe.products.create({ name: "Book", images: ["https://example.com/a.png"] });
    const updated = await h.stripe.products.update(product.id, { images: [], name: "Book 2" });
    expect(updated).toMatchObject({ name: "Book 2", images: ["https://example.com/a.png"] });
  });

  it("clears description and url with an empty string, to null as in Stripe's product fixture", async () => {
    const product = await h.stripe.products.create({ name: "Book", description: "A PDF", url: "https://example.com/book" });
    const cleared = await h.stripe.products.update(product.id, { description: "", url: "" });
    expect(cleared).toMatchObject({ description: null, url: null, name: "Book" });
    const raw = await post(`/v1/products/${product.id}`, "description=Back");
    expect(raw).toMatchObject({ status: 200, json: { description: "Back", url: null } });
  });

  it("emits product.updated with the cleared fields' previous values", async () => {
    const product = await h.stripe.products.create({ name: "Book", description: "A PDF", images: ["https://example.com/a.png"] });
    await h.stripe.products.update(product.id, { images: "", description: "" });
    const events = await h.stripe.events.list({ type: "product.updated" });
    expect(events.data[0]?.data).toMatchObject({
      object: { id: product.id, images: [], description: null },
      previous_attributes: { images: ["https://example.com/a.png"], description: "A PDF" },
    });
  });

  it("refuses an empty string for a field that cannot be unset (default_price), changing nothing", async () => {
    const product = await h.stripe.products.create({ name: "Book", default_price_data: { currency: "usd", unit_amount: 500 } });
    const error = await h.stripe.products.update(product.id, { default_price: "", description: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    expect(error).toMatchObject(cannotUnset("default_price"));
    expect(await h.stripe.products.retrieve(product.id)).toEqual(product);
  });

  it("changes nothing when a later param is refused (Stripe applies an update whole or not at all)", async () => {
    const product = await h.stripe.products.create({ name: "Book", description: "A PDF", images: ["https://example.com/a.png"] });
    const other = await h.stripe.products.create({ name: "Other", default_price_data: { currency: "usd", unit_amount: 500 } });
    const error = await h.stripe.products.update(product.id, { name: "Renamed", description: "", images: "", default_price: String(other.default_price) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ statusCode: 400, param: "default_price" });
    expect(await h.stripe.products.retrieve(product.id)).toEqual(product);
    expect((await h.stripe.events.list({ type: "product.updated" })).data).toEqual([]);
  });

  it("still refuses an empty name and an images value that is neither a list nor empty", async () => {
    const product = await h.stripe.products.create({ name: "Book" });
    expect(await h.stripe.products.update(product.id, { name: "" }).catch((e: unknown) => e)).toMatchObject({ statusCode: 400, param: "name" });
    expect(await post(`/v1/products/${product.id}`, "images=https%3A%2F%2Fexample.com%2Fa.png")).toMatchObject({ status: 400, json: { error: { param: "images" } } });
    expect(await h.stripe.products.retrieve(product.id)).toEqual(product);
  });
});

describe("product creates refuse unsets", () => {
  it.each([
    ["images", "name=Book&images="],
    ["description", "name=Book&description="],
    ["url", "name=Book&url="],
  ])("refuses %s= on create with Stripe's empty-string error, creating nothing", async (param, body) => {
    const { status, json } = await post("/v1/products", body);
    expect(status).toBe(400);
    const expected = cannotUnset(param);
    expect(json.error).toMatchObject({ type: "invalid_request_error", code: expected.code, param, message: expected.message });
    expect((await h.stripe.products.list()).data).toEqual([]);
  });

  it("creates with images and description given, and without them: images [] and description null", async () => {
    const full = await h.stripe.products.create({ name: "Book", description: "A PDF", images: ["https://example.com/a.png"] });
    expect(full).toMatchObject({ description: "A PDF", images: ["https://example.com/a.png"] });
    const bare = await h.stripe.products.create({ name: "Bare" });
    expect(bare).toMatchObject({ description: null, images: [], url: null });
  });
});
