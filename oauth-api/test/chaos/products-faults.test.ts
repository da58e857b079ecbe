/**
 * Properties: when any one of the Stripe calls behind POST /products or
 * PATCH /products/:name answers 500, hangs past the client's timeout or
 * drops the connection — before Stripe acts, or after it acted with the
 * answer lost — the request either completes (stripe-node retries a call
 * twice, so up to 2 consecutive faults are invisible) or answers 502
 * `stripe_error` with no D1 change and no duplicate Stripe object (except
 * a failed archive of a replaced price, which comes after D1 stores the new
 * one: see price-archive.test.ts); and the
 * developer's retry with the fault gone leaves Stripe and D1 in agreement:
 * every product of the platform on the connected account is a stored tier's
 * product, and every tier has exactly one active price, the stored one.
 *
 * fast-check picks which call fails (skip), how (mode, phase) and how many
 * consecutive times. Each test has its own fault proxy (FaultProxy.open), so
 * no other test file can trip or clear its faults.
 */
import { env } from "cloudflare:test";
import { PROPERTY_TEST_TIMEOUT_MS, STRIPE_ATTEMPTS, STRIPE_HANG_MS, STRIPE_TEST_TIMEOUT_MS, faultShapes, faultSpec } from "@dream-api/testkit/arbitraries";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { call, connectedDeveloper, type ConnectedDeveloper, expectError, FaultProxy, standInStripe } from "../harness";

const stripe = standInStripe();

const PRO = { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, currency: "usd", limit: 10000, features: ["10k calls"] };
const EBOOK = { name: "ebook", displayName: "The e-book", kind: "one_off", price: 500, inventory: 3 };

const faults = (calls: number) =>
  fc.record({
    /** Which Stripe call of the request fails (0-based, in the order the worker makes them). */
    call: fc.integer({ min: 0, max: calls - 1 }),
    shape: faultShapes,
    times: fc.integer({ min: 1, max: 4 }),
  });

function viaProxy(proxy: FaultProxy): Partial<Env> {
  const overrides: Partial<Env> & { STRIPE_TIMEOUT_MS: string } = { STRIPE_API_BASE: proxy.url, STRIPE_TIMEOUT_MS: String(STRIPE_TEST_TIMEOUT_MS) };
  return overrides;
}

async function tierRows(platformId: string) {
  const { results } = await env.DB.prepare("SELECT name, display_name, price, product_id, price_id, archived_at FROM tiers WHERE platform_id = ?1 ORDER BY name")
    .bind(platformId)
    .all<{ name: string; display_name: string; price: number; product_id: string | null; price_id: string | null; archived_at: string | null }>();
  return results;
}

async function stripeCatalog(account: string) {
  const onAccount = { stripeAccount: account };
  const products = (await stripe.products.list({ limit: 100 }, onAccount)).data;
  const prices = (await stripe.prices.list({ limit: 100 }, onAccount)).data;
  return { products, prices };
}

/** Stripe and D1 agree: one product per paid tier, its only active price is the stored one, nothing else. */
async function expectStripeMatchesD1({ account, platformId }: ConnectedDeveloper): Promise<void> {
  const rows = (await tierRows(platformId)).filter((row) => row.price > 0 && row.archived_at === null);
  const { products, prices } = await stripeCatalog(account);
  const ours = products.filter((product) => product.metadata["platformId"] === platformId);
  expect(ours.map((product) => product.id).sort()).toEqual(rows.map((row) => row.product_id).sort());
  for (const row of rows) {
    const active = prices.filter((price) => price.product === row.product_id && price.active);
    expect(active.map((price) => price.id)).toEqual([row.price_id]);
    expect(active[0]?.unit_amount).toBe(row.price);
  }
}

