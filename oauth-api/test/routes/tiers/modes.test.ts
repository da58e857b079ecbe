/**
 * Test mode and live mode are two worlds for tiers (issue 15), like Stripe's
 * products: every tier operation names its mode (`?mode=test|live`, no
 * default), a tier of one mode is invisible to the other (listed, changed
 * and archived only through its own mode, while the same name may exist in
 * both), and its Stripe objects are made on the connected account in its
 * mode — a live tier's product and price exist in live mode only and say
 * `mode: "live"` in their metadata. Writing live tiers needs the paid plan
 * (403 `live_mode_unavailable`, nothing written, no Stripe call); reading
 * them does not. Going live copies the active test tiers that live mode
 * lacks (POST /products/copy-to-live): all or none, once.
 */
import { env } from "cloudflare:test";
import { MAX_TIERS } from "@dream-api/shared";
import { tierCacheKvKey } from "@dream-api/shared/caches";
import type Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { STRIPE_ATTEMPTS } from "@dream-api/testkit/arbitraries";
import { call, connectedDeveloper, developerRows, expectError, FaultProxy, paidDeveloper, platformIdOf, standInStripe } from "../../harness";

type Mode = "test" | "live";

const stripe: Record<Mode, Stripe> = { test: standInStripe("test"), live: standInStripe("live") };

const FREE = { name: "free", displayName: "Free", kind: "subscription", price: 0, limit: 100, features: ["100 calls"] };
const PRO = { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, currency: "usd", limit: 10000, features: ["10k calls"], popular: true };
const EBOOK = { name: "ebook", displayName: "The e-book", kind: "one_off", price: 500, inventory: 3, description: "A PDF", imageUrl: "https://example.com/book.png" };

/** `/products[/name]?mode=…` */
function tiersPath(mode: Mode, name?: string): string {
  return `/products${name ? `/${name}` : ""}?mode=${mode}`;
}

interface TierBody {
  name: string;
  price: number;
  productId: string | null;
  priceId: string | null;
  archived: boolean;
  [field: string]: unknown;
}

async function listed(token: string, mode: Mode): Promise<TierBody[]> {
  const result = await call("GET", tiersPath(mode), { token });
  expect(result.status, JSON.stringify(result.body)).toBe(200);
  return result.body.tiers;
}

async function created(token: string, mode: Mode, body: unknown): Promise<TierBody[]> {
  const result = await call("POST", tiersPath(mode), { token, body });
  expect(result.status, JSON.stringify(result.body)).toBe(201);
  return result.body.tiers;
}

const names = (tiers: readonly { name: string }[]) => tiers.map((tier) => tier.name);

/** The products on a connected account as the platform's key of `mode` sees them (id, active, tier). */
async function productsOn(mode: Mode, account: string): Promise<string[]> {
  const products = await stripe[mode].products.list({ limit: 100 }, { stripeAccount: account });
  return products.data.map((product) => `${product.id}:${product.active}:${product.metadata["tier"]}`).sort();
}

async function pricesOn(mode: Mode, account: string): Promise<string[]> {
  const prices = await stripe[mode].prices.list({ limit: 100 }, { stripeAccount: account });
  return prices.data.map((price) => `${price.id}:${price.active}:${price.unit_amount}`).sort();
}

/** Everything a developer owns: D1 rows (both modes) and the Stripe objects on its account in both modes. */
async function everything(devId: string, platformId: string, account: string | null) {
  return {
    rows: await developerRows(devId, platformId),
    stripe: account ? { test: [await productsOn("test", account), await pricesOn("test", account)], live: [await productsOn("live", account), await pricesOn("live", account)] } : null,
  };
}

