import { env } from "cloudflare:test";
import { tierCacheKvKey } from "@dream-api/shared/caches";
import { describe, expect, inject, it } from "vitest";
import { call, connectedDeveloper, createDeveloper, expectError, platformIdOf, stripeFault, standInStripe } from "../../harness";

const stripe = standInStripe();

const FREE = { name: "free", displayName: "Free", kind: "subscription", price: 0, limit: 100, features: ["100 calls"] };
const PRO = { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, currency: "usd", limit: 10000, features: ["10k calls"], popular: true };
const EBOOK = { name: "ebook", displayName: "The e-book", kind: "one_off", price: 500, inventory: 3, description: "A PDF", imageUrl: "https://example.com/book.png" };

describe("tiers as Stripe products", () => {
  it("creates free, subscription and one-off tiers; paid ones get a product and price on the connected account", async () => {
    const { dev, account, platformId } = await connectedDeveloper();
    const res = await call("POST", "/products?mode=test", { token: dev.token, body: { tiers: [FREE, PRO, EBOOK] } });
    expect(res.status).toBe(201);
    const [free, pro, ebook] = res.body.tiers;
    expect(free).toMatchObject({ name: "free", price: 0, limit: 100, productId: null, priceId: null, sortOrder: 0 });
    expect(pro).toMatchObject({ name: "pro", limit: 10000, popular: true, productId: expect.stringMatching(/^prod_/), priceId: expect.stringMatching(/^price_/) });
    expect(ebook).toMatchObject({ kind: "one_off", limit: null, inventory: 3, priceId: expect.stringMatching(/^price_/) });

    const proPrice = await stripe.prices.retrieve(pro.priceId, {}, { stripeAccount: account });
    expect(proPrice).toMatchObject({ unit_amount: 1900, currency: "usd", active: true, product: pro.productId, recurring: { interval: "month" } });
    const ebookPrice = await stripe.prices.retrieve(ebook.priceId, {}, { stripeAccount: account });
    expect(ebookPrice.recurring).toBeNull();
    expect(ebookPrice.type).toBe("one_time");
    const product = await stripe.products.retrieve(ebook.productId, {}, { stripeAccount: account });
    expect(product).toMatchObject({ name: "The e-book", description: "A PDF", images: ["https://example.com/book.png"], metadata: { platformId, mode: "test", tier: "ebook" } });
    await expect(stripe.products.retrieve(pro.productId)).rejects.toThrow(); // not on the platform account

    const cached = await env.TIER_CACHE.get<{ name: string }[]>(tierCacheKvKey({ platformId, mode: "test" }), { type: "json" });
    expect(cached?.map((tier) => tier.name)).toEqual(["free", "pro", "ebook"]);
    expect((await call("GET", "/products?mode=test", { token: dev.token })).body.tiers).toHaveLength(3);
  });

  it("lets free tiers exist without a Stripe connection", async () => {
    const dev = await createDeveloper();
    const res = await call("POST", "/products?mode=test", { token: dev.token, body: FREE });
    expect(res.status).toBe(201);
    expectError(await call("POST", "/products?mode=test", { token: dev.token, body: PRO }), 409, "stripe_not_connected");
  });

  it("changes a price by creating a new price and archiving the old one", async () => {
    const { dev, account, platformId } = await connectedDeveloper();
    const created = (await call("POST", "/products?mode=test", { token: dev.token, body: PRO })).body.tiers[0];
    const res = await call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { price: 2900, displayName: "Pro+", limit: 20000 } });
    expect(res.status).toBe(200);
    expect(res.body.tier).toMatchObject({ price: 2900, displayName: "Pro+", limit: 20000, productId: created.productId });
    expect(res.body.tier.priceId).not.toBe(created.priceId);
    expect((await stripe.prices.retrieve(created.priceId, {}, { stripeAccount: account })).active).toBe(false);
    expect(await stripe.prices.retrieve(res.body.tier.priceId, {}, { stripeAccount: account })).toMatchObject({ active: true, unit_amount: 2900 });
    expect((await stripe.products.retrieve(created.productId, {}, { stripeAccount: account })).name).toBe("Pro+");
    const cached = await env.TIER_CACHE.get<{ name: string; price: number }[]>(tierCacheKvKey({ platformId, mode: "test" }), { type: "json" });
    expect(cached?.find((tier) => tier.name === "pro")?.price).toBe(2900);
    // A change that does not touch the price keeps it.
    const features = await call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { features: ["more"] } });
    expect(features.body.tier.priceId).toBe(res.body.tier.priceId);
  });

  it("clears a tier's image and description in Stripe, and sets them again", async () => {
    const { dev, account } = await connectedDeveloper();
    const created = (await call("POST", "/products?mode=test", { token: dev.token, body: EBOOK })).body.tiers[0];
    const onAccount = { stripeAccount: account };

    const noImage = await call("PATCH", "/products/ebook?mode=test", { token: dev.token, body: { imageUrl: null } });
    expect(noImage.status).toBe(200);
    expect(noImage.body.tier).toMatchObject({ imageUrl: null, description: "A PDF" });
    expect(await stripe.products.retrieve(created.productId, {}, onAccount)).toMatchObject({ images: [], description: "A PDF" });

    const noDescription = await call("PATCH", "/products/ebook?mode=test", { token: dev.token, body: { description: null } });
    expect(noDescription.body.tier).toMatchObject({ imageUrl: null, description: null });
    expect(await stripe.products.retrieve(created.productId, {}, onAccount)).toMatchObject({ images: [], description: null });

    await call("PATCH", "/products/ebook?mode=test", { token: dev.token, body: { imageUrl: "https://example.com/v2.png", description: "v2" } });
    expect(await stripe.products.retrieve(created.productId, {}, onAccount)).toMatchObject({ images: ["https://example.com/v2.png"], description: "v2" });
    // An empty description is stored as given and unsets Stripe's.
    await call("PATCH", "/products/ebook?mode=test", { token: dev.token, body: { description: "" } });
    expect(await stripe.products.retrieve(created.productId, {}, onAccount)).toMatchObject({ images: ["https://example.com/v2.png"], description: null });
  });

  it("going free and back to the same price stores an active price (Stripe replays the first create, archived since)", async () => {
    const { dev, account } = await connectedDeveloper();
    const created = (await call("POST", "/products?mode=test", { token: dev.token, body: PRO })).body.tiers[0];
    const free = await call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { price: 0 } });
    expect(free.body.tier).toMatchObject({ price: 0, priceId: null, productId: created.productId });
    expect((await stripe.prices.retrieve(created.priceId, {}, { stripeAccount: account })).active).toBe(false);
    const back = await call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { price: PRO.price } });
    expect(back.status).toBe(200);
    expect(back.body.tier.priceId).toBe(created.priceId);
    expect((await stripe.prices.retrieve(back.body.tier.priceId, {}, { stripeAccount: account })).active).toBe(true);
  });

  it("archives on delete without deleting anything: product and price inactive, row kept", async () => {
    const { dev, account, platformId } = await connectedDeveloper();
    const created = (await call("POST", "/products?mode=test", { token: dev.token, body: PRO })).body.tiers[0];
    const res = await call("DELETE", "/products/pro?mode=test", { token: dev.token });
    expect(res.status).toBe(200);
    expect(res.body.tier.archived).toBe(true);
    expect((await stripe.products.retrieve(created.productId, {}, { stripeAccount: account })).active).toBe(false);
    expect((await stripe.prices.retrieve(created.priceId, {}, { stripeAccount: account })).active).toBe(false);
    const row = await env.DB.prepare("SELECT archived_at, price_id FROM tiers WHERE platform_id = ?1 AND name = 'pro'").bind(platformId).first();
    expect(row).toMatchObject({ price_id: created.priceId });
    expect(row?.["archived_at"]).not.toBeNull();
    expectError(await call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { price: 1 } }), 409, "conflict");
    // Names stay unique among archived tiers too (subscribers may still be on them).
    const again = await call("POST", "/products?mode=test", { token: dev.token, body: PRO });
    expectError(again, 409, "conflict");
    expect(again.body.error.param).toBe("name");
    expectError(await call("DELETE", "/products/nope?mode=test", { token: dev.token }), 404, "not_found");
  });

  it("fails with 502 when Stripe fails midway, leaves no row, and a retry completes without duplicates", async () => {
    const { dev, account, platformId } = await connectedDeveloper();
    const faulty = { STRIPE_API_BASE: inject("stripeFaultyApiBase") } as Partial<Env>;
    await stripeFault({ method: "POST", pathPrefix: "/v1/prices" });
    try {
      const failed = await call("POST", "/products?mode=test", { token: dev.token, body: PRO, envOverrides: faulty });
      expectError(failed, 502, "stripe_error");
    } finally {
      await stripeFault(null);
    }
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM tiers WHERE platform_id = ?1").bind(platformId).first<{ n: number }>();
    expect(rows?.n).toBe(0);
    const retried = await call("POST", "/products?mode=test", { token: dev.token, body: PRO, envOverrides: faulty });
    expect(retried.status).toBe(201);
    const products = await stripe.products.list({ limit: 100 }, { stripeAccount: account });
    expect(products.data.filter((product) => product.metadata["tier"] === "pro")).toHaveLength(1);
    const prices = await stripe.prices.list({ product: retried.body.tiers[0].productId, limit: 100 }, { stripeAccount: account });
    expect(prices.data).toHaveLength(1);
  });

  it("retries a price change that failed after the new price was made, archiving exactly once", async () => {
    const { dev, account } = await connectedDeveloper();
    const created = (await call("POST", "/products?mode=test", { token: dev.token, body: PRO })).body.tiers[0];
    const faulty = { STRIPE_API_BASE: inject("stripeFaultyApiBase") } as Partial<Env>;
    await stripeFault({ method: "POST", pathPrefix: `/v1/prices/${created.priceId}` });
    try {
      expectError(await call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { price: 2500 }, envOverrides: faulty }), 502, "stripe_error");
    } finally {
      await stripeFault(null);
    }
    // The archive of the old price comes after D1 stores the new one: D1 never names an archived price.
    const stored = (await call("GET", "/products?mode=test", { token: dev.token })).body.tiers[0];
    expect(stored).toMatchObject({ price: 2500 });
    expect((await stripe.prices.retrieve(stored.priceId, {}, { stripeAccount: account })).active).toBe(true);
    const retried = await call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { price: 2500 } });
    expect(retried.status).toBe(200);
    const prices = await stripe.prices.list({ product: created.productId, limit: 100 }, { stripeAccount: account });
    expect(prices.data.map((price) => [price.unit_amount, price.active]).sort()).toEqual([
      [1900, false],
      [2500, true],
    ]);
  });
});

