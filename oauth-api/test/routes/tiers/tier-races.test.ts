/**
 * Concurrent writes of one platform's tiers: the 20-active-tier cap and
 * unique names hold whatever the interleaving (D1 refuses the losing batch
 * as a whole), no race answers 5xx, and a refused request leaves behind no
 * active Stripe object that no stored tier references — while never
 * archiving one a stored tier does (identical concurrent creates get the
 * same product and price back from Stripe through the idempotency key).
 * A retry of a refused request gets those archived objects replayed by
 * Stripe, and must store them active again.
 */
import { env } from "cloudflare:test";
import { MAX_TIERS } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import { call, type CallResult, connectedDeveloper, type ConnectedDeveloper, createDeveloper, type Developer, expectError, platformIdOf, standInStripe } from "../../harness";

const stripe = standInStripe();

const FREE = { displayName: "Free", kind: "subscription", price: 0, limit: 100 };
const PAID = { displayName: "Paid", kind: "subscription", price: 1900, limit: 10_000 };

/** A developer whose platform exists (it is made on the first authenticated call). */
async function developerWithPlatform(): Promise<{ dev: Developer; platformId: string }> {
  const dev = await createDeveloper();
  expect((await call("GET", "/products?mode=test", { token: dev.token })).status).toBe(200);
  return { dev, platformId: await platformIdOf(dev) };
}

async function seedFreeTiers(dev: Developer, count: number): Promise<void> {
  const res = await call("POST", "/products?mode=test", { token: dev.token, body: { tiers: Array.from({ length: count }, (_, i) => ({ ...FREE, name: `seed-${i}` })) } });
  expect(res.status).toBe(201);
}

async function activeTierCount(platformId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM tiers WHERE platform_id = ?1 AND archived_at IS NULL").bind(platformId).first<{ n: number }>();
  return row?.n ?? -1;
}

function statuses(results: CallResult[]): number[] {
  return results.map((result) => result.status).sort();
}

function expectNo5xx(results: CallResult[]): void {
  for (const result of results) expect(result.status, JSON.stringify(result.body)).toBeLessThan(500);
}

/**
 * Stripe and D1 agree: the platform's active products are exactly those of
 * its active paid tiers; each active tier has one active price, the stored
 * one; an archived tier's product and prices are all inactive.
 */
async function expectStripeMatchesD1({ account, platformId }: ConnectedDeveloper): Promise<void> {
  const { results: rows } = await env.DB.prepare("SELECT name, price, product_id, price_id, archived_at FROM tiers WHERE platform_id = ?1")
    .bind(platformId)
    .all<{ name: string; price: number; product_id: string | null; price_id: string | null; archived_at: string | null }>();
  const onAccount = { stripeAccount: account };
  const products = (await stripe.products.list({ limit: 100 }, onAccount)).data.filter((product) => product.metadata["platformId"] === platformId);
  const prices = (await stripe.prices.list({ limit: 100 }, onAccount)).data;
  const active = rows.filter((row) => row.archived_at === null && row.price > 0);
  expect(
    products
      .filter((product) => product.active)
      .map((product) => product.id)
      .sort(),
  ).toEqual(active.map((row) => row.product_id).sort());
  for (const row of active) {
    expect(prices.filter((price) => price.product === row.product_id && price.active).map((price) => price.id)).toEqual([row.price_id]);
  }
  const activeProducts = new Set(active.map((row) => row.product_id));
  // No active price hangs off a product that no active tier holds (a loser's price, or an archived tier's).
  expect(prices.filter((price) => price.active && !activeProducts.has(String(price.product)))).toEqual([]);
}

