import { describe, expect, it } from "vitest";
import { lowestTier, tierInputSchema, type Tier } from "../src";

function tier(name: string, price: number, limit: number | null, extra: Partial<Tier> = {}): Tier {
  return {
    name,
    displayName: name,
    kind: "subscription",
    price,
    currency: "usd",
    limit,
    features: [],
    popular: false,
    inventory: null,
    credits: null,
    creditValidityDays: null,
    imageUrl: null,
    description: null,
    priceId: null,
    productId: null,
    sortOrder: 0,
    archived: false,
    ...extra,
  };
}

describe("tier schema", () => {
  it("accepts subscription and one-off tiers with defaults", () => {
    const parsed = tierInputSchema.parse({ name: "pro", displayName: "Pro", kind: "subscription", price: 1900, limit: 1000 });
    expect(parsed).toMatchObject({ currency: "usd", features: [], popular: false });
    expect(tierInputSchema.parse({ name: "ebook", displayName: "E-book", kind: "one_off", price: 500, inventory: 10 }).kind).toBe("one_off");
  });

  it.each<[Record<string, unknown>, string]>([
    [{ name: "Pro", displayName: "Pro", kind: "subscription", price: 1, limit: 1 }, "upper-case name"],
    [{ name: "pro", displayName: "Pro", kind: "subscription", price: -1, limit: 1 }, "negative price"],
    [{ name: "pro", displayName: "Pro", kind: "subscription", price: 1.5, limit: 1 }, "fractional price"],
    [{ name: "pro", displayName: "Pro", kind: "subscription", price: 1 }, "missing limit"],
    [{ name: "pro", displayName: "Pro", kind: "one_off", price: 1, limit: 5 }, "limit on a one-off"],
    [{ name: "pro", displayName: "Pro", kind: "rental", price: 1, limit: 5 }, "unknown kind"],
    [{ name: "pro", displayName: "Pro", kind: "subscription", price: 1, limit: 5, currency: "USD" }, "upper-case currency"],
    [{ name: "pro", displayName: "Pro", kind: "subscription", price: 1, limit: 5, extra: true }, "unknown field"],
  ])("rejects %j (%s)", (input, _reason) => {
    expect(tierInputSchema.safeParse(input).success).toBe(false);
  });
});

describe("lowestTier", () => {
  it("picks the cheapest active subscription tier, then the lower limit", () => {
    expect(lowestTier([tier("pro", 900, 100), tier("free", 0, 10), tier("freer", 0, 5)])?.name).toBe("freer");
    expect(lowestTier([tier("free", 0, 10, { archived: true }), tier("pro", 900, 100)])?.name).toBe("pro");
    expect(lowestTier([tier("book", 0, null, { kind: "one_off" })])).toBeNull();
    expect(lowestTier([])).toBeNull();
  });
});