describe("tier bad input", () => {
  const cases: [string, unknown, string][] = [
    ["an upper-case name", { ...FREE, name: "Pro Plan" }, "name"],
    ["a negative price", { ...FREE, price: -1 }, "price"],
    ["a fractional price", { ...FREE, price: 9.99 }, "price"],
    ["a negative limit", { ...FREE, limit: -5 }, "limit"],
    ["an unknown currency", { ...FREE, currency: "xyz" }, "currency"],
    ["a limit on a one-off", { ...EBOOK, limit: 5 }, "limit"],
    ["an unknown kind", { ...FREE, kind: "weekly" }, "kind"],
    ["an unknown field", { ...FREE, trial: 14 }, "trial"],
    // A computed key is an own property, so JSON.stringify sends it: {"__proto__":"x"}.
    ["an own __proto__ field", { ...FREE, ["__proto__"]: "x" }, "__proto__"],
    ["the same name twice", { tiers: [FREE, FREE] }, "tiers.1.name"],
    ["more than 20 tiers", { tiers: Array.from({ length: 21 }, (_, i) => ({ ...FREE, name: `t${i}` })) }, "tiers"],
    ["a bad tier inside a list", { tiers: [FREE, { ...FREE, name: "b", price: "10" }] }, "tiers.1.price"],
  ];

  it.each(cases)("rejects %s with 400 naming the field, writing nothing", async (_label, body, param) => {
    const dev = await createDeveloper();
    const res = await call("POST", "/products?mode=test", { token: dev.token, body });
    expectError(res, 400, "invalid_request");
    expect(res.body.error.param).toBe(param);
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM tiers WHERE platform_id = ?1")
      .bind(await platformIdOf(dev))
      .first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("refuses a 21st active tier across requests", async () => {
    const dev = await createDeveloper();
    await call("POST", "/products?mode=test", { token: dev.token, body: { tiers: Array.from({ length: 20 }, (_, i) => ({ ...FREE, name: `t${i}` })) } });
    const res = await call("POST", "/products?mode=test", { token: dev.token, body: { ...FREE, name: "one-more" } });
    expectError(res, 400, "invalid_request");
    expect(res.body.error.param).toBe("tiers");
  });

  it("rejects bad patches", async () => {
    const dev = await createDeveloper();
    await call("POST", "/products?mode=test", { token: dev.token, body: { tiers: [FREE, { ...EBOOK, price: 0 }] } });
    expectError(await call("PATCH", "/products/free?mode=test", { token: dev.token, body: { kind: "one_off" } }), 400, "invalid_request");
    expectError(await call("PATCH", "/products/free?mode=test", { token: dev.token, body: { price: -3 } }), 400, "invalid_request");
    expectError(await call("PATCH", "/products/ebook?mode=test", { token: dev.token, body: { limit: 10 } }), 400, "invalid_request");
    expectError(await call("PATCH", "/products/BAD%20NAME?mode=test", { token: dev.token, body: { price: 1 } }), 400, "invalid_request");
    expectError(await call("PATCH", "/products/missing?mode=test", { token: dev.token, body: { price: 1 } }), 404, "not_found");
  });
});
