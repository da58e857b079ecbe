/**
 * The pricing-tier schema shared by oauth-api (which writes tiers and their
 * Stripe objects), api-multi (which enforces their limits) and the
 * dashboard. Prices are in minor units (cents); `limit: null` is unlimited.
 */
import { z } from "zod";

export const TIER_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export const tierNameSchema = z
  .string()
  .regex(TIER_NAME_PATTERN, "must be 1-40 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");

export const currencySchema = z
  .string()
  .regex(/^[a-z]{3}$/, "must be a three-letter ISO currency code in lower case, like usd");

const tierBase = {
  name: tierNameSchema,
  displayName: z.string().trim().min(1).max(80),
  price: z.number().int().min(0).max(99_999_999),
  currency: currencySchema.default("usd"),
  features: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  popular: z.boolean().default(false),
  description: z.string().max(1000).nullable().optional(),
  imageUrl: z.url({ protocol: /^https?$/ }).max(2048).nullable().optional(),
};

export const subscriptionTierInputSchema = z.strictObject({
  ...tierBase,
  kind: z.literal("subscription"),
  limit: z.number().int().min(0).max(1_000_000_000).nullable(),
});

export const oneOffTierInputSchema = z.strictObject({
  ...tierBase,
  kind: z.literal("one_off"),
  limit: z.null().optional(),
  inventory: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
});

export const tierInputSchema = z.discriminatedUnion("kind", [subscriptionTierInputSchema, oneOffTierInputSchema]);
export type TierInput = z.infer<typeof tierInputSchema>;

export type TierKind = "subscription" | "one_off";

/** A tier as stored and served. */
export interface Tier {
  name: string;
  displayName: string;
  kind: TierKind;
  price: number;
  currency: string;
  limit: number | null;
  features: string[];
  popular: boolean;
  inventory: number | null;
  imageUrl: string | null;
  description: string | null;
  priceId: string | null;
  productId: string | null;
  sortOrder: number;
  archived: boolean;
}

/**
 * The tier a new end-user starts on: the cheapest active subscription tier
 * (ties broken by the lower limit, then sort order).
 */
export function lowestTier(tiers: readonly Tier[]): Tier | null {
  const candidates = tiers.filter((tier) => !tier.archived && tier.kind === "subscription");
  candidates.sort(
    (a, b) =>
      a.price - b.price ||
      (a.limit ?? Number.POSITIVE_INFINITY) - (b.limit ?? Number.POSITIVE_INFINITY) ||
      a.sortOrder - b.sortOrder,
  );
  return candidates[0] ?? null;
}
