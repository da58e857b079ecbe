/**
 * Test mode and live mode are two worlds (issue 15): a platform's test key
 * and live key share nothing — customers, counts, idempotency keys, tiers,
 * subscriptions, purchases and events of one mode are invisible and
 * uncounted in the other — and Stripe is called with the key of the data's
 * mode, so a test credential never moves real money. Every api-multi route
 * is tried from both sides.
 */
import { env } from "cloudflare:test";
import { issueKeyPair, newId, sha256Hex } from "@dream-api/shared";
import { clearApiKeyIsolateCache, keyCacheKvKey } from "@dream-api/shared/caches";
import { insertApiKeyStatement, insertTierStatement } from "@dream-api/shared/db";
import { describe, expect, inject, it } from "vitest";
import {
  awaitDeliveries,
  call,
  expectErrorShape,
  harnessClock,
  inboxCursor,
  payCheckout,
  seedConnectedPlatform,
  standInStripe,
  stripeSignatureHeader,
  tier,
  type Delivery,
  clerkJson,
  joinedEndUser,
} from "../harness";

interface Side {
  secretKey: string;
  publishableKey: string;
}

interface TwoWorlds {
  platformId: string;
  account: string;
  test: Side;
  live: Side;
}

/**
 * A paid developer's platform connected to a stand-in account, with a test
 * key pair and test tiers (free 5, pro, ebook ×2 — prices in test mode) and
 * a live key pair and live tiers of the same names with live prices, plus a
 * tier of each mode the other lacks.
 */
async function twoWorlds(): Promise<TwoWorlds> {
  const platform = await seedConnectedPlatform({ mode: "test", plan: "paid" });
  const now = harnessClock().toISOString();
  const live = standInStripe("live");
  const onAccount = { stripeAccount: platform.account };
  const pro = await live.products.create({ name: "Pro" }, onAccount);
  const proPrice = await live.prices.create({ product: pro.id, unit_amount: 2900, currency: "usd", recurring: { interval: "month" } }, onAccount);
  const ebook = await live.products.create({ name: "E-book" }, onAccount);
  const ebookPrice = await live.prices.create({ product: ebook.id, unit_amount: 900, currency: "usd" }, onAccount);
  const pair = await issueKeyPair("live");
  const liveTenant = { platformId: platform.platformId, mode: "live" as const };
  await env.DB.batch([
    insertApiKeyStatement(env.DB, { keyId: newId("apiKey"), platformId: platform.platformId, pair, createdAt: now }),
    insertTierStatement(env.DB, liveTenant, tier({ name: "free", limit: 5, price: 0 }, 0), now),
    insertTierStatement(env.DB, liveTenant, tier({ name: "pro", limit: 1000, price: 2900, priceId: proPrice.id, productId: pro.id }, 1), now),
    insertTierStatement(env.DB, liveTenant, tier({ name: "ebook", kind: "one_off", price: 900, inventory: 2, priceId: ebookPrice.id, productId: ebook.id }, 2), now),
    insertTierStatement(env.DB, liveTenant, tier({ name: "live-only", limit: 7, price: 0 }, 3), now),
    insertTierStatement(env.DB, platform, tier({ name: "test-only", limit: 7, price: 0 }, 3), now),
  ]);
  return {
    platformId: platform.platformId,
    account: platform.account,
    test: { secretKey: platform.secretKey, publishableKey: platform.publishableKey },
    live: { secretKey: pair.secretKey, publishableKey: pair.publishableKey },
  };
}

const email = (label: string) => `${label}.${crypto.randomUUID().slice(0, 8)}@example.com`;

async function customerIds(key: string): Promise<string[]> {
  const page = await call("GET", "/api/customers", { key });
  expect(page.status).toBe(200);
  return page.body.data.map((customer: { userId: string }) => customer.userId).sort();
}

