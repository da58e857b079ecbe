/**
 * Credit packs: the tier form's Credits granted and validity fields (one-off
 * tiers only, the API's limits), and what the tier list and the pricing
 * table say a pack adds.
 */
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import type { PublicTier, Tier } from "../src/api/models";
import { PricingTable } from "../src/components/pricing-table";
import { creditPackLabels, creditPackSummary } from "../src/lib/credits";
import { TierForm, tierFormOf, validateTierForm } from "../src/pages/dashboard/tier-form";
import { html, text } from "./support/markup";

const tier = (overrides: Partial<Tier> = {}): Tier => ({
  name: "pack",
  displayName: "1,000 credits",
  kind: "one_off",
  price: 900,
  currency: "usd",
  limit: null,
  features: [],
  popular: false,
  inventory: null,
  credits: 1000,
  creditValidityDays: 30,
  imageUrl: null,
  description: null,
  priceId: "price_1",
  productId: "prod_1",
  sortOrder: 0,
  archived: false,
  ...overrides,
});

const publicTier = (overrides: Partial<PublicTier> = {}): PublicTier => {
  const { priceId: _p, productId: _q, sortOrder: _s, archived: _a, ...rest } = tier();
  return { ...rest, soldOut: false, ...overrides };
};

const form = (selected: Tier | null) => html(createElement(TierForm, { tier: selected, onSave: async () => undefined, onCancel: () => undefined }));

describe("the tier form's credit fields", () => {
  it("shows Credits granted and Valid for on a one-off tier, with its values", () => {
    const markup = form(tier());
    expect(markup).toMatch(/<label for="tier-credits"[^>]*>Credits granted<\/label>/);
    expect(markup).toMatch(/<label for="tier-creditValidityDays"[^>]*>Valid for \(days, empty = never expire\)<\/label>/);
    expect(markup).toMatch(/id="tier-credits"[^>]*value="1000"/);
    expect(markup).toMatch(/id="tier-creditValidityDays"[^>]*value="30"/);
  });

  it("has no credit fields on a subscription tier (credits are for one-off tiers only)", () => {
    const markup = form(tier({ kind: "subscription", limit: 1000, credits: null, creditValidityDays: null }));
    expect(markup).not.toContain("Credits granted");
    expect(markup).not.toContain("tier-creditValidityDays");
    expect(form(null)).not.toContain("Credits granted");
  });

  it("sends the credits and their validity of a one-off tier, null when empty", () => {
    const state = tierFormOf(tier());
    expect(validateTierForm(state, false).input).toMatchObject({ kind: "one_off", credits: 1000, creditValidityDays: 30 });
    expect(validateTierForm({ ...state, creditValidityDays: "" }, false).input).toMatchObject({ credits: 1000, creditValidityDays: null });
    expect(validateTierForm({ ...state, credits: "", creditValidityDays: "" }, false).input).toMatchObject({ credits: null, creditValidityDays: null });
    const subscription = validateTierForm({ ...state, kind: "subscription", limit: "100" }, false).input!;
    expect(subscription).not.toHaveProperty("credits");
    expect(subscription).not.toHaveProperty("creditValidityDays");
  });

  it("refuses what the API refuses: 1–10,000,000 credits, 1–3650 days, and a validity without credits", () => {
    const state = tierFormOf(tier());
    const errors = (credits: string, creditValidityDays: string) => validateTierForm({ ...state, credits, creditValidityDays }, false).errors;
    const creditsMessage = "Enter a whole number of credits from 1 to 10,000,000, or leave empty for none.";
    const daysMessage = "Enter a whole number of days from 1 to 3,650, or leave empty for credits that never expire.";
    for (const bad of ["0", "10000001", "1.5", "-3", "lots"]) expect(errors(bad, "").credits).toBe(creditsMessage);
    for (const good of ["1", "10000000"]) expect(errors(good, "")).toEqual({});
    for (const bad of ["0", "3651", "2.5"]) expect(errors("10", bad).creditValidityDays).toBe(daysMessage);
    for (const good of ["1", "3650"]) expect(errors("10", good)).toEqual({});
    expect(errors("", "30").creditValidityDays).toBe("Only credits expire: set Credits granted, or leave this empty.");
  });
});

describe("what a credit pack adds", () => {
  it("says Adds N credits in the tier list, with the validity when set", () => {
    expect(creditPackSummary(tier())).toBe("Adds 1,000 credits, valid 30 days");
    expect(creditPackSummary(tier({ creditValidityDays: null }))).toBe("Adds 1,000 credits");
    expect(creditPackSummary(tier({ credits: 1, creditValidityDays: 1 }))).toBe("Adds 1 credit, valid 1 day");
    expect(creditPackSummary(tier({ credits: null }))).toBeNull();
    expect(creditPackSummary(tier({ kind: "subscription", limit: 10 }))).toBeNull();
  });

  it("shows +1,000 credits and valid 30 days on the pricing card, and nothing for a tier without credits", () => {
    const markup = html(
      createElement(PricingTable, {
        tiers: [
          publicTier(),
          publicTier({ name: "forever", displayName: "Forever pack", credits: 250, creditValidityDays: null }),
          publicTier({ name: "poster", displayName: "Poster", credits: null, creditValidityDays: null }),
        ],
      }),
    );
    const cards = markup.split('<li class="flex flex-col').slice(1);
    expect(cards).toHaveLength(3);
    expect(cards[0]).toMatch(/data-testid="tier-credits"/);
    expect(text(cards[0]!)).toContain("+1,000 credits · valid 30 days");
    expect(text(cards[1]!)).toContain("+250 credits");
    expect(text(cards[1]!)).not.toContain("valid");
    expect(cards[2]).not.toContain("tier-credits");
    expect(creditPackLabels(publicTier())).toEqual({ adds: "+1,000 credits", validity: "valid 30 days" });
  });
});