describe("test and live tiers are two worlds", () => {
  it("lists a tier only in its own mode; the same name may exist in both, with its own Stripe objects", async () => {
    const { dev, platformId } = await connectedDeveloper({ plan: "paid" });
    const test = await created(dev.token, "test", { tiers: [FREE, PRO] });
    expect(await listed(dev.token, "live")).toEqual([]);

    const live = await created(dev.token, "live", {
      tiers: [
        { ...PRO, price: 2900 },
        { ...FREE, name: "live-only" },
      ],
    });
    expect(names(await listed(dev.token, "test"))).toEqual(["free", "pro"]);
    expect(names(await listed(dev.token, "live"))).toEqual(["pro", "live-only"]);
    const testPro = test.find((tier) => tier.name === "pro")!;
    const livePro = live.find((tier) => tier.name === "pro")!;
    expect(testPro).toMatchObject({ price: 1900 });
    expect(livePro).toMatchObject({ price: 2900, productId: expect.stringMatching(/^prod_/), priceId: expect.stringMatching(/^price_/) });
    expect(livePro.productId).not.toBe(testPro.productId);
    expect(livePro.priceId).not.toBe(testPro.priceId);
    expect((await listed(dev.token, "test")).find((tier) => tier.name === "pro")).toEqual(testPro);

    // One cached list per mode (api-multi reads the list of the key's mode).
    const cached = async (mode: Mode) => names((await env.TIER_CACHE.get<{ name: string }[]>(tierCacheKvKey({ platformId, mode }), { type: "json" })) ?? []);
    expect(await cached("test")).toEqual(["free", "pro"]);
    expect(await cached("live")).toEqual(["pro", "live-only"]);
  });

  it("PATCH and DELETE of a tier through the other mode are 404 and change nothing", async () => {
    const { dev, account, platformId } = await connectedDeveloper({ plan: "paid" });
    await created(dev.token, "test", PRO);
    await created(dev.token, "live", { ...EBOOK, name: "live-book" });
    const before = await everything(dev.id, platformId, account);

    expectError(await call("PATCH", tiersPath("live", "pro"), { token: dev.token, body: { price: 1 } }), 404, "not_found");
    expectError(await call("DELETE", tiersPath("live", "pro"), { token: dev.token }), 404, "not_found");
    expectError(await call("PATCH", tiersPath("test", "live-book"), { token: dev.token, body: { displayName: "Moved" } }), 404, "not_found");
    expectError(await call("DELETE", tiersPath("test", "live-book"), { token: dev.token }), 404, "not_found");

    expect(await everything(dev.id, platformId, account)).toEqual(before);
  });

  it("a change or an archive in one mode leaves the other mode's tier of the same name alone", async () => {
    const { dev, account } = await connectedDeveloper({ plan: "paid" });
    const [testPro] = await created(dev.token, "test", PRO);
    const [livePro] = await created(dev.token, "live", PRO);

    const changed = await call("PATCH", tiersPath("live", "pro"), { token: dev.token, body: { price: 3900, displayName: "Pro (live)" } });
    expect(changed.status).toBe(200);
    expect(changed.body.tier).toMatchObject({ price: 3900, displayName: "Pro (live)", productId: livePro!.productId });
    expect(await stripe.live.prices.retrieve(changed.body.tier.priceId, {}, { stripeAccount: account })).toMatchObject({ active: true, unit_amount: 3900, livemode: true });
    expect((await stripe.live.prices.retrieve(livePro!.priceId!, {}, { stripeAccount: account })).active).toBe(false);

    const archived = await call("DELETE", tiersPath("live", "pro"), { token: dev.token });
    expect(archived.body.tier.archived).toBe(true);
    expect((await stripe.live.products.retrieve(livePro!.productId!, {}, { stripeAccount: account })).active).toBe(false);

    // The test tier is as it was created, and so are its Stripe objects.
    expect((await listed(dev.token, "test"))[0]).toEqual(testPro);
    expect(await stripe.test.prices.retrieve(testPro!.priceId!, {}, { stripeAccount: account })).toMatchObject({ active: true, unit_amount: 1900 });
    expect(await stripe.test.products.retrieve(testPro!.productId!, {}, { stripeAccount: account })).toMatchObject({ active: true, name: "Pro" });
  });

  it("makes a live tier's product and price in live mode only, with metadata mode live (and a test tier's in test mode only)", async () => {
    const { dev, account, platformId } = await connectedDeveloper({ plan: "paid" });
    const [testBook] = await created(dev.token, "test", EBOOK);
    const [liveBook] = await created(dev.token, "live", EBOOK);
    const onAccount = { stripeAccount: account };

    const liveProduct = await stripe.live.products.retrieve(liveBook!.productId!, {}, onAccount);
    expect(liveProduct).toMatchObject({ livemode: true, active: true, name: "The e-book", metadata: { platformId, mode: "live", tier: "ebook" } });
    expect(await stripe.live.prices.retrieve(liveBook!.priceId!, {}, onAccount)).toMatchObject({
      livemode: true,
      active: true,
      unit_amount: 500,
      type: "one_time",
      product: liveBook!.productId,
      metadata: { platformId, mode: "live", tier: "ebook" },
    });
    await expect(stripe.test.products.retrieve(liveBook!.productId!, {}, onAccount)).rejects.toThrow();
    await expect(stripe.test.prices.retrieve(liveBook!.priceId!, {}, onAccount)).rejects.toThrow();

    expect(await stripe.test.products.retrieve(testBook!.productId!, {}, onAccount)).toMatchObject({ livemode: false, metadata: { platformId, mode: "test", tier: "ebook" } });
    expect(await stripe.test.prices.retrieve(testBook!.priceId!, {}, onAccount)).toMatchObject({ livemode: false, metadata: { platformId, mode: "test", tier: "ebook" } });
    await expect(stripe.live.products.retrieve(testBook!.productId!, {}, onAccount)).rejects.toThrow();
    await expect(stripe.live.prices.retrieve(testBook!.priceId!, {}, onAccount)).rejects.toThrow();

    // Each mode's catalog on the account holds its own tier only.
    expect(await productsOn("live", account)).toEqual([`${liveBook!.productId}:true:ebook`]);
    expect(await productsOn("test", account)).toEqual([`${testBook!.productId}:true:ebook`]);
  });

  it(`counts the ${MAX_TIERS}-active-tier cap per mode`, async () => {
    const dev = await paidDeveloper();
    await created(dev.token, "test", { tiers: Array.from({ length: MAX_TIERS }, (_, i) => ({ ...FREE, name: `t${i}` })) });
    const full = await call("POST", tiersPath("test"), { token: dev.token, body: { ...FREE, name: "one-more" } });
    expectError(full, 400, "invalid_request");
    expect(full.body.error.param).toBe("tiers");
    expect(names(await created(dev.token, "live", { ...FREE, name: "one-more" }))).toEqual(["one-more"]);
  });
});

