/** tiers.list (secret key) and tiers.listPublic (no credentials). */
import { describe, expect, it } from "vitest";
import { DreamApi, DreamApiConfigurationError, NotFoundError, ValidationError } from "../src/index.js";
import { client, rejectionOf, stack } from "./support/stack.js";

describe("tiers", () => {
  it("lists the active tiers with their Stripe ids, in display order", async () => {
    const { tiers, mode } = await client().tiers.list();
    expect(mode).toBe("test");
    expect(tiers.map((tier) => tier.name)).toEqual(["free", "pro", "lifetime"]);
    const pro = tiers.find((tier) => tier.name === "pro");
    expect(pro).toMatchObject({ kind: "subscription", price: 1900, currency: "usd", limit: 10_000, popular: true, archived: false });
    expect(pro?.priceId).toMatch(/^price_/);
    expect(pro?.productId).toMatch(/^prod_/);
    expect(tiers.find((tier) => tier.name === "lifetime")).toMatchObject({ kind: "one_off", limit: null, inventory: 0 });
  });

  it("lists public tiers with only a publishable key (constructor or argument), without Stripe ids or Authorization", async () => {
    const seen: Headers[] = [];
    const spyFetch = (input: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return fetch(input, init);
    };
    const publicClient = new DreamApi({ baseUrl: stack.apiUrl, publishableKey: stack.publishableKey, fetch: spyFetch });
    const fromConstructor = await publicClient.tiers.listPublic();
    expect(fromConstructor.mode).toBe("test");
    expect(fromConstructor.tiers.map((tier) => tier.name)).toEqual(["free", "pro", "lifetime"]);
    expect(fromConstructor.tiers[1]).toEqual({
      name: "pro",
      displayName: "Pro",
      kind: "subscription",
      price: 1900,
      currency: "usd",
      limit: 10_000,
      features: ["10,000 calls a month"],
      popular: true,
      inventory: null,
      imageUrl: null,
      description: null,
      soldOut: false,
      credits: null,
      creditValidityDays: null,
    });
    expect(fromConstructor.tiers[2]?.soldOut).toBe(true);
    expect(seen[0]?.has("Authorization")).toBe(false);
    expect(seen[0]?.has("Content-Type")).toBe(false);

    const fromArgument = await new DreamApi({ baseUrl: stack.apiUrl }).tiers.listPublic(stack.publishableKey);
    expect(fromArgument).toEqual(fromConstructor);
  });

  it("maps an unknown or malformed publishable key to 404 / 400 on `pk`", async () => {
    const anonymous = new DreamApi({ baseUrl: stack.apiUrl });
    const unknown = await rejectionOf(anonymous.tiers.listPublic(`pk_test_${"0".repeat(28)}`));
    expect(unknown).toBeInstanceOf(NotFoundError);
    expect(unknown).toMatchObject({ code: "not_found", param: "pk" });
    const malformed = await rejectionOf(anonymous.tiers.listPublic("sk_test_nope"));
    expect(malformed).toBeInstanceOf(ValidationError);
    expect(malformed).toMatchObject({ code: "invalid_request", param: "pk" });
  });

  it("needs a publishable key from somewhere, and a secret key for tiers.list", async () => {
    const anonymous = new DreamApi({ baseUrl: stack.apiUrl });
    await expect(anonymous.tiers.listPublic()).rejects.toBeInstanceOf(DreamApiConfigurationError);
    await expect(anonymous.tiers.list()).rejects.toThrow(/needs your secret key/);
  });
});