describe("the 20-active-tier cap under concurrency", () => {
  it("holds when 6 single-tier creates race on a platform with 18 active tiers; losers get the pre-check's 400 and leave no active Stripe object", async () => {
    const connected = await connectedDeveloper();
    await seedFreeTiers(connected.dev, MAX_TIERS - 2);
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => call("POST", "/products?mode=test", { token: connected.dev.token, body: { ...PAID, name: `race-${i}`, displayName: `Race ${i}` } })),
    );
    expectNo5xx(results);
    expect(statuses(results)).toEqual([201, 201, 400, 400, 400, 400]);
    for (const result of results.filter((candidate) => candidate.status !== 201)) {
      expectError(result, 400, "invalid_request");
      expect(result.body.error.param).toBe("tiers");
      expect(result.body.error.message).toContain(`at most ${MAX_TIERS} active tiers`);
    }
    expect(await activeTierCount(connected.platformId)).toBe(MAX_TIERS);
    await expectStripeMatchesD1(connected);
  });

  it("holds for free tiers too (no Stripe call between the check and the write)", async () => {
    const { dev, platformId } = await developerWithPlatform();
    await seedFreeTiers(dev, MAX_TIERS - 2);
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => call("POST", "/products?mode=test", { token: dev.token, body: { ...FREE, name: `free-race-${i}` } })));
    expectNo5xx(results);
    expect(statuses(results)).toEqual([201, 201, 400, 400, 400, 400]);
    expect(await activeTierCount(platformId)).toBe(MAX_TIERS);
  });

  it("keeps a multi-tier request all-or-nothing: of three racing 2-tier requests with room for 2, one lands whole", async () => {
    const connected = await connectedDeveloper();
    await seedFreeTiers(connected.dev, MAX_TIERS - 2);
    const results = await Promise.all(
      Array.from({ length: 3 }, (_, i) =>
        call("POST", "/products?mode=test", {
          token: connected.dev.token,
          body: {
            tiers: [
              { ...PAID, name: `multi-${i}-a` },
              { ...FREE, name: `multi-${i}-b` },
            ],
          },
        }),
      ),
    );
    expectNo5xx(results);
    expect(statuses(results)).toEqual([201, 400, 400]);
    const winner = results.find((result) => result.status === 201)!;
    const names = (await call("GET", "/products?mode=test", { token: connected.dev.token })).body.tiers.map((tier: { name: string }) => tier.name);
    expect(names.filter((name: string) => name.startsWith("multi-"))).toEqual(winner.body.tiers.map((tier: { name: string }) => tier.name));
    expect(await activeTierCount(connected.platformId)).toBe(MAX_TIERS);
    await expectStripeMatchesD1(connected);
  });

  it("is enforced by D1 itself at exactly MAX_TIERS active tiers (the trigger's number is MAX_TIERS)", async () => {
    const { platformId } = await developerWithPlatform();
    const now = new Date().toISOString();
    const insert = (name: string, archivedAt: string | null = null) =>
      env.DB.prepare(
        "INSERT INTO tiers (platform_id, mode, name, display_name, kind, price, currency, features, archived_at, created_at, updated_at) VALUES (?1, 'test', ?2, 'T', 'subscription', 0, 'usd', '[]', ?3, ?4, ?4)",
      ).bind(platformId, name, archivedAt, now);
    await env.DB.batch(Array.from({ length: MAX_TIERS - 1 }, (_, i) => insert(`d1-${i}`)));
    await env.DB.batch([insert("archived-one", now), insert(`d1-${MAX_TIERS - 1}`)]);
    expect(await activeTierCount(platformId)).toBe(MAX_TIERS);
    await expect(insert("one-too-many").run()).rejects.toThrow(/tier_cap_reached/);
    // Archived rows do not count, and may still be written.
    await insert("archived-two", now).run();
    // Archiving one frees a slot; un-archiving past the cap is refused as well.
    await env.DB.prepare("UPDATE tiers SET archived_at = ?2 WHERE platform_id = ?1 AND name = 'd1-0'").bind(platformId, now).run();
    await insert("fits-again").run();
    await expect(env.DB.prepare("UPDATE tiers SET archived_at = NULL WHERE platform_id = ?1 AND name = 'archived-one'").bind(platformId).run()).rejects.toThrow(/tier_cap_reached/);
    expect(await activeTierCount(platformId)).toBe(MAX_TIERS);
  });
});

