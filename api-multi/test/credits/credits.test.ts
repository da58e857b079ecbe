/**
 * Prepaid credits through the API: admin grants and deductions (never below
 * zero, idempotent with a key), tracks that spend the period allowance
 * first and then the credits that expire first, expired credits never
 * spent, a new period's allowance before any credit, unlimited tiers that
 * never touch credits, and a paid credit pack granting its credits once.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { awaitDeliveries, call, client, countRows, deliver, expectErrorShape, inboxCursor, payCheckout, seedConnectedPlatform, seedPlatform } from "../harness";
import { storedEvents } from "../outbound-webhooks/helpers";

const nov10 = client(() => new Date("2026-11-10T12:00:00.000Z"));
const nov20 = client(() => new Date("2026-11-20T12:00:00.000Z"));
const dec02 = client(() => new Date("2026-12-02T12:00:00.000Z"));

type Api = typeof nov10;

async function newCustomer(key: string, userId: string) {
  const created = await call("POST", "/api/customers", { key, body: { userId, email: `${userId}.${crypto.randomUUID().slice(0, 8)}@example.com` } });
  expect(created.status).toBe(201);
}

async function grant(api: Api, key: string, userId: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return api("POST", `/api/customers/${userId}/credits`, { key, body: { reason: "test", ...body }, headers });
}

async function track(api: Api, key: string, userId: string, amount = 1) {
  return api("POST", "/api/usage/track", { key, body: { userId, amount } });
}

async function balanceOf(api: Api, key: string, userId: string) {
  const page = await api("GET", `/api/customers/${userId}/credits?limit=100`, { key });
  expect(page.status).toBe(200);
  return page.body as { balance: number; grants: { id: string; amount: number; remaining: number; source: string; expired: boolean; expiresAt: string | null }[] };
}

describe("admin grants and deductions", () => {
  it("grants, lists, deducts expiring-first, and refuses a deduction past the balance without changing anything", async () => {
    const platform = await seedPlatform();
    await newCustomer(platform.secretKey, "ada");
    const soon = await grant(nov10, platform.secretKey, "ada", { amount: 30, expiresAt: "2026-11-25T00:00:00Z" });
    expect(soon.status).toBe(201);
    expect(soon.body).toMatchObject({ userId: "ada", balance: 30, grant: { source: "api", amount: 30, remaining: 30, expiresAt: "2026-11-25T00:00:00.000Z", expired: false, reason: "test" } });
    const forever = await grant(nov10, platform.secretKey, "ada", { amount: 50 });
    expect(forever.body.balance).toBe(80);

    const deducted = await grant(nov10, platform.secretKey, "ada", { amount: -40, reason: "refund" });
    expect(deducted.status).toBe(201);
    expect(deducted.body).toMatchObject({ balance: 40, grant: { amount: -40, remaining: 0, expiresAt: null } });
    const after = await balanceOf(nov10, platform.secretKey, "ada");
    // The grant that expires first paid the whole 30, the other 10.
    expect(after.grants.map((g) => [g.amount, g.remaining]).sort((a, b) => a[0]! - b[0]!)).toEqual([
      [-40, 0],
      [30, 0],
      [50, 40],
    ]);

    const before = await tableState(platform.platformId);
    const refused = await grant(nov10, platform.secretKey, "ada", { amount: -41 });
    expectErrorShape(refused, 409, "insufficient_credits");
    expect(refused.body.balance).toBe(40);
    expect(await tableState(platform.platformId)).toEqual(before);
  });

  it("honours an Idempotency-Key: the same request replays, another is refused", async () => {
    const platform = await seedPlatform();
    await newCustomer(platform.secretKey, "bob");
    const headers = { "Idempotency-Key": "grant-1" };
    const results = await Promise.all(Array.from({ length: 5 }, () => grant(nov10, platform.secretKey, "bob", { amount: 25 }, headers)));
    expect(results.map((result) => result.status)).toEqual(Array(5).fill(201));
    expect(new Set(results.map((result) => result.body.grant.id)).size).toBe(1);
    expect(results.filter((result) => result.headers.get("Idempotent-Replayed") === "true")).toHaveLength(4);
    expect((await balanceOf(nov10, platform.secretKey, "bob")).balance).toBe(25);
    expectErrorShape(await grant(nov10, platform.secretKey, "bob", { amount: 26 }, headers), 409, "idempotency_key_reused");
    expect((await balanceOf(nov10, platform.secretKey, "bob")).balance).toBe(25);
  });

  it("answers 4xx with the shared shape for bad input and changes nothing", async () => {
    const platform = await seedPlatform();
    await newCustomer(platform.secretKey, "cy");
    const before = await tableState(platform.platformId);
    expectErrorShape(await grant(nov10, platform.secretKey, "cy", { amount: 0 }), 400, "invalid_request");
    expectErrorShape(await grant(nov10, platform.secretKey, "cy", { amount: 1.5 }), 400, "invalid_request");
    expectErrorShape(await grant(nov10, platform.secretKey, "cy", { amount: 10_000_001 }), 400, "invalid_request");
    expectErrorShape(await grant(nov10, platform.secretKey, "cy", { amount: 5, reason: "" }), 400, "invalid_request");
    expectErrorShape(await grant(nov10, platform.secretKey, "cy", { amount: 5, expiresAt: "2026-11-01T00:00:00Z" }), 400, "invalid_request");
    expectErrorShape(await grant(nov10, platform.secretKey, "cy", { amount: 5, expiresAt: "next week" }), 400, "invalid_request");
    expectErrorShape(await grant(nov10, platform.secretKey, "cy", { amount: -5, expiresAt: "2027-01-01T00:00:00Z" }), 400, "invalid_request");
    expectErrorShape(await grant(nov10, platform.secretKey, "nobody", { amount: 5 }), 404, "customer_not_found");
    expectErrorShape(await nov10("GET", "/api/customers/nobody/credits", { key: platform.secretKey }), 404, "customer_not_found");
    expect(await tableState(platform.platformId)).toEqual(before);
  });

  it("pages through the movements newest first", async () => {
    const platform = await seedPlatform();
    await newCustomer(platform.secretKey, "dee");
    for (let i = 1; i <= 5; i++) expect((await grant(nov10, platform.secretKey, "dee", { amount: i })).status).toBe(201);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { grants: { amount: number }[]; hasMore: boolean; nextCursor: string | null; balance: number } } = await nov10(
        "GET",
        `/api/customers/dee/credits?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        { key: platform.secretKey },
      );
      expect(page.status).toBe(200);
      expect(page.body.balance).toBe(15);
      seen.push(...page.body.grants.map((g) => g.amount));
      cursor = page.body.hasMore ? page.body.nextCursor : null;
    } while (cursor);
    expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("tracking with credits", () => {
  it("spends the allowance first, then credits, and refuses what neither covers", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 5 }] });
    await newCustomer(platform.secretKey, "eve");
    await grant(nov10, platform.secretKey, "eve", { amount: 10 });
    const within = await track(nov10, platform.secretKey, "eve", 4);
    expect(within.body.usage).toMatchObject({ count: 4, limit: 5, remaining: 11, credits: 10 });
    // 1 from the allowance, 3 from credits.
    const past = await track(nov10, platform.secretKey, "eve", 4);
    expect(past.status).toBe(200);
    expect(past.body.usage).toMatchObject({ count: 8, remaining: 7, credits: 7 });
    const refused = await track(nov10, platform.secretKey, "eve", 8);
    expectErrorShape(refused, 403, "usage_limit_exceeded");
    expect(refused.body.usage).toMatchObject({ count: 8, remaining: 7, credits: 7 });
    expect(refused.body.error.message).toContain("0 of this period's 5 left and 7 credits");
    expect((await track(nov10, platform.secretKey, "eve", 7)).body.usage).toMatchObject({ count: 15, remaining: 0, credits: 0 });
    expectErrorShape(await track(nov10, platform.secretKey, "eve", 1), 403, "usage_limit_exceeded");
    const check = await nov10("GET", "/api/usage?userId=eve", { key: platform.secretKey });
    expect(check.body.usage).toMatchObject({ count: 15, remaining: 0, credits: 0 });
  });

  it("never spends expired credits, and a new period's allowance comes before credits", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 2 }] });
    await newCustomer(platform.secretKey, "fay");
    await grant(nov10, platform.secretKey, "fay", { amount: 3, expiresAt: "2026-11-15T00:00:00Z" });
    await grant(nov10, platform.secretKey, "fay", { amount: 4 });
    expect((await track(nov10, platform.secretKey, "fay", 4)).body.usage).toMatchObject({ count: 4, credits: 5 });
    // On the 20th the 1 credit left of the first grant has expired: 4 remain, and 5 is too many.
    expect((await nov20("GET", "/api/usage?userId=fay", { key: platform.secretKey })).body.usage).toMatchObject({ credits: 4, remaining: 4 });
    expectErrorShape(await track(nov20, platform.secretKey, "fay", 5), 403, "usage_limit_exceeded");
    expect((await track(nov20, platform.secretKey, "fay", 4)).body.usage).toMatchObject({ count: 8, credits: 0 });
    const grants = (await balanceOf(nov20, platform.secretKey, "fay")).grants;
    expect(grants.map((g) => [g.amount, g.remaining, g.expired]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [3, 1, true],
      [4, 0, false],
    ]);
    // December: a fresh allowance of 2, and no credits.
    await grant(dec02, platform.secretKey, "fay", { amount: 1 });
    expect((await track(dec02, platform.secretKey, "fay", 2)).body.usage).toMatchObject({ count: 2, credits: 1, remaining: 1 });
    expect((await track(dec02, platform.secretKey, "fay", 1)).body.usage).toMatchObject({ count: 3, credits: 0, remaining: 0 });
  });

  it("never touches credits on an unlimited tier", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: null }] });
    await newCustomer(platform.secretKey, "gus");
    await grant(nov10, platform.secretKey, "gus", { amount: 5 });
    const tracked = await track(nov10, platform.secretKey, "gus", 1000);
    expect(tracked.body.usage).toMatchObject({ count: 1000, limit: null, remaining: null, credits: 5 });
    expect((await balanceOf(nov10, platform.secretKey, "gus")).grants[0]).toMatchObject({ remaining: 5 });
  });

  it("spends credits once with an Idempotency-Key on the track", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: 1 }] });
    await newCustomer(platform.secretKey, "hal");
    await grant(nov10, platform.secretKey, "hal", { amount: 5 });
    await track(nov10, platform.secretKey, "hal", 1);
    const headers = { "Idempotency-Key": "job-1" };
    const first = await nov10("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "hal", amount: 2 }, headers });
    const again = await nov10("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "hal", amount: 2 }, headers });
    expect(first.body.usage).toMatchObject({ count: 3, credits: 3 });
    expect(again.body).toEqual(first.body);
    expect((await balanceOf(nov10, platform.secretKey, "hal")).balance).toBe(3);
  });

  it("deletes a customer's credits with the customer", async () => {
    const platform = await seedPlatform();
    await newCustomer(platform.secretKey, "ivy");
    await grant(nov10, platform.secretKey, "ivy", { amount: 5 });
    expect((await call("DELETE", "/api/customers/ivy", { key: platform.secretKey })).status).toBe(200);
    expect(await countRows("credit_grants", "platform_id = ?1", platform.platformId)).toBe(0);
  });
});

describe("credit packs", () => {
  it("a paid one-off checkout grants the tier's credits once, valid for its days, and says so", async () => {
    const platform = await seedConnectedPlatform();
    await env.DB.prepare("UPDATE tiers SET credits = 100, credit_validity_days = 30 WHERE platform_id = ?1 AND name = 'ebook'").bind(platform.platformId).run();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "reader" } });
    const cursor = await inboxCursor("connect");
    const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "reader", tier: "ebook" } });
    expect(checkout.status).toBe(201);
    await payCheckout(checkout.body.url);
    const completed = (await awaitDeliveries(cursor, ["checkout.session.completed"], "connect")).find(
      (delivery) => delivery.type === "checkout.session.completed" && delivery.body.includes(platform.account),
    );
    // Stripe may deliver an event more than once: the grant happens once.
    const applied = await Promise.all(Array.from({ length: 3 }, () => deliver(completed!)));
    expect(applied.map((result) => result.status)).toEqual([200, 200, 200]);
    // Read on the clock the webhook granted on (its validity runs from then).
    const credits = await balanceOf(call, platform.secretKey, "reader");
    expect(credits.balance).toBe(100);
    expect(credits.grants).toHaveLength(1);
    expect(credits.grants[0]).toMatchObject({ source: "purchase", amount: 100, remaining: 100 });
    const validity = Date.parse(credits.grants[0]!.expiresAt!) - Date.now();
    expect(Math.abs(validity - 30 * 86_400_000)).toBeLessThan(5 * 60_000);
    const granted = await pollEvents(platform.platformId, "credits.granted");
    expect(granted).toHaveLength(1);
    expect(granted[0]).toMatchObject({ userId: "reader", grant: { source: "purchase", amount: 100 }, balance: 100 });
  });
});

async function pollEvents(platformId: string, type: string): Promise<Record<string, unknown>[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const found = (await storedEvents(platformId)).filter((event) => event.type === type);
    if (found.length > 0 || Date.now() > deadline) return found.map((event) => (JSON.parse(event.payload) as { data: Record<string, unknown> }).data);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function tableState(platformId: string) {
  const [grants, counts] = await env.DB.batch([
    env.DB.prepare("SELECT grant_id, amount, remaining FROM credit_grants WHERE platform_id = ?1 ORDER BY grant_id").bind(platformId),
    env.DB.prepare("SELECT user_id, usage_count, credit_count FROM usage_counts WHERE platform_id = ?1 ORDER BY user_id").bind(platformId),
  ]);
  return { grants: grants?.results, counts: counts?.results };
}
