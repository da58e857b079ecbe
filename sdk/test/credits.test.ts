/** customers.credits.list / listAll / grant and tracks that spend credits, against the real api-multi. */
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError, type CreditGrant } from "../src/index.js";
import { startProxy } from "./support/proxy.js";
import { client, rejectionOf, stack, uniqueId } from "./support/stack.js";

const dream = client();

/** A new end-user on `free` (5 calls a month). */
async function newCustomer(prefix: string): Promise<string> {
  const userId = uniqueId(prefix);
  await dream.customers.create({ userId, email: `${userId}@example.com` });
  return userId;
}

describe("customers.credits", () => {
  it("grants credits and lists the balance with the grant", async () => {
    const userId = await newCustomer("credits");
    const granted = await dream.customers.credits.grant(userId, { amount: 100, reason: "Welcome credits" });
    expect(granted).toMatchObject({ userId, balance: 100, mode: "test" });
    expect(granted.grant).toMatchObject({ source: "api", amount: 100, remaining: 100, expiresAt: null, expired: false, reason: "Welcome credits" });
    expect(granted.grant.id).toMatch(/^cg_/);

    const listed = await dream.customers.credits.list(userId);
    expect(listed).toEqual({ userId, balance: 100, grants: [granted.grant], hasMore: false, nextCursor: null, mode: "test" });
    expect((await dream.usage.check(userId)).usage).toMatchObject({ count: 0, limit: 5, credits: 100, remaining: 105 });
  });

  it("sends expiresAt with a grant", async () => {
    const userId = await newCustomer("expiring");
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const { grant } = await dream.customers.credits.grant(userId, { amount: 10, reason: "Trial", expiresAt });
    expect(grant).toMatchObject({ amount: 10, expiresAt, expired: false });
  });

  it("spends credits on tracks past the tier's allowance: remaining is allowance left plus credits", async () => {
    const userId = await newCustomer("spend");
    await dream.customers.credits.grant(userId, { amount: 100, reason: "Prepaid" });

    const within = await dream.usage.track({ userId, amount: 4 });
    expect(within.usage).toMatchObject({ count: 4, limit: 5, credits: 100, remaining: 101 });

    // 1 from the allowance, 2 from the credits.
    const past = await dream.usage.track({ userId, amount: 3 });
    expect(past.usage).toMatchObject({ count: 7, limit: 5, credits: 98, remaining: 98 });

    const listed = await dream.customers.credits.list(userId);
    expect(listed.balance).toBe(98);
    expect(listed.grants).toEqual([expect.objectContaining({ amount: 100, remaining: 98 })]);
  });

  it("refuses a deduction the balance does not cover with ConflictError insufficient_credits, moving nothing", async () => {
    const userId = await newCustomer("short");
    await dream.customers.credits.grant(userId, { amount: 100, reason: "Prepaid" });

    const error = await rejectionOf(dream.customers.credits.grant(userId, { amount: -101, reason: "Too much" }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: "insufficient_credits", kind: "conflict", param: "amount" });
    expect((error as ConflictError).requestId).toMatch(/^req_/);

    const listed = await dream.customers.credits.list(userId);
    expect(listed.balance).toBe(100);
    expect(listed.grants).toHaveLength(1);

    // A deduction the balance covers goes through, from the grant.
    const deducted = await dream.customers.credits.grant(userId, { amount: -40, reason: "Refund clawback" });
    expect(deducted).toMatchObject({ balance: 60, grant: { amount: -40, remaining: 0 } });
  });

  it("replays a grant sent again with the same Idempotency-Key, and refuses the key with another request", async () => {
    const userId = await newCustomer("idem");
    const idempotencyKey = uniqueId("grant");
    const first = await dream.customers.credits.grant(userId, { amount: 50, reason: "Order 1" }, { idempotencyKey });
    const again = await dream.customers.credits.grant(userId, { amount: 50, reason: "Order 1" }, { idempotencyKey });
    expect(again.grant.id).toBe(first.grant.id);
    expect(again).toEqual(first);

    const listed = await dream.customers.credits.list(userId);
    expect(listed.balance).toBe(50);
    expect(listed.grants).toHaveLength(1);

    const reused = await rejectionOf(dream.customers.credits.grant(userId, { amount: 60, reason: "Order 1" }, { idempotencyKey }));
    expect(reused).toBeInstanceOf(ConflictError);
    expect(reused).toMatchObject({ status: 409, code: "idempotency_key_reused" });
    expect((await dream.customers.credits.list(userId)).balance).toBe(50);

    // Without a key of yours, each call is its own grant (the SDK's key is made per call).
    await dream.customers.credits.grant(userId, { amount: 1, reason: "Tip" });
    await dream.customers.credits.grant(userId, { amount: 1, reason: "Tip" });
    expect((await dream.customers.credits.list(userId)).balance).toBe(52);
  });

  it("grants once when the answer is lost and the SDK retries with the key it made for the call", async () => {
    const userId = await newCustomer("retry");
    let grants = 0;
    const proxy = await startProxy(stack.apiUrl, (request) => {
      if (request.method !== "POST" || !request.path.endsWith("/credits")) return { kind: "forward" };
      grants += 1;
      return grants === 1 ? { kind: "forward-then-drop" } : { kind: "forward" };
    });
    try {
      const granted = await client({ baseUrl: proxy.url }).customers.credits.grant(userId, { amount: 100, reason: "Lost answer" });
      const attempts = proxy.requests.filter((request) => request.method === "POST");
      expect(attempts).toHaveLength(2);
      expect(attempts[0]!.upstream?.status).toBe(201);
      expect(attempts[0]!.headers["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(attempts[1]!.headers["idempotency-key"]).toBe(attempts[0]!.headers["idempotency-key"]);
      expect(attempts[1]!.upstream?.headers.get("Idempotent-Replayed")).toBe("true");
      expect(granted.balance).toBe(100);
      expect((await dream.customers.credits.list(userId)).grants).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  it("maps an unknown customer to NotFoundError and amount 0 to ValidationError", async () => {
    const ghost = uniqueId("ghost");
    const grant = await rejectionOf(dream.customers.credits.grant(ghost, { amount: 10, reason: "Nobody" }));
    expect(grant).toBeInstanceOf(NotFoundError);
    expect(grant).toMatchObject({ status: 404, code: "customer_not_found" });
    const list = await rejectionOf(dream.customers.credits.list(ghost));
    expect(list).toBeInstanceOf(NotFoundError);
    expect(list).toMatchObject({ status: 404, code: "customer_not_found" });

    const userId = await newCustomer("zero");
    const zero = await rejectionOf(dream.customers.credits.grant(userId, { amount: 0, reason: "Nothing" }));
    expect(zero).toBeInstanceOf(ValidationError);
    expect(zero).toMatchObject({ status: 400, code: "invalid_request", param: "amount" });
    expect((await dream.customers.credits.list(userId)).grants).toEqual([]);
  });

  it("lists newest first by page, and listAll walks every page", async () => {
    const userId = await newCustomer("pages");
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push((await dream.customers.credits.grant(userId, { amount: i, reason: `Grant ${i}` })).grant.id);
    const newestFirst = [...ids].reverse();

    const first = await dream.customers.credits.list(userId, { limit: 2 });
    expect(first.balance).toBe(15);
    expect(first.grants.map((grant) => grant.id)).toEqual(newestFirst.slice(0, 2));
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await dream.customers.credits.list(userId, { limit: 2, cursor: first.nextCursor! });
    expect(second.grants.map((grant) => grant.id)).toEqual(newestFirst.slice(2, 4));

    const all: CreditGrant[] = [];
    for await (const grant of dream.customers.credits.listAll(userId, { limit: 2 })) all.push(grant);
    expect(all.map((grant) => grant.id)).toEqual(newestFirst);
    const defaults: CreditGrant[] = [];
    for await (const grant of dream.customers.credits.listAll(userId)) defaults.push(grant);
    expect(defaults).toEqual(all);
  });
});
