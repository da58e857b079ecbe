import { describe, expect, it } from "vitest";
import type { PublicTier } from "../src/api/models";
import { tierAction } from "../src/lib/pricing-actions";

const tier = (name: string, price: number, kind: PublicTier["kind"] = "subscription", soldOut = false): PublicTier => ({
  name,
  displayName: name,
  kind,
  price,
  currency: "usd",
  limit: 100,
  features: [],
  popular: false,
  inventory: null,
  credits: null,
  creditValidityDays: null,
  imageUrl: null,
  description: null,
  soldOut,
});

const tiers = [tier("free", 0), tier("pro", 1900), tier("team", 4900), tier("credits", 500, "one_off"), tier("poster", 900, "one_off", true)];
const actions = (plan: string | null) => Object.fromEntries(tiers.map((each) => [each.name, tierAction(each, plan, tiers)]));

describe("tierAction", () => {
  it("offers subscriptions and one-offs to someone signed out or without a plan yet", () => {
    expect(actions(null)).toEqual({ free: "get-started", pro: "subscribe", team: "subscribe", credits: "buy", poster: "sold-out" });
  });

  it("marks the free plan as current and offers the paid ones", () => {
    expect(actions("free")).toEqual({ free: "current", pro: "subscribe", team: "subscribe", credits: "buy", poster: "sold-out" });
  });

  it("shows a subscriber's plan as current and sends other subscription tiers, the free one included, to the billing portal, never to a second checkout", () => {
    expect(actions("pro")).toEqual({ free: "downgrade", pro: "current", team: "change", credits: "buy", poster: "sold-out" });
  });

  it("treats a plan that is no longer listed as not known to be paid (the server's 409 still guards checkout)", () => {
    expect(actions("legacy")).toEqual({ free: "none", pro: "subscribe", team: "subscribe", credits: "buy", poster: "sold-out" });
  });

  it("lets a visitor get started on a free one-off, which has nothing to offer a customer", () => {
    const withSample = [...tiers, tier("sample", 0, "one_off"), tier("gone", 0, "one_off", true)];
    const sample = withSample.find((each) => each.name === "sample")!;
    expect(tierAction(sample, null, withSample)).toBe("get-started");
    expect(tierAction(sample, "free", withSample)).toBe("none");
    expect(tierAction(withSample.find((each) => each.name === "gone")!, null, withSample)).toBe("sold-out");
  });
});
