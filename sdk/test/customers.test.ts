/** customers.create / get / update / list / listAll against the real api-multi. */
import { describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError, type CustomerListItem } from "../src/index.js";
import { client, rejectionOf, uniqueId } from "./support/stack.js";

const dream = client();

describe("customers", () => {
  it("creates a customer on the cheapest tier and reads it back", async () => {
    const userId = uniqueId("cust");
    const created = await dream.customers.create({ userId, email: `${userId}@example.com` });
    expect(created.mode).toBe("test");
    expect(created.customer).toMatchObject({ userId, email: `${userId}@example.com`, plan: "free", subscription: null });
    expect(created.customer.clerkUserId).toMatch(/^user_/);
    expect(created.customer.usage).toMatchObject({ count: 0, limit: 5, remaining: 5, plan: "free" });

    const fetched = await dream.customers.get(userId);
    expect(fetched.customer).toEqual(created.customer);
    expect(fetched.mode).toBe("test");
  });

  it("creates a customer on a named plan, with the userId defaulting to its Clerk id", async () => {
    const email = `${uniqueId("nouserid")}@example.com`;
    const { customer } = await dream.customers.create({ email, plan: "pro" });
    expect(customer.plan).toBe("pro");
    expect(customer.userId).toBe(customer.clerkUserId);
    expect(customer.usage.limit).toBe(10_000);
  });

  it("encodes userIds with reserved URL characters in the path", async () => {
    const userId = `${uniqueId("mail")}+tag@example.com`;
    await dream.customers.create({ userId, email: userId });
    const { customer } = await dream.customers.get(userId);
    expect(customer.userId).toBe(userId);
  });

  it("changes the plan with update", async () => {
    const userId = uniqueId("upd");
    await dream.customers.create({ userId, email: `${userId}@example.com` });
    const updated = await dream.customers.update(userId, { plan: "pro" });
    expect(updated.customer.plan).toBe("pro");
    expect(updated.customer.usage.limit).toBe(10_000);
    expect((await dream.customers.get(userId)).customer.plan).toBe("pro");
  });

  it("maps an unknown customer to NotFoundError with code, param and request id", async () => {
    const error = await rejectionOf(dream.customers.get(uniqueId("ghost")));
    expect(error).toBeInstanceOf(NotFoundError);
    const notFound = error as NotFoundError;
    expect(notFound).toMatchObject({ status: 404, code: "customer_not_found", param: "userId", kind: "not_found" });
    expect(notFound.requestId).toMatch(/^req_/);
    expect(notFound.requestId).toBe(notFound.headers?.get("X-Request-Id"));
    expect(notFound.body?.requestId).toBe(notFound.requestId);
  });

  it("maps a bad email to ValidationError naming the field, and an unknown plan to unknown_plan", async () => {
    const badEmail = await rejectionOf(dream.customers.create({ email: "not-an-email" }));
    expect(badEmail).toBeInstanceOf(ValidationError);
    expect(badEmail).toMatchObject({ status: 400, code: "invalid_request", param: "email" });

    const badPlan = await rejectionOf(dream.customers.update(uniqueId("nobody"), { plan: "platinum" }));
    expect(badPlan).toBeInstanceOf(ValidationError);
    expect(badPlan).toMatchObject({ status: 400, code: "unknown_plan", param: "plan" });
  });

  it("maps a duplicate userId to ConflictError customer_exists", async () => {
    const userId = uniqueId("dup");
    await dream.customers.create({ userId, email: `${userId}@example.com` });
    const error = await rejectionOf(dream.customers.create({ userId, email: `${userId}-2@example.com` }));
    expect(error).toBeInstanceOf(ConflictError);
    expect(error).toMatchObject({ status: 409, code: "customer_exists", param: "userId" });
  });

  it("lists customers newest first by page, and listAll walks every page", async () => {
    const prefix = uniqueId("page");
    const userIds: string[] = [];
    for (let i = 0; i < 5; i++) {
      const userId = `${prefix}-${i}`;
      await dream.customers.create({ userId, email: `${userId}@example.com` });
      userIds.push(userId);
    }
    const newestFirst = [...userIds].reverse();

    const first = await dream.customers.list({ q: prefix, limit: 2 });
    expect(first.mode).toBe("test");
    expect(first.data.map((customer) => customer.userId)).toEqual(newestFirst.slice(0, 2));
    expect(first.hasMore).toBe(true);
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await dream.customers.list({ q: prefix, limit: 2, cursor: first.nextCursor! });
    expect(second.data.map((customer) => customer.userId)).toEqual(newestFirst.slice(2, 4));

    const all: CustomerListItem[] = [];
    for await (const customer of dream.customers.listAll({ q: prefix, limit: 2 })) all.push(customer);
    expect(all.map((customer) => customer.userId)).toEqual(newestFirst);
    expect(all[0]).toMatchObject({ plan: "free", subscription: null, usage: { count: 0 } });

    // `mode` goes on the wire: the key's own is accepted, another is refused.
    expect((await dream.customers.list({ q: prefix, mode: "test" })).data).toHaveLength(5);
    expect(await rejectionOf(dream.customers.list({ q: prefix, mode: "live" }))).toBeInstanceOf(ValidationError);
  });

  it("rejects a bad list query with ValidationError on the field", async () => {
    const error = await rejectionOf(dream.customers.list({ limit: 500 }));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ param: "limit" });
    const cursor = await rejectionOf(dream.customers.list({ cursor: "not-a-cursor" }));
    expect(cursor).toMatchObject({ status: 400, param: "cursor" });
  });
});