describe("live mode needs the paid plan", () => {
  it("refuses a free developer's live create, update, archive and copy with 403 live_mode_unavailable, writing nothing and calling no Stripe", async () => {
    const { dev, account, platformId } = await connectedDeveloper();
    await created(dev.token, "test", { tiers: [FREE, PRO] });
    const before = await everything(dev.id, platformId, account);
    expect(before.stripe?.live).toEqual([[], []]);
    // Stripe is reached through a proxy of this test's own, whose log shows any call.
    const proxy = await FaultProxy.open("stripe");
    const viaProxy = { STRIPE_API_BASE: proxy.url } as Partial<Env>;

    const attempts = [
      await call("POST", tiersPath("live"), { token: dev.token, body: PRO, envOverrides: viaProxy }),
      await call("POST", tiersPath("live"), { token: dev.token, body: FREE, envOverrides: viaProxy }),
      await call("PATCH", tiersPath("live", "pro"), { token: dev.token, body: { price: 2900 }, envOverrides: viaProxy }),
      await call("DELETE", tiersPath("live", "pro"), { token: dev.token, envOverrides: viaProxy }),
      await call("POST", "/products/copy-to-live", { token: dev.token, body: {}, envOverrides: viaProxy }),
    ];
    for (const result of attempts) {
      expectError(result, 403, "live_mode_unavailable");
      expect(result.body.error.message).toMatch(/paid plan/);
    }
    expect(await proxy.requests()).toEqual([]);
    expect(await everything(dev.id, platformId, account)).toEqual(before);
    expect(await listed(dev.token, "live")).toEqual([]);
  });

  it("lets any plan read live tiers: a developer back on the free plan still lists them, and may not change them", async () => {
    const { dev, account, platformId } = await connectedDeveloper({ plan: "paid" });
    const live = await created(dev.token, "live", { tiers: [FREE, PRO] });
    // The $15/month plan ends (the platform webhook writes plan = free).
    await env.DB.prepare("UPDATE platforms SET plan = 'free' WHERE platform_id = ?1").bind(platformId).run();
    expect(await listed(dev.token, "live")).toEqual(live);

    const before = await everything(dev.id, platformId, account);
    expectError(await call("PATCH", tiersPath("live", "pro"), { token: dev.token, body: { price: 2900 } }), 403, "live_mode_unavailable");
    expectError(await call("DELETE", tiersPath("live", "free"), { token: dev.token }), 403, "live_mode_unavailable");
    expect(await everything(dev.id, platformId, account)).toEqual(before);
    // Test mode stays open on the free plan.
    expect(names(await created(dev.token, "test", FREE))).toEqual(["free"]);
  });
});