describe("POST /products with a failing Stripe", () => {
  it(
    "leaves no row and no duplicate on 502; the retry completes with Stripe and D1 in agreement",
    async () => {
      const proxy = await FaultProxy.open("stripe");
      // Calls: product(pro), price(pro), product(ebook), price(ebook).
      await fc.assert(
        fc.asyncProperty(faults(4), async (fault) => {
          await proxy.clear();
          const connected = await connectedDeveloper();
          const { dev, account, platformId } = connected;
          await proxy.arm(faultSpec(fault.shape, STRIPE_HANG_MS, { method: "POST", pathPrefix: "/v1/", skip: fault.call, times: fault.times }));
          const request = { token: dev.token, body: { tiers: [PRO, EBOOK] }, envOverrides: viaProxy(proxy) };

          const startedAt = Date.now();
          const result = await call("POST", "/products?mode=test", request);
          if (fault.shape.mode === "hang") expect(Date.now() - startedAt).toBeLessThan(STRIPE_HANG_MS); // cut by the client's timeout
          const faulted = (await proxy.requests()).filter((entry) => entry.fault !== null);
          expect(faulted).toHaveLength(Math.min(fault.times, STRIPE_ATTEMPTS));
          if (fault.times < STRIPE_ATTEMPTS) {
            expect(result.status).toBe(201);
            await expectStripeMatchesD1(connected);
            return;
          }
          expectError(result, 502, "stripe_error");
          expect(result.body.error.message).toMatch(/retry/i);
          expect(await tierRows(platformId)).toEqual([]);
          // What exists in Stripe is what the calls before the failing one made — plus its own object when only the answer was lost.
          const { products, prices } = await stripeCatalog(account);
          const made = fault.call + (fault.shape.phase === "response" ? 1 : 0);
          expect(products.length + prices.length).toBe(made);
          expect(new Set(products.map((product) => product.metadata["tier"])).size).toBe(products.length);

          await proxy.clear();
          const retried = await call("POST", "/products?mode=test", request);
          expect(retried.status).toBe(201);
          expect(retried.body.tiers.map((tier: { name: string }) => tier.name)).toEqual(["pro", "ebook"]);
          await expectStripeMatchesD1(connected);
          const after = await stripeCatalog(account);
          expect(after.products).toHaveLength(2);
          expect(after.prices).toHaveLength(2);
        }),
        { numRuns: 14 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});

describe("PATCH /products/:name with a failing Stripe", () => {
  it(
    "keeps the row on 502 (or, when only the old price's archive failed, already stores the new price) and makes at most one new price; the retry ends with one active price, the stored one",
    async () => {
      const proxy = await FaultProxy.open("stripe");
      // Calls: product update (name), new price, [D1 write], old price archived.
      await fc.assert(
        fc.asyncProperty(faults(3), async (fault) => {
          await proxy.clear();
          const connected = await connectedDeveloper();
          const { dev, account, platformId } = connected;
          const created = await call("POST", "/products?mode=test", { token: dev.token, body: PRO });
          expect(created.status).toBe(201);
          const original = created.body.tiers[0] as { productId: string; priceId: string };
          const rowsBefore = await tierRows(platformId);
          await proxy.arm(faultSpec(fault.shape, STRIPE_HANG_MS, { method: "POST", pathPrefix: "/v1/", skip: fault.call, times: fault.times }));
          const request = { token: dev.token, body: { price: 2900, displayName: "Pro+" }, envOverrides: viaProxy(proxy) };

          const result = await call("PATCH", "/products/pro?mode=test", request);
          expect((await proxy.requests()).filter((entry) => entry.fault !== null)).toHaveLength(Math.min(fault.times, STRIPE_ATTEMPTS));
          if (fault.times < STRIPE_ATTEMPTS) {
            expect(result.status).toBe(200);
          } else {
            expectError(result, 502, "stripe_error");
            if (fault.call === 2) {
              // The archive of the old price comes after the D1 write: D1 already names the new, active price.
              const [row] = await tierRows(platformId);
              expect(row).toMatchObject({ display_name: "Pro+", price: 2900, product_id: original.productId });
              expect(row?.price_id).not.toBe(original.priceId);
            } else {
              expect(await tierRows(platformId)).toEqual(rowsBefore);
            }
            const prices = (await stripe.prices.list({ product: original.productId, limit: 100 }, { stripeAccount: account })).data;
            const newPriceMade = fault.call > 1 || (fault.call === 1 && fault.shape.phase === "response");
            expect(prices.filter((price) => price.id !== original.priceId)).toHaveLength(newPriceMade ? 1 : 0);
            await proxy.clear();
            const retried = await call("PATCH", "/products/pro?mode=test", request);
            expect(retried.status).toBe(200);
          }
          const [row] = await tierRows(platformId);
          expect(row).toMatchObject({ display_name: "Pro+", price: 2900, product_id: original.productId });
          expect(row?.price_id).not.toBe(original.priceId);
          const prices = (await stripe.prices.list({ product: original.productId, limit: 100 }, { stripeAccount: account })).data;
          expect(prices.map((price) => [price.id === original.priceId ? "original" : "new", price.unit_amount, price.active]).sort()).toEqual([
            ["new", 2900, true],
            ["original", 1900, false],
          ]);
          expect((await stripe.products.retrieve(original.productId, {}, { stripeAccount: account })).name).toBe("Pro+");
          await expectStripeMatchesD1(connected);
        }),
        { numRuns: 14 },
      );
    },
    PROPERTY_TEST_TIMEOUT_MS,
  );
});