describe("one tier name created concurrently", () => {
  it("answers 201 once and 409 conflict (param name) to the rest; identical creates share Stripe objects, which stay active", async () => {
    const connected = await connectedDeveloper();
    const results = await Promise.all(Array.from({ length: 6 }, () => call("POST", "/products?mode=test", { token: connected.dev.token, body: { ...PAID, name: "same" } })));
    expectNo5xx(results);
    expect(statuses(results)).toEqual([201, 409, 409, 409, 409, 409]);
    for (const result of results.filter((candidate) => candidate.status !== 201)) {
      expectError(result, 409, "conflict");
      expect(result.body.error.param).toBe("name");
    }
    const stored = results.find((result) => result.status === 201)!.body.tiers[0];
    expect((await stripe.products.retrieve(stored.productId, {}, { stripeAccount: connected.account })).active).toBe(true);
    expect((await stripe.prices.retrieve(stored.priceId, {}, { stripeAccount: connected.account })).active).toBe(true);
    await expectStripeMatchesD1(connected);
  });

  it("archives the losers' own Stripe objects when their params differ", async () => {
    const connected = await connectedDeveloper();
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => call("POST", "/products?mode=test", { token: connected.dev.token, body: { ...PAID, name: "same", displayName: `Variant ${i}`, price: 1000 + i } })),
    );
    expectNo5xx(results);
    expect(statuses(results)).toEqual([201, 409, 409, 409]);
    const products = (await stripe.products.list({ limit: 100 }, { stripeAccount: connected.account })).data;
    expect(products).toHaveLength(4);
    expect(products.filter((product) => product.active)).toHaveLength(1);
    await expectStripeMatchesD1(connected);
  });

  it("names the clashing tier as tiers.N.name in the multi form, and writes none of the request", async () => {
    const { dev, platformId } = await developerWithPlatform();
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        call("POST", "/products?mode=test", {
          token: dev.token,
          body: {
            tiers: [
              { ...FREE, name: `own-${i}` },
              { ...FREE, name: "shared" },
            ],
          },
        }),
      ),
    );
    expectNo5xx(results);
    expect(statuses(results)).toEqual([201, 409, 409, 409]);
    for (const result of results.filter((candidate) => candidate.status !== 201)) {
      expectError(result, 409, "conflict");
      expect(result.body.error.param).toBe("tiers.1.name");
    }
    expect(await activeTierCount(platformId)).toBe(2);
  });

  it("answers 409 for an existing name whatever the timing (active or archived); a name twice in one request stays 400", async () => {
    const dev = await createDeveloper();
    await call("POST", "/products?mode=test", {
      token: dev.token,
      body: {
        tiers: [
          { ...FREE, name: "taken" },
          { ...FREE, name: "gone" },
        ],
      },
    });
    await call("DELETE", "/products/gone?mode=test", { token: dev.token });
    const taken = await call("POST", "/products?mode=test", { token: dev.token, body: { ...FREE, name: "taken" } });
    expectError(taken, 409, "conflict");
    expect(taken.body.error.param).toBe("name");
    const gone = await call("POST", "/products?mode=test", {
      token: dev.token,
      body: {
        tiers: [
          { ...FREE, name: "new" },
          { ...FREE, name: "gone" },
        ],
      },
    });
    expectError(gone, 409, "conflict");
    expect(gone.body.error.param).toBe("tiers.1.name");
    expect(gone.body.error.message).toContain("archived");
    const twice = await call("POST", "/products?mode=test", {
      token: dev.token,
      body: {
        tiers: [
          { ...FREE, name: "dup" },
          { ...FREE, name: "dup" },
        ],
      },
    });
    expectError(twice, 400, "invalid_request");
    expect(twice.body.error.param).toBe("tiers.1.name");
  });
});