async function inventoryOf(platformId: string, mode: "test" | "live", name: string): Promise<number | null> {
  const row = await env.DB.prepare("SELECT inventory FROM tiers WHERE platform_id = ?1 AND mode = ?2 AND name = ?3").bind(platformId, mode, name).first<{ inventory: number | null }>();
  return row?.inventory ?? null;
}

describe("test and live data of one platform never meet", () => {
  it("customers, counts and idempotency keys: what one key writes, the other neither sees nor counts", async () => {
    const world = await twoWorlds();
    const { test, live } = world;
    // POST /api/customers: the same userId is a different customer in each mode.
    expect((await call("POST", "/api/customers", { key: test.secretKey, body: { userId: "both", email: email("both-test") } })).status).toBe(201);
    expect((await call("POST", "/api/customers", { key: test.secretKey, body: { userId: "test-user", email: email("test-user") } })).status).toBe(201);
    expect((await call("POST", "/api/customers", { key: live.secretKey, body: { userId: "both", email: email("both-live") } })).status).toBe(201);

    // POST /api/usage/track (with an Idempotency-Key used in both modes): each mode counts its own.
    const headers = { "Idempotency-Key": "same-key-in-both-modes" };
    const testTrack = await call("POST", "/api/usage/track", { key: test.secretKey, body: { userId: "both", amount: 3 }, headers });
    expect(testTrack.body.usage).toMatchObject({ count: 3, limit: 5 });
    const liveTrack = await call("POST", "/api/usage/track", { key: live.secretKey, body: { userId: "both", amount: 1 }, headers });
    expect(liveTrack.status).toBe(200);
    expect(liveTrack.body.usage).toMatchObject({ count: 1, limit: 5 });
    expect(liveTrack.headers.get("Idempotent-Replayed")).toBeNull();
    // A replay stays in its own mode.
    expect((await call("POST", "/api/usage/track", { key: test.secretKey, body: { userId: "both", amount: 3 }, headers })).body.usage.count).toBe(3);

    // GET /api/usage and GET /api/customers/:userId
    expect((await call("GET", "/api/usage", { key: test.secretKey, headers: { "X-User-Id": "both" } })).body.usage.count).toBe(3);
    expect((await call("GET", "/api/usage", { key: live.secretKey, headers: { "X-User-Id": "both" } })).body.usage.count).toBe(1);
    expectErrorShape(await call("GET", "/api/customers/test-user", { key: live.secretKey }), 404, "customer_not_found");
    expectErrorShape(await call("GET", "/api/usage", { key: live.secretKey, headers: { "X-User-Id": "test-user" } }), 404, "customer_not_found");

    // GET /api/customers (list and search)
    expect(await customerIds(test.secretKey)).toEqual(["both", "test-user"]);
    expect(await customerIds(live.secretKey)).toEqual(["both"]);
    expect((await call("GET", "/api/customers?q=test-", { key: live.secretKey })).body.data).toEqual([]);

    // PATCH /api/customers/:userId: a test customer cannot be moved through the live key, and plans are the mode's tiers.
    expectErrorShape(await call("PATCH", "/api/customers/test-user", { key: live.secretKey, body: { plan: "pro" } }), 404, "customer_not_found");
    expectErrorShape(await call("PATCH", "/api/customers/both", { key: live.secretKey, body: { plan: "test-only" } }), 400, "unknown_plan");
    expect((await call("PATCH", "/api/customers/both", { key: live.secretKey, body: { plan: "live-only" } })).body.customer.plan).toBe("live-only");
    expect((await call("GET", "/api/customers/both", { key: test.secretKey })).body.customer.plan).toBe("free");

    // GET /api/tiers: each key sees its mode's tiers.
    const names = async (key: string) => (await call("GET", "/api/tiers", { key })).body.tiers.map((candidate: { name: string }) => candidate.name);
    expect(await names(test.secretKey)).toEqual(["free", "pro", "ebook", "test-only"]);
    expect(await names(live.secretKey)).toEqual(["free", "pro", "ebook", "live-only"]);

    // GET /api/dashboard: totals, customers and keys of the key's mode only.
    const testBoard = (await call("GET", "/api/dashboard", { key: test.secretKey })).body;
    const liveBoard = (await call("GET", "/api/dashboard", { key: live.secretKey })).body;
    expect(testBoard.totals).toMatchObject({ customers: 2, callsThisPeriod: 3 });
    expect(liveBoard.totals).toMatchObject({ customers: 1, callsThisPeriod: 1 });
    expect(testBoard.keys.map((key: { mode: string }) => key.mode)).toEqual(["test"]);
    expect(liveBoard.keys.map((key: { mode: string }) => key.mode)).toEqual(["live"]);
    expect(JSON.stringify(liveBoard)).not.toContain(test.publishableKey);
  });

  it("limits hold per mode: usage in one never counts against the other's limit", async () => {
    const { test, live } = await twoWorlds();
    for (let calls = 0; calls < 5; calls++) expect((await call("POST", "/api/usage/track", { key: test.secretKey, body: { userId: "heavy" } })).status).toBe(200);
    expectErrorShape(await call("POST", "/api/usage/track", { key: test.secretKey, body: { userId: "heavy" } }), 403, "usage_limit_exceeded");
    const first = await call("POST", "/api/usage/track", { key: live.secretKey, body: { userId: "heavy" } });
    expect(first.body.usage).toMatchObject({ count: 1, remaining: 4 });
  });

  it("checkout and portal: each key's session is made with the platform's key of its mode, for that mode's customers and tiers", async () => {
    const world = await twoWorlds();
    const { test, live, account } = world;
    await call("POST", "/api/usage/track", { key: test.secretKey, body: { userId: "buyer" } });
    await call("POST", "/api/usage/track", { key: live.secretKey, body: { userId: "buyer" } });
    await call("POST", "/api/usage/track", { key: test.secretKey, body: { userId: "test-buyer" } });

    const testSession = await call("POST", "/api/checkout", { key: test.secretKey, body: { userId: "buyer", tier: "pro" } });
    const liveSession = await call("POST", "/api/checkout", { key: live.secretKey, body: { userId: "buyer", tier: "pro" } });
    expect([testSession.status, liveSession.status]).toEqual([201, 201]);
    expect(testSession.body.mode).toBe("test");
    expect(liveSession.body.mode).toBe("live");
    const onAccount = { stripeAccount: account };
    const testCheckout = await standInStripe("test").checkout.sessions.retrieve(testSession.body.id, {}, onAccount);
    const liveCheckout = await standInStripe("live").checkout.sessions.retrieve(liveSession.body.id, {}, onAccount);
    expect([testCheckout.livemode, liveCheckout.livemode]).toEqual([false, true]);
    expect(testCheckout.metadata).toMatchObject({ mode: "test", platformId: world.platformId });
    expect(liveCheckout.metadata).toMatchObject({ mode: "live", platformId: world.platformId });
    // Test data is invisible to the live key on Stripe too.
    await expect(standInStripe("live").checkout.sessions.retrieve(testSession.body.id, {}, onAccount)).rejects.toThrow();

    expectErrorShape(await call("POST", "/api/checkout", { key: live.secretKey, body: { userId: "test-buyer", tier: "pro" } }), 404, "customer_not_found");
    expectErrorShape(await call("POST", "/api/checkout", { key: test.secretKey, body: { userId: "buyer", tier: "live-only" } }), 400, "unknown_tier");
    expectErrorShape(await call("POST", "/api/portal", { key: live.secretKey, body: { userId: "test-buyer" } }), 404, "customer_not_found");
  });

  it("an end-user session with the test organization active sees the test customer only, the live one the live customer only", async () => {
    const { platformId, test, live } = await twoWorlds();
    const person = await clerkJson<{ id: string }>("/v1/users", { method: "POST", app: "end-user-api", body: JSON.stringify({ email_address: [email("session")] }) });
    const clerkUserId = person.id;
    // The developer's backend counts the same person in both modes (its id is the Clerk id).
    await call("POST", "/api/usage/track", { key: test.secretKey, body: { userId: clerkUserId, amount: 2 } });
    await call("POST", "/api/usage/track", { key: live.secretKey, body: { userId: clerkUserId, amount: 4 } });
    const inTest = await joinedEndUser({ platformId, mode: "test" }, { clerkUserId });
    const inLive = await joinedEndUser({ platformId, mode: "live" }, { clerkUserId });
    // One organization per mode: the session's active one is the mode it acts in.
    expect(inTest.organizationId).not.toBe(inLive.organizationId);
    const own = await call("GET", "/api/usage", { key: inTest.token });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ mode: "test", usage: { count: 2 } });
    expect((await call("GET", "/api/usage", { key: inLive.token })).body).toMatchObject({ mode: "live", usage: { count: 4 } });
    // Naming the other mode is refused rather than served.
    expectErrorShape(await call("GET", "/api/usage?mode=live", { key: inTest.token }), 400, "invalid_request");
  });

  it("a mode parameter that contradicts the key is 400 and reads nothing", async () => {
    const { test } = await twoWorlds();
    const contradiction = await call("GET", "/api/dashboard?mode=live", { key: test.secretKey });
    expectErrorShape(contradiction, 400, "invalid_request");
    expect(contradiction.body.error.param).toBe("mode");
    expect((await call("GET", "/api/dashboard?mode=test", { key: test.secretKey })).status).toBe(200);
  });

  it("a live key of a platform back on the free plan is refused with 403 live_mode_unavailable; its test key keeps working", async () => {
    const { platformId, test, live } = await twoWorlds();
    await env.DB.prepare("UPDATE platforms SET plan = 'free' WHERE platform_id = ?1").bind(platformId).run();
    // A fresh isolate cache: the key records are read again (front-auth-api rewrites them on a plan change).
    await env.KEY_CACHE.delete(keyCacheKvKey(await sha256Hex(live.secretKey)));
    clearApiKeyIsolateCache();
    const refused = await call("POST", "/api/usage/track", { key: live.secretKey, body: { userId: "x" } });
    expectErrorShape(refused, 403, "live_mode_unavailable");
    expect(refused.body.error.message).toMatch(/paid plan/);
    expect((await call("POST", "/api/usage/track", { key: test.secretKey, body: { userId: "x" } })).status).toBe(200);
  });
});

