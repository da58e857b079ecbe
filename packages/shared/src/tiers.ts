/**
 * The pricing-tier schema shared by oauth-api (which writes tiers and their
 * Stripe objects), api-multi (which enforces their limits) and the
 * dashboard. Prices are in minor units (cents); `limit: null` is unlimited.
 */
import { z } from "zod";

export const TIER_NAME_PATTERN = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export const tierNameSchema = z.string().regex(TIER_NAME_PATTERN, "must be 1-40 characters of a-z, 0-9, '-' or '_', starting with a letter or digit");

/** Currencies Stripe can charge in (ISO 4217, lower case as Stripe writes them). */
export const STRIPE_CURRENCIES = new Set(
  (
    "usd aed afn all amd ang aoa ars aud awg azn bam bbd bdt bgn bhd bif bmd bnd bob brl bsd bwp byn bzd cad cdf chf clp cny cop crc cve czk " +
    "djf dkk dop dzd egp etb eur fjd fkp gbp gel gip gmd gnf gtq gyd hkd hnl htg huf idr ils inr isk jmd jod jpy kes kgs khr kmf krw kwd kyd " +
    "kzt lak lbp lkr lrd lsl mad mdl mga mkd mmk mnt mop mur mvr mwk mxn myr mzn nad ngn nio nok npr nzd omr pab pen pgk php pkr pln pyg qar " +
    "ron rsd rub rwf sar sbd scr sek sgd shp sle sos srd std szl thb tjs tnd top try ttd twd tzs uah ugx uyu uzs vnd vuv wst xaf xcd xof xpf " +
    "yer zar zmw"
  ).split(" "),
);

export const currencySchema = z
  .string()
  .regex(/^[a-z]{3}$/, "must be a three-letter ISO currency code in lower case, like usd")
  .refine((code) => STRIPE_CURRENCIES.has(code), "is not a currency Stripe supports");

/** At most this many active tiers per platform. */
export const MAX_TIERS = 20;

const tierBase = {
  name: tierNameSchema,
  displayName: z.string().trim().min(1).max(80),
  price: z.number().int().min(0).max(99_999_999),
  currency: currencySchema.default("usd"),
  features: z.array(z.string().trim().min(1).max(200)).max(30).default([]),
  popular: z.boolean().default(false),
  description: z.string().max(1000).nullable().optional(),
  imageUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .optional(),
  sortOrder: z.number().int().min(0).max(1000).optional(),
};

export const subscriptionTierInputSchema = z.strictObject({
  ...tierBase,
  kind: z.literal("subscription"),
  limit: z.number().int().min(0).max(1_000_000_000).nullable(),
});

/** A credit pack's credits (units a purchase adds) and how many days they stay valid (null: forever). */
export const tierCreditsSchema = z.number().int().min(1).max(10_000_000).nullable();
export const tierCreditValiditySchema = z.number().int().min(1).max(3650).nullable();

export const oneOffTierInputSchema = z.strictObject({
  ...tierBase,
  kind: z.literal("one_off"),
  limit: z.null().optional(),
  inventory: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  credits: tierCreditsSchema.optional(),
  creditValidityDays: tierCreditValiditySchema.optional(),
});

export const tierInputSchema = z.discriminatedUnion("kind", [subscriptionTierInputSchema, oneOffTierInputSchema]);
export type TierInput = z.infer<typeof tierInputSchema>;

/** PATCH /products/:name: any field but name and kind. */
export const tierPatchSchema = z.strictObject({
  displayName: tierBase.displayName.optional(),
  price: tierBase.price.optional(),
  currency: currencySchema.optional(),
  limit: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  features: z.array(z.string().trim().min(1).max(200)).max(30).optional(),
  popular: z.boolean().optional(),
  description: tierBase.description,
  imageUrl: tierBase.imageUrl,
  inventory: z.number().int().min(0).max(1_000_000_000).nullable().optional(),
  credits: tierCreditsSchema.optional(),
  creditValidityDays: tierCreditValiditySchema.optional(),
  sortOrder: tierBase.sortOrder,
});
export type TierPatch = z.infer<typeof tierPatchSchema>;

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
  /** One-off tiers: the credits a purchase grants (null: none). */
  credits: number | null;
  /** Days a purchase's credits stay valid (null: they never expire). */
  creditValidityDays: number | null;
  imageUrl: string | null;
  description: string | null;
  priceId: string | null;
  productId: string | null;
  sortOrder: number;
  archived: boolean;
}

/**
 * The tiers a platform offers: not archived, in display order (sort order,
 * then price). Archived tiers stay stored — subscribers may still be on
 * them — but are never offered, checked out or assigned.
 */
export function activeTiers(tiers: readonly Tier[]): Tier[] {
  return tiers.filter((tier) => !tier.archived).sort((a, b) => a.sortOrder - b.sortOrder || a.price - b.price);
}

/** The active tier named `name`, if any. */
export function activeTier(tiers: readonly Tier[], name: string): Tier | undefined {
  return tiers.find((tier) => tier.name === name && !tier.archived);
}

/**
 * The tier a new end-user starts on: the cheapest active subscription tier
 * (ties broken by the lower limit, then sort order).
 */
export function lowestTier(tiers: readonly Tier[]): Tier | null {
  const candidates = tiers.filter((tier) => !tier.archived && tier.kind === "subscription");
  candidates.sort((a, b) => a.price - b.price || (a.limit ?? Number.POSITIVE_INFINITY) - (b.limit ?? Number.POSITIVE_INFINITY) || a.sortOrder - b.sortOrder);
  return candidates[0] ?? null;
}
