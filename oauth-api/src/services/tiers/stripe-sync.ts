/**
 * Keeps a tier's Stripe objects on the developer's connected account
 * (Stripe-Account header): a product, and a price — recurring monthly for
 * subscriptions, one-off otherwise. Prices are immutable in Stripe, so a
 * price change creates a new price and, once D1 points at it, archives the
 * old one (archivePriceInStripe; the caller writes D1 in between, so D1
 * never names an archived price). Every create
 * carries an idempotency key derived from what it creates (and, for a price,
 * from the price it replaces), so retrying a request that failed midway
 * replays what already happened instead of duplicating it.
 */
import { sha256Hex, type Tier } from "@dream-api/shared";
import { stripeFailure } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { platformStripe } from "../connect/connect";

export type TierFields = Pick<Tier, "name" | "displayName" | "kind" | "price" | "currency" | "description" | "imageUrl">;

export interface StripeRefs {
  productId: string | null;
  priceId: string | null;
}

interface SyncTarget {
  env: Env;
  platformId: string;
  account: string;
}

async function idempotencyKey(parts: unknown[]): Promise<string> {
  return `dream-tier-${await sha256Hex(JSON.stringify(parts))}`;
}

function productParams(platformId: string, tier: TierFields): Stripe.ProductCreateParams {
  return {
    name: tier.displayName,
    ...(tier.description ? { description: tier.description } : {}),
    ...(tier.imageUrl ? { images: [tier.imageUrl] } : {}),
    metadata: { platformId, tier: tier.name },
  };
}

export interface SyncedRefs extends StripeRefs {
  /**
   * The price that `priceId` replaces (null: none). It is still active: the
   * caller archives it with archivePriceInStripe only after D1 stores the
   * new refs, so that a failure in between never leaves D1 pointing at an
   * archived price.
   */
  replacedPriceId: string | null;
}

/**
 * Brings Stripe's product and price in line with `desired`, given the
 * tier's `current` refs; returns the refs to store and the price they
 * replace (left active: see SyncedRefs).
 */
export async function syncTierToStripe(target: SyncTarget, desired: TierFields, current: (TierFields & StripeRefs) | null): Promise<SyncedRefs> {
  const stripe = platformStripe(target.env);
  const options = (extra: Stripe.RequestOptions = {}) => ({ stripeAccount: target.account, ...extra });
  try {
    if (desired.price === 0) return { productId: current?.productId ?? null, priceId: null, replacedPriceId: current?.priceId ?? null };
    const params = productParams(target.platformId, desired);
    let productId = current?.productId ?? null;
    if (!productId) {
      const product = await stripe.products.create(params, options({ idempotencyKey: await idempotencyKey(["product", target.platformId, params]) }));
      productId = product.id;
    } else if (current && (current.displayName !== desired.displayName || current.description !== desired.description || current.imageUrl !== desired.imageUrl)) {
      await stripe.products.update(
        productId,
        { name: desired.displayName, description: desired.description ?? "", images: desired.imageUrl ? [desired.imageUrl] : [] },
        options(),
      );
    }
    const samePrice = current?.priceId && current.price === desired.price && current.currency === desired.currency && current.kind === desired.kind;
    if (samePrice) return { productId, priceId: current.priceId, replacedPriceId: null };
    const priceParams: Stripe.PriceCreateParams = {
      product: productId,
      unit_amount: desired.price,
      currency: desired.currency,
      ...(desired.kind === "subscription" ? { recurring: { interval: "month" } } : {}),
      metadata: { platformId: target.platformId, tier: desired.name },
    };
    const price = await stripe.prices.create(
      priceParams,
      options({ idempotencyKey: await idempotencyKey(["price", target.platformId, priceParams, current?.priceId ?? null]) }),
    );
    return { productId, priceId: price.id, replacedPriceId: current?.priceId ?? null };
  } catch (error) {
    throw stripeFailure(`update the Stripe objects of tier "${desired.name}"`, error);
  }
}

/**
 * Archives a price no tier points at any more (no new purchases; existing
 * subscriptions go on). Idempotent: archiving an archived price changes
 * nothing, so a retry after a lost answer is safe. Called after D1 already
 * stores the replacement, so a failure says the change is saved.
 */
export async function archivePriceInStripe(target: SyncTarget, priceId: string): Promise<void> {
  try {
    await platformStripe(target.env).prices.update(priceId, { active: false }, { stripeAccount: target.account });
  } catch (error) {
    throw stripeFailure(`archive the replaced Stripe price ${priceId}`, error, "The tier's change is saved; retry the request to finish archiving the old price.");
  }
}

/** Archives a tier's product and price: no new purchases, existing subscriptions go on. */
export async function archiveTierInStripe(target: SyncTarget, refs: StripeRefs): Promise<void> {
  const stripe = platformStripe(target.env);
  try {
    if (refs.priceId) await stripe.prices.update(refs.priceId, { active: false }, { stripeAccount: target.account });
    if (refs.productId) await stripe.products.update(refs.productId, { active: false }, { stripeAccount: target.account });
  } catch (error) {
    throw stripeFailure("archive the tier's Stripe objects", error);
  }
}