/** Buys `tier` with `key` on the stand-in's hosted page and returns the Connect deliveries it caused. */
async function buy(world: TwoWorlds, side: Side, userId: string, tierName: string, types: string[]): Promise<Delivery[]> {
  await call("POST", "/api/usage/track", { key: side.secretKey, body: { userId } });
  const cursor = await inboxCursor("connect");
  const checkout = await call("POST", "/api/checkout", { key: side.secretKey, body: { userId, tier: tierName } });
  expect(checkout.status).toBe(201);
  await payCheckout(checkout.body.url);
  return (await awaitDeliveries(cursor, types, "connect")).filter((delivery) => delivery.body.includes(world.account) && delivery.body.includes(`"${userId}"`));
}

/** The delivery as a correctly signed event of the other mode (what a live Connect endpoint may receive), optionally edited. */
async function asOtherMode(delivery: Delivery, edit: (event: any) => void = () => undefined): Promise<{ rawBody: string; headers: Record<string, string> }> {
  const event = JSON.parse(delivery.body);
  event.livemode = !event.livemode;
  event.id = `evt_flipped_${crypto.randomUUID().replace(/-/g, "")}`;
  edit(event);
  const rawBody = JSON.stringify(event);
  const secret = event.livemode ? inject("connectLiveWebhookSecret") : inject("connectWebhookSecret");
  return { rawBody, headers: { "Stripe-Signature": await stripeSignatureHeader(rawBody, secret) } };
}

