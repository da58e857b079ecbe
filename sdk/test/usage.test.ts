/** usage.track / usage.check and the usage-limit error, against the real api-multi. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NotFoundError, UsageLimitError, ValidationError } from "../src/index.js";
import { startProxy, type RunningProxy } from "./support/proxy.js";
import { client, rejectionOf, stack, uniqueId } from "./support/stack.js";

const dream = client();

describe("usage", () => {
  it("tracks (registering an unknown user on the cheapest tier) and checks without consuming", async () => {
    const userId = uniqueId("track");
    const before = Date.now();
    const first = await dream.usage.track({ userId });
    const after = Date.now();
    expect(first.mode).toBe("test");
    expect(first.usage).toMatchObject({ count: 1, limit: 5, remaining: 4, plan: "free" });
    // The period holds the moment api-multi (system clock) counted, somewhere between before and after.
    expect(Date.parse(first.usage.periodStart)).toBeLessThanOrEqual(after);
    expect(Date.parse(first.usage.periodEnd)).toBeGreaterThan(before);

    const second = await dream.usage.track({ userId, amount: 3 });
    expect(second.usage).toMatchObject({ count: 4, remaining: 1 });

    const checked = await dream.usage.check(userId);
    expect(checked).toEqual({ usage: second.usage, mode: "test" });
    expect((await dream.usage.check(userId)).usage.count).toBe(4);
  });

  it("throws UsageLimitError carrying the usage when a track would pass the limit, and counts nothing", async () => {
    const userId = uniqueId("limit");
    await dream.usage.track({ userId, amount: 5 });
    const error = await rejectionOf(dream.usage.track({ userId }));
    expect(error).toBeInstanceOf(UsageLimitError);
    const limited = error as UsageLimitError;
    expect(limited).toMatchObject({ status: 403, code: "usage_limit_exceeded", kind: "usage_limit" });
    expect(limited.usage).toMatchObject({ count: 5, limit: 5, remaining: 0, plan: "free" });
    expect(limited.requestId).toMatch(/^req_/);
    expect((await dream.usage.check(userId)).usage.count).toBe(5);
  });

  it("maps a bad amount to ValidationError on `amount`, and a bad userId to invalid_id", async () => {
    const amount = await rejectionOf(dream.usage.track({ userId: uniqueId("bad"), amount: 0 }));
    expect(amount).toBeInstanceOf(ValidationError);
    expect(amount).toMatchObject({ status: 400, code: "invalid_request", param: "amount" });

    const id = await rejectionOf(dream.usage.track({ userId: "has space" }));
    expect(id).toMatchObject({ status: 400, code: "invalid_id", param: "userId" });
  });

  it("maps check of an unknown user to NotFoundError", async () => {
    const error = await rejectionOf(dream.usage.check(uniqueId("never")));
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: "customer_not_found", param: "userId" });
  });

  it("reports preview mode for a free developer's test key", async () => {
    const preview = client({ secretKey: stack.previewSecretKey });
    const { usage, mode } = await preview.usage.track({ userId: uniqueId("preview") });
    expect(mode).toBe("preview");
    expect(usage.count).toBe(1);
  });
});

describe("usage.track idempotency keys", () => {
  let proxy: RunningProxy;
  beforeAll(async () => {
    proxy = await startProxy(stack.apiUrl, () => ({ kind: "forward" }));
  });
  afterAll(() => proxy.close());

  const keysSent = () => proxy.requests.map((request) => request.headers["idempotency-key"]);

  it("sends a fresh UUID Idempotency-Key per call, and the caller's key when given", async () => {
    const via = client({ baseUrl: proxy.url });
    const userId = uniqueId("keys");
    const before = proxy.requests.length;
    await via.usage.track({ userId });
    await via.usage.track({ userId });
    await via.usage.track({ userId, idempotencyKey: `${userId}-mine` });
    const [first, second, third] = keysSent().slice(before);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).not.toBe(first);
    expect(third).toBe(`${userId}-mine`);
    // Two distinct automatic keys are two logical calls: both count.
    expect((await via.usage.check(userId)).usage.count).toBe(3);
  });

  it("replays the first response for a repeated key (Idempotent-Replayed: true) without counting again", async () => {
    const via = client({ baseUrl: proxy.url });
    const userId = uniqueId("replay");
    const idempotencyKey = uniqueId("key");
    const first = await via.usage.track({ userId, amount: 2, idempotencyKey });
    const again = await via.usage.track({ userId, amount: 2, idempotencyKey });
    expect(again).toEqual(first);
    const last = proxy.requests.at(-1);
    expect(last?.upstream?.headers.get("Idempotent-Replayed")).toBe("true");
    expect((await via.usage.check(userId)).usage.count).toBe(2);
  });

  it("refuses a key reused with a different body: 409 idempotency_key_reused", async () => {
    const userId = uniqueId("reuse");
    const idempotencyKey = uniqueId("key");
    await dream.usage.track({ userId, amount: 1, idempotencyKey });
    const error = await rejectionOf(dream.usage.track({ userId, amount: 2, idempotencyKey }));
    expect(error).toMatchObject({ status: 409, code: "idempotency_key_reused", kind: "conflict" });
    expect((await dream.usage.check(userId)).usage.count).toBe(1);
  });
});