describe("the mode is required", () => {
  const operations: [string, (mode: string) => string, unknown][] = [
    ["GET /products", (query) => `/products${query}`, undefined],
    ["POST /products", (query) => `/products${query}`, FREE],
    ["PATCH /products/:name", (query) => `/products/free${query}`, { price: 0 }],
    ["DELETE /products/:name", (query) => `/products/free${query}`, undefined],
  ];
  const queries = ["", "?mode", "?mode=", "?mode=TEST", "?mode=prod", "?mode=test%20", "?mode=%00"];

  it.each(operations)("%s: a missing or bad mode is 400 invalid_request naming mode, and writes nothing", async (label, path, body) => {
    const dev = await paidDeveloper();
    await created(dev.token, "test", FREE);
    const platformId = await platformIdOf(dev);
    const before = await developerRows(dev.id, platformId);
    for (const query of queries) {
      const result = await call(label.split(" ")[0]!, path(query), { token: dev.token, ...(body === undefined ? {} : { body }) });
      expectError(result, 400, "invalid_request");
      expect(result.body.error.param, `${label} ${query}`).toBe("mode");
    }
    expect(await developerRows(dev.id, platformId)).toEqual(before);
  });
});

describe("POST /products/copy-to-live", () => {
  it("copies the active test tiers live mode lacks (not archived ones, not names live already has), with live prices, once", async () => {
    const { dev, account, platformId } = await connectedDeveloper({ plan: "paid" });
    const onAccount = { stripeAccount: account };
    await created(dev.token, "test", { tiers: [FREE, PRO, EBOOK, { ...FREE, name: "old" }, { ...FREE, name: "gone" }] });
    expect((await call("DELETE", tiersPath("test", "old"), { token: dev.token })).status).toBe(200);
    // Live already has pro (another price) and gone (archived: its name stays taken).
    const [livePro] = await created(dev.token, "live", { ...PRO, price: 2900 });
    await created(dev.token, "live", { ...FREE, name: "gone" });
    expect((await call("DELETE", tiersPath("live", "gone"), { token: dev.token })).status).toBe(200);
    const testBefore = await listed(dev.token, "test");

    const copy = await call("POST", "/products/copy-to-live", { token: dev.token, body: {} });
    expect(copy.status, JSON.stringify(copy.body)).toBe(200);
    expect([...copy.body.copied].sort()).toEqual(["ebook", "free"]);
    const live: TierBody[] = copy.body.tiers;
    expect(live).toEqual(await listed(dev.token, "live"));
    expect(names(live).sort()).toEqual(["ebook", "free", "gone", "pro"]);
    expect(live.find((tier) => tier.name === "pro")).toEqual(livePro);
    expect(live.find((tier) => tier.name === "gone")?.archived).toBe(true);
    expect(live.find((tier) => tier.name === "free")).toMatchObject({ price: 0, limit: 100, features: ["100 calls"], productId: null, priceId: null, archived: false });

    const testBook = testBefore.find((tier) => tier.name === "ebook")!;
    const liveBook = live.find((tier) => tier.name === "ebook")!;
    const { productId: _product, priceId: _price, ...bookFields } = testBook;
    expect(liveBook).toMatchObject(bookFields);
    expect(liveBook.productId).not.toBe(testBook.productId);
    expect(await stripe.live.prices.retrieve(liveBook.priceId!, {}, onAccount)).toMatchObject({
      livemode: true,
      active: true,
      unit_amount: 500,
      type: "one_time",
      product: liveBook.productId,
      metadata: { platformId, mode: "live", tier: "ebook" },
    });
    expect(await stripe.live.products.retrieve(liveBook.productId!, {}, onAccount)).toMatchObject({
      livemode: true,
      name: "The e-book",
      description: "A PDF",
      images: ["https://example.com/book.png"],
      metadata: { mode: "live" },
    });
    await expect(stripe.test.prices.retrieve(liveBook.priceId!, {}, onAccount)).rejects.toThrow();
    // Test mode is untouched.
    expect(await listed(dev.token, "test")).toEqual(testBefore);
    expect(names((await env.TIER_CACHE.get<{ name: string }[]>(tierCacheKvKey({ platformId, mode: "live" }), { type: "json" })) ?? []).sort()).toEqual(["ebook", "free", "gone", "pro"]);

    // A second call has nothing left to copy: same tiers, no new row, no new Stripe object.
    const after = await everything(dev.id, platformId, account);
    const again = await call("POST", "/products/copy-to-live", { token: dev.token, body: {} });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ tiers: live, copied: [] });
    expect(await everything(dev.id, platformId, account)).toEqual(after);
  });

  it("copies a subscription tier with a monthly live price, and copies nothing of another developer's tiers", async () => {
    const other = await connectedDeveloper({ plan: "paid" });
    await created(other.dev.token, "test", { ...PRO, name: "others-pro" });
    const { dev, account } = await connectedDeveloper({ plan: "paid" });
    await created(dev.token, "test", PRO);

    const copy = await call("POST", "/products/copy-to-live", { token: dev.token, body: {} });
    expect(copy.status).toBe(200);
    expect(copy.body.copied).toEqual(["pro"]);
    expect(names(copy.body.tiers)).toEqual(["pro"]);
    const [pro] = copy.body.tiers as TierBody[];
    expect(pro).toMatchObject({ price: 1900, limit: 10000, popular: true, features: ["10k calls"] });
    expect(await stripe.live.prices.retrieve(pro!.priceId!, {}, { stripeAccount: account })).toMatchObject({ livemode: true, unit_amount: 1900, currency: "usd", recurring: { interval: "month" } });
    expect(await listed(other.dev.token, "live")).toEqual([]);
  });

  it("is 409 stripe_not_connected without a connected account, writing nothing", async () => {
    const dev = await paidDeveloper();
    await created(dev.token, "test", FREE);
    const platformId = await platformIdOf(dev);
    const before = await developerRows(dev.id, platformId);
    expectError(await call("POST", "/products/copy-to-live", { token: dev.token, body: {} }), 409, "stripe_not_connected");
    expect(await developerRows(dev.id, platformId)).toEqual(before);
    expect(await listed(dev.token, "live")).toEqual([]);
  });

  it("lands all or none: a Stripe failure midway stores no live tier, and the retry copies them all without duplicates", async () => {
    const { dev, account, platformId } = await connectedDeveloper({ plan: "paid" });
    await created(dev.token, "test", { tiers: [PRO, EBOOK] });
    const proxy = await FaultProxy.open("stripe");
    const viaProxy = { STRIPE_API_BASE: proxy.url } as Partial<Env>;
    // The second tier's price fails on every attempt (its product, and the first tier's objects, are made).
    await proxy.arm({ method: "POST", pathPrefix: "/v1/prices", skip: 1, times: STRIPE_ATTEMPTS });
    const failed = await call("POST", "/products/copy-to-live", { token: dev.token, body: {}, envOverrides: viaProxy });
    expectError(failed, 502, "stripe_error");
    expect(await listed(dev.token, "live")).toEqual([]);
    const liveRows = await env.DB.prepare("SELECT COUNT(*) AS n FROM tiers WHERE platform_id = ?1 AND mode = 'live'").bind(platformId).first<{ n: number }>();
    expect(liveRows?.n).toBe(0);

    await proxy.clear();
    const retried = await call("POST", "/products/copy-to-live", { token: dev.token, body: {}, envOverrides: viaProxy });
    expect(retried.status, JSON.stringify(retried.body)).toBe(200);
    expect([...retried.body.copied].sort()).toEqual(["ebook", "pro"]);
    // One live product and one active live price per tier: the retry replayed what the failed call made.
    const products = (await stripe.live.products.list({ limit: 100 }, { stripeAccount: account })).data;
    expect(products.map((product) => product.metadata["tier"]).sort()).toEqual(["ebook", "pro"]);
    const prices = (await stripe.live.prices.list({ limit: 100 }, { stripeAccount: account })).data;
    for (const tier of retried.body.tiers as TierBody[]) {
      expect(prices.filter((price) => price.product === tier.productId && price.active).map((price) => price.id)).toEqual([tier.priceId]);
    }
  });
});