describe("PATCH and DELETE of one tier concurrently", () => {
  it("racing price changes: no 5xx, at most one new price survives active, and Stripe agrees with D1", async () => {
    const connected = await connectedDeveloper();
    expect((await call("POST", "/products?mode=test", { token: connected.dev.token, body: { ...PAID, name: "pro" } })).status).toBe(201);
    const results = await Promise.all([2100, 2200, 2300, 2400].map((price) => call("PATCH", "/products/pro?mode=test", { token: connected.dev.token, body: { price } })));
    expectNo5xx(results);
    expect(results.filter((result) => result.status === 200).length).toBeGreaterThanOrEqual(1);
    for (const result of results.filter((candidate) => candidate.status !== 200)) expectError(result, 409, "conflict");
    const stored = (await call("GET", "/products?mode=test", { token: connected.dev.token })).body.tiers[0];
    const winners = results.filter((result) => result.status === 200).map((result) => result.body.tier.price);
    expect(winners).toContain(stored.price);
    await expectStripeMatchesD1(connected);
  });

  it("a double submit of one change: both answer 200 with the stored tier, and one new price is made", async () => {
    const connected = await connectedDeveloper();
    const created = (await call("POST", "/products?mode=test", { token: connected.dev.token, body: { ...PAID, name: "pro" } })).body.tiers[0];
    const results = await Promise.all(Array.from({ length: 2 }, () => call("PATCH", "/products/pro?mode=test", { token: connected.dev.token, body: { price: 2900, displayName: "Pro+" } })));
    expect(statuses(results)).toEqual([200, 200]);
    expect(results[0]!.body.tier).toEqual(results[1]!.body.tier);
    expect(results[0]!.body.tier).toMatchObject({ price: 2900, displayName: "Pro+" });
    const prices = (await stripe.prices.list({ product: created.productId, limit: 100 }, { stripeAccount: connected.account })).data;
    expect(prices.map((price) => [price.unit_amount, price.active]).sort()).toEqual([
      [1900, false],
      [2900, true],
    ]);
    await expectStripeMatchesD1(connected);
  });

  it("racing changes of other fields: a change is never silently lost, and the Stripe product shows what D1 stores", async () => {
    const connected = await connectedDeveloper();
    expect((await call("POST", "/products?mode=test", { token: connected.dev.token, body: { ...PAID, name: "pro" } })).status).toBe(201);
    const results = await Promise.all([
      call("PATCH", "/products/pro?mode=test", { token: connected.dev.token, body: { displayName: "Pro A" } }),
      call("PATCH", "/products/pro?mode=test", { token: connected.dev.token, body: { displayName: "Pro B", features: ["b"] } }),
      call("PATCH", "/products/pro?mode=test", { token: connected.dev.token, body: { limit: 5 } }),
    ]);
    expectNo5xx(results);
    for (const result of results.filter((candidate) => candidate.status !== 200)) expectError(result, 409, "conflict");
    const stored = (await call("GET", "/products?mode=test", { token: connected.dev.token })).body.tiers[0];
    // A 200 means the change is stored: a later write built on a stale read would have overwritten it.
    const [renamedA, renamedB, limited] = results.map((result) => result!.status === 200);
    if (limited) expect(stored.limit).toBe(5);
    if (renamedB) expect(stored.features).toEqual(["b"]);
    if (renamedA !== renamedB) expect(stored.displayName).toBe(renamedA ? "Pro A" : "Pro B");
    const product = await stripe.products.retrieve(stored.productId, {}, { stripeAccount: connected.account });
    expect(product.name).toBe(stored.displayName);
    await expectStripeMatchesD1(connected);
  });

  it("a PATCH racing a DELETE: no 5xx, never a 200 for a change that was not stored, and an archived tier keeps no active price", async () => {
    for (const order of ["patch-first", "delete-first"] as const) {
      const connected = await connectedDeveloper();
      expect((await call("POST", "/products?mode=test", { token: connected.dev.token, body: { ...PAID, name: "pro" } })).status).toBe(201);
      const patch = () => call("PATCH", "/products/pro?mode=test", { token: connected.dev.token, body: { price: 2900, displayName: "Pro+" } });
      const remove = () => call("DELETE", "/products/pro?mode=test", { token: connected.dev.token });
      const [patched, deleted] = order === "patch-first" ? await Promise.all([patch(), remove()]) : (await Promise.all([remove(), patch()])).reverse();
      expectNo5xx([patched!, deleted!]);
      expect(deleted!.status).toBe(200);
      const stored = (await call("GET", "/products?mode=test", { token: connected.dev.token })).body.tiers[0];
      expect(stored.archived).toBe(true);
      if (patched!.status === 200) expect(stored).toMatchObject({ price: 2900, displayName: "Pro+" });
      else expectError(patched!, 409, "conflict");
      await expectStripeMatchesD1(connected);
    }
  });

  it("racing DELETEs all answer 200 with the archived tier", async () => {
    const connected = await connectedDeveloper();
    expect((await call("POST", "/products?mode=test", { token: connected.dev.token, body: { ...PAID, name: "pro" } })).status).toBe(201);
    const results = await Promise.all(Array.from({ length: 3 }, () => call("DELETE", "/products/pro?mode=test", { token: connected.dev.token })));
    expect(statuses(results)).toEqual([200, 200, 200]);
    for (const result of results) expect(result.body.tier.archived).toBe(true);
    await expectStripeMatchesD1(connected);
  });
});

