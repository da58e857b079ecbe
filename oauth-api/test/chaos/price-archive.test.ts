/**
 * A price change of a paid tier creates a new Stripe price, stores it in D1
 * and only then archives the replaced price. When that archive fails — its
 * answer lost after Stripe acted, or Stripe failing before acting — D1
 * already names the new, active price (checkout keeps working), the request
 * answers 502 `stripe_error` saying the change is saved, and the replaced
 * price waits in tiers.retired_price_id. The retry (or a DELETE) archives
 * it once and forgets it; the tier ends with exactly one active price, the
 * stored one.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, connectStripe, createDeveloper, expectError, FaultProxy, platformIdOf, type Developer, type FaultPhase, standInStripe } from "../harness";
import { STRIPE_ATTEMPTS } from "@dream-api/testkit/arbitraries";

const stripe = standInStripe();

const PRO = { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, limit: 100 };

interface PaidTier {
  dev: Developer;
  account: string;
  platformId: string;
  productId: string;
  priceId: string;
}

async function paidTier(): Promise<PaidTier> {
  const dev = await createDeveloper();
  const account = (await connectStripe(dev)).location.searchParams.get("account");
  if (!account) throw new Error("connect failed");
  const created = await call("POST", "/products?mode=test", { token: dev.token, body: PRO });
  if (created.status !== 201) throw new Error(`create: ${created.status} ${JSON.stringify(created.body)}`);
  const tier = created.body.tiers[0] as { productId: string; priceId: string };
  return { dev, account, platformId: await platformIdOf(dev), productId: tier.productId, priceId: tier.priceId };
}

async function storedTier(platformId: string) {
  return env.DB.prepare("SELECT price, price_id, retired_price_id, archived_at FROM tiers WHERE platform_id = ?1 AND name = 'pro'")
    .bind(platformId)
    .first<{ price: number; price_id: string | null; retired_price_id: string | null; archived_at: string | null }>();
}

async function activePrices(tier: PaidTier): Promise<string[]> {
  const prices = (await stripe.prices.list({ product: tier.productId, limit: 100 }, { stripeAccount: tier.account })).data;
  return prices.filter((price) => price.active).map((price) => price.id);
}

/** A failing archive of the tier's original price: every attempt of the call, before Stripe acts or with its answer lost. */
async function failingArchive(tier: PaidTier, phase: FaultPhase): Promise<FaultProxy> {
  const proxy = await FaultProxy.open("stripe");
  await proxy.arm({ method: "POST", pathPrefix: `/v1/prices/${tier.priceId}`, phase, times: STRIPE_ATTEMPTS });
  return proxy;
}

describe("PATCH /products/:name when archiving the replaced price fails", () => {
  for (const phase of ["response", "request"] as const) {
    it(`(${phase === "response" ? "answer lost after Stripe archived it" : "Stripe failing before acting"}): D1 names the new active price, and the retry archives the old one once`, async () => {
      const tier = await paidTier();
      const proxy = await failingArchive(tier, phase);
      const request = { token: tier.dev.token, body: { price: 2900 }, envOverrides: { STRIPE_API_BASE: proxy.url } as Partial<Env> };

      const failed = await call("PATCH", "/products/pro?mode=test", request);
      expectError(failed, 502, "stripe_error");
      expect(failed.body.error.message).toMatch(/saved/);
      const stored = await storedTier(tier.platformId);
      expect(stored).toMatchObject({ price: 2900, retired_price_id: tier.priceId });
      expect(stored?.price_id).not.toBe(tier.priceId);
      const newPrice = await stripe.prices.retrieve(stored!.price_id!, {}, { stripeAccount: tier.account });
      expect(newPrice).toMatchObject({ active: true, unit_amount: 2900 });
      // What api-multi's checkout sends Stripe for this tier works.
      const session = await stripe.checkout.sessions.create(
        { mode: "subscription", line_items: [{ price: newPrice.id, quantity: 1 }], success_url: "https://x.example/ok" },
        { stripeAccount: tier.account },
      );
      expect(session.url).toBeTruthy();
      expect(new Set(await activePrices(tier))).toEqual(new Set(phase === "response" ? [newPrice.id] : [newPrice.id, tier.priceId]));
      expect((await call("GET", "/products?mode=test", { token: tier.dev.token })).body.tiers[0]).toMatchObject({ price: 2900, priceId: newPrice.id });

      await proxy.clear();
      const retried = await call("PATCH", "/products/pro?mode=test", request);
      expect(retried.status).toBe(200);
      expect(retried.body.tier).toMatchObject({ price: 2900, priceId: newPrice.id });
      expect(await storedTier(tier.platformId)).toMatchObject({ price_id: newPrice.id, retired_price_id: null });
      expect(await activePrices(tier)).toEqual([newPrice.id]);
      const archiveCalls = (await proxy.requests()).filter((entry) => entry.method === "POST" && entry.path.startsWith("/v1/prices/"));
      expect(archiveCalls.map((entry) => entry.path)).toEqual([`/v1/prices/${tier.priceId}`]);
      expect((await proxy.requests()).filter((entry) => entry.method === "POST" && entry.path === "/v1/prices")).toHaveLength(0);

      // Once done, a further retry has nothing left to archive.
      await proxy.clear();
      expect((await call("PATCH", "/products/pro?mode=test", request)).status).toBe(200);
      expect((await proxy.requests()).filter((entry) => entry.method === "POST")).toEqual([]);
    });
  }

  it("a price set to 0 stores no price at once, and the retry archives the old one", async () => {
    const tier = await paidTier();
    const proxy = await failingArchive(tier, "request");
    const request = { token: tier.dev.token, body: { price: 0 }, envOverrides: { STRIPE_API_BASE: proxy.url } as Partial<Env> };
    expectError(await call("PATCH", "/products/pro?mode=test", request), 502, "stripe_error");
    expect(await storedTier(tier.platformId)).toMatchObject({ price: 0, price_id: null, retired_price_id: tier.priceId });
    await proxy.clear();
    expect((await call("PATCH", "/products/pro?mode=test", request)).status).toBe(200);
    expect(await storedTier(tier.platformId)).toMatchObject({ price_id: null, retired_price_id: null });
    expect(await activePrices(tier)).toEqual([]);
  });

  it("DELETE after a failed archive archives the waiting price too", async () => {
    const tier = await paidTier();
    const proxy = await failingArchive(tier, "request");
    expectError(await call("PATCH", "/products/pro?mode=test", { token: tier.dev.token, body: { price: 2900 }, envOverrides: { STRIPE_API_BASE: proxy.url } as Partial<Env> }), 502, "stripe_error");
    expect((await call("DELETE", "/products/pro?mode=test", { token: tier.dev.token })).status).toBe(200);
    expect(await storedTier(tier.platformId)).toMatchObject({ retired_price_id: null, archived_at: expect.any(String) });
    expect(await activePrices(tier)).toEqual([]);
  });
});