async function eventRow(eventId: string) {
  return env.DB.prepare("SELECT mode, outcome FROM events WHERE source = 'connect' AND event_id = ?1").bind(eventId).first<{ mode: string; outcome: string }>();
}

describe("webhooks: an event touches only the data of its own mode", () => {
  it("a live purchase lowers the live inventory only; the same event as a test-mode event is refused (400), recorded, and changes nothing", async () => {
    const world = await twoWorlds();
    const deliveries = await buy(world, world.live, "live-buyer", "ebook", ["checkout.session.completed"]);
    const completed = deliveries.find((delivery) => delivery.type === "checkout.session.completed");
    if (!completed) throw new Error("no checkout.session.completed");
    expect(JSON.parse(completed.body).livemode).toBe(true);

    // Flipped to livemode: false, with our mode metadata kept, and with it removed (objects made before it existed).
    for (const edit of [() => undefined, (event: any) => delete event.data.object.metadata.mode]) {
      const flipped = await asOtherMode(completed, edit);
      const refused = await call("POST", "/webhook/stripe", flipped);
      expectErrorShape(refused, 400, "livemode_mismatch");
      expect(refused.body.error.message).toMatch(/test-mode event/);
      const recorded = await eventRow(JSON.parse(flipped.rawBody).id);
      expect(recorded).toMatchObject({ mode: "test" });
      expect(recorded?.outcome).toMatch(/^refused: /);
      // A redelivery is refused again (and still changes nothing).
      expectErrorShape(await call("POST", "/webhook/stripe", flipped), 400, "livemode_mismatch");
    }
    expect(await inventoryOf(world.platformId, "live", "ebook")).toBe(2);
    expect(await inventoryOf(world.platformId, "test", "ebook")).toBe(2);

    // The genuine live event applies to live data only.
    expect(
      (await call("POST", "/webhook/stripe", { rawBody: completed.body, headers: { "Stripe-Signature": await stripeSignatureHeader(completed.body, inject("connectLiveWebhookSecret")) } })).status,
    ).toBe(200);
    expect(await inventoryOf(world.platformId, "live", "ebook")).toBe(1);
    expect(await inventoryOf(world.platformId, "test", "ebook")).toBe(2);
    expect(await eventRow(JSON.parse(completed.body).id)).toMatchObject({ mode: "live" });
  });

  it("a live subscription moves the live customer's plan; a test-mode event naming it is refused and moves nothing", async () => {
    const world = await twoWorlds();
    const deliveries = await buy(world, world.live, "subscriber", "pro", ["checkout.session.completed", "customer.subscription.created"]);
    const created = deliveries.find((delivery) => delivery.type === "customer.subscription.created");
    if (!created) throw new Error("no customer.subscription.created");
    for (const delivery of deliveries) {
      const secret = inject("connectLiveWebhookSecret");
      expect((await call("POST", "/webhook/stripe", { rawBody: delivery.body, headers: { "Stripe-Signature": await stripeSignatureHeader(delivery.body, secret) } })).status).toBe(200);
    }
    expect((await call("GET", "/api/customers/subscriber", { key: world.live.secretKey })).body.customer.plan).toBe("pro");
    // The same person in test mode stays free, and a flipped event cannot reach the live subscription.
    await call("POST", "/api/usage/track", { key: world.test.secretKey, body: { userId: "subscriber" } });
    const flipped = await asOtherMode(created, (event) => {
      event.type = "customer.subscription.deleted";
      delete event.data.object.metadata.mode;
    });
    expectErrorShape(await call("POST", "/webhook/stripe", flipped), 400, "livemode_mismatch");
    expect((await call("GET", "/api/customers/subscriber", { key: world.live.secretKey })).body.customer.plan).toBe("pro");
    expect((await call("GET", "/api/customers/subscriber", { key: world.test.secretKey })).body.customer.plan).toBe("free");
  });
});
