/** End-user session tokens: usage.check, checkout.create and portal.create for the token's own user only. */
import { beforeAll, describe, expect, it } from "vitest";
import { AuthenticationError, DreamApi, DreamApiConfigurationError, PermissionDeniedError } from "../src/index.js";
import { client, mintEndUserToken, rejectionOf, stack, uniqueId } from "./support/stack.js";

describe("end-user tokens", () => {
  const userId = uniqueId("enduser");
  let token = "";

  beforeAll(async () => {
    const backend = client();
    const { customer } = await backend.customers.create({ userId, email: `${userId}@example.com` });
    await backend.usage.track({ userId, amount: 2 });
    token = await mintEndUserToken(customer.clerkUserId!);
  });

  it("checks its own usage and starts its own checkout", async () => {
    const browser = new DreamApi({ baseUrl: stack.apiUrl, endUserToken: token });
    const { usage, mode } = await browser.usage.check();
    expect(mode).toBe("test");
    expect(usage).toMatchObject({ count: 2, plan: "free" });
    const session = await browser.checkout.create({ tier: "pro" });
    expect(session.id).toMatch(/^cs_/);
  });

  it("asks a token function before every request", async () => {
    let calls = 0;
    const browser = new DreamApi({
      baseUrl: stack.apiUrl,
      endUserToken: async () => {
        calls += 1;
        return token;
      },
    });
    await browser.usage.check();
    await browser.usage.check();
    expect(calls).toBe(2);
  });

  it("refuses to act for another user (403 forbidden) and maps a bad token to 401", async () => {
    const browser = new DreamApi({ baseUrl: stack.apiUrl, endUserToken: token });
    const other = await rejectionOf(browser.usage.check("someone-else"));
    expect(other).toBeInstanceOf(PermissionDeniedError);
    expect(other).toMatchObject({ status: 403, code: "forbidden", kind: "permission" });

    const forged = new DreamApi({ baseUrl: stack.apiUrl, endUserToken: `${token.slice(0, -4)}AAAA` });
    const error = await rejectionOf(forged.usage.check());
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error).toMatchObject({ status: 401, code: "invalid_token" });
  });

  it("fails secret-key-only calls before sending anything", async () => {
    let requests = 0;
    const browser = new DreamApi({
      baseUrl: stack.apiUrl,
      endUserToken: token,
      fetch: (input, init) => {
        requests += 1;
        return fetch(input, init);
      },
    });
    await expect(browser.usage.track({ userId })).rejects.toBeInstanceOf(DreamApiConfigurationError);
    await expect(browser.customers.get(userId)).rejects.toThrow(/secret key/);
    await expect(browser.dashboard.get()).rejects.toBeInstanceOf(DreamApiConfigurationError);
    await expect(new DreamApi({ baseUrl: stack.apiUrl, endUserToken: async () => null }).usage.check()).rejects.toThrow(/returned no token/);
    expect(requests).toBe(0);
  });
});

describe("authentication errors", () => {
  it("maps a wrong secret key to AuthenticationError invalid_api_key with the request id", async () => {
    const wrong = client({ secretKey: `sk_test_${"x".repeat(40)}` });
    const error = await rejectionOf(wrong.tiers.list());
    expect(error).toBeInstanceOf(AuthenticationError);
    const auth = error as AuthenticationError;
    expect(auth).toMatchObject({ status: 401, code: "invalid_api_key", kind: "authentication", name: "AuthenticationError" });
    expect(auth.message).toMatch(/invalid, revoked or expired/);
    expect(auth.requestId).toMatch(/^req_/);
  });
});

describe("a person on the pricing page, and a deleted customer", () => {
  it("deletes a customer, whose person then joins again through platforms.join and is served on the organization it names", async () => {
    const backend = client();
    const userId = uniqueId("leaver");
    const { customer } = await backend.customers.create({ userId, email: `${userId}@example.com` });
    const clerkUserId = customer.clerkUserId!;
    expect(await backend.customers.delete(userId)).toEqual({ userId, deleted: true, mode: "test" });
    expect(await rejectionOf(backend.customers.get(userId))).toMatchObject({ status: 404, code: "customer_not_found" });

    const { platformId } = await backend.dashboard.get();
    const person = new DreamApi({ baseUrl: stack.apiUrl, endUserToken: await mintEndUserToken(clerkUserId, null) });
    const joined = await person.platforms.join(platformId, { mode: "test" });
    expect(joined).toMatchObject({ userId: clerkUserId, plan: "free", mode: "test" });
    expect((await new DreamApi({ baseUrl: stack.apiUrl }).platforms.getPublic(platformId, { mode: "test" })).organizationId).toBe(joined.organizationId);
    const active = new DreamApi({ baseUrl: stack.apiUrl, endUserToken: await mintEndUserToken(clerkUserId, joined.organizationId) });
    expect((await active.usage.check()).usage).toMatchObject({ count: 0, plan: "free" });
  });

  it("platforms.join takes only a person's token, never the secret key", async () => {
    await expect(client().platforms.join("plt_8dJ2kQ4mN7rT1vW3")).rejects.toBeInstanceOf(DreamApiConfigurationError);
  });
});