describe("retrying a refused request", () => {
  it("a create refused at the cap, retried once there is room, gets active Stripe objects (the replayed ones were archived)", async () => {
    const connected = await connectedDeveloper();
    const { dev } = connected;
    await seedFreeTiers(dev, MAX_TIERS - 1);
    const body = { ...PAID, name: "late" };
    // The free tier makes no Stripe call, so it takes the last slot while the paid one is at Stripe.
    const [paid, free] = await Promise.all([
      call("POST", "/products?mode=test", { token: dev.token, body }),
      call("POST", "/products?mode=test", { token: dev.token, body: { ...FREE, name: "quick" } }),
    ]);
    expect(free!.status).toBe(201);
    expectError(paid!, 400, "invalid_request");
    const archived = (await stripe.products.list({ limit: 100 }, { stripeAccount: connected.account })).data.filter((product) => product.metadata["tier"] === "late");
    expect(archived.map((product) => product.active)).toEqual([false]);

    expect((await call("DELETE", "/products/quick?mode=test", { token: dev.token })).status).toBe(200);
    const retried = await call("POST", "/products?mode=test", { token: dev.token, body });
    expect(retried.status).toBe(201);
    // The same objects, replayed by their idempotency keys, and active again.
    expect(retried.body.tiers[0].productId).toBe(archived[0]!.id);
    expect((await stripe.prices.retrieve(retried.body.tiers[0].priceId, {}, { stripeAccount: connected.account })).active).toBe(true);
    await expectStripeMatchesD1(connected);
  });

  it("a price change refused by a concurrent change, retried, stores an active price", async () => {
    const connected = await connectedDeveloper();
    const { dev } = connected;
    expect((await call("POST", "/products?mode=test", { token: dev.token, body: { ...PAID, name: "pro" } })).status).toBe(201);
    // The limit change makes no Stripe call, so it lands while the price change is at Stripe.
    const [priced, limited] = await Promise.all([
      call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { price: 2900 } }),
      call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { limit: 5 } }),
    ]);
    expect(limited!.status).toBe(200);
    expectError(priced!, 409, "conflict");
    await expectStripeMatchesD1(connected);

    const retried = await call("PATCH", "/products/pro?mode=test", { token: dev.token, body: { price: 2900 } });
    expect(retried.status).toBe(200);
    expect(retried.body.tier).toMatchObject({ price: 2900, limit: 5 });
    expect((await stripe.prices.retrieve(retried.body.tier.priceId, {}, { stripeAccount: connected.account })).active).toBe(true);
    await expectStripeMatchesD1(connected);
  });
});
