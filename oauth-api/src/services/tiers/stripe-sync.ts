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
import { sha256Hex, type Tenant, type Tier } from "@dream-api/shared";
import { stripeFailure } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { platformStripe } from "../connect/connect";

export type TierFields = Pick<Tier, "name" | "displayName" | "kind" | "price" | "currency" | "description" | "imageUrl">;

export interface StripeRefs {
  productId: string | null;
  priceId: string | null;
}

/** Where a tier's Stripe objects live: the connected account, reached with the platform's key of the tier's mode. */
interface SyncTarget {
  env: Env;
  tenant: Tenant;
  account: string;
}

async function idempotencyKey(parts: unknown[]): Promise<string> {
  return `dream-tier-${await sha256Hex(JSON.stringify(parts))}`;
}

function productParams(tenant: Tenant, tier: TierFields): Stripe.ProductCreateParams {
  return {
    name: tier.displayName,
    ...(tier.description ? { description: tier.description } : {}),
    ...(tier.imageUrl ? { images: [tier.imageUrl] } : {}),
    metadata: { platformId: tenant.platformId, mode: tenant.mode, tier: tier.name },
  };
}

/**
 * A product update's fields. A cleared description or image is sent as an
 * empty string, Stripe's way to unset a field (`Emptyable` in stripe-node):
 * stripe-node drops an empty array from the form body, so `images: []` would
 * leave the old image in place.
 */
function productUpdateParams(tier: TierFields): Stripe.ProductUpdateParams {
  return { name: tier.displayName, description: tier.description || "", images: tier.imageUrl ? [tier.imageUrl] : "" };
}

function productFieldsDiffer(a: TierFields, b: TierFields): boolean {
  return a.displayName !== b.displayName || a.description !== b.description || a.imageUrl !== b.imageUrl;
}

/** Whether Stripe answered a create with the stored answer of an earlier request with the same idempotency key. */
function isReplay(object: Stripe.Response<object>): boolean {
  // With the fetch HTTP client lastResponse is the fetch Response, whose headers are a Headers object (not the typed plain object).
  const headers: unknown = object.lastResponse?.headers;
  const value = headers instanceof Headers ? headers.get("idempotent-replayed") : (headers as Record<string, string> | undefined)?.["idempotent-replayed"];
  return value === "true";
}

/**
 * Stripe answers a create whose idempotency key it has seen with its first
 * answer (header Idempotent-Replayed: true), even when the object has been
 * archived since — by archiveUnreferenced after a refused write, or as the
 * price a paid → free change replaced. Storing it would leave the tier on an
 * archived object, so a replayed object that is archived now is made active
 * again: its key says it is exactly what this tier asks for.
 */
async function activeAfterReplay(stripe: Stripe, object: Stripe.Response<Stripe.Product> | Stripe.Response<Stripe.Price>, options: Stripe.RequestOptions): Promise<void> {
  if (!isReplay(object)) return;
  if (object.object === "product") {
    if (!(await stripe.products.retrieve(object.id, {}, options)).active) await stripe.products.update(object.id, { active: true }, options);
  } else if (!(await stripe.prices.retrieve(object.id, {}, options)).active) {
    await stripe.prices.update(object.id, { active: true }, options);
  }
}

export interface SyncedRefs extends StripeRefs {
  /**
   * The price that `priceId` replaces (null: none). It is still active: the
   * caller archives it with archivePriceInStripe only after D1 stores the
   * new refs, so that a failure in between never leaves D1 pointing at an
   * archived price.
   */
  replacedPriceId: string | null;
  /** Whether the existing product's name, description or images were changed in Stripe. */
  productUpdated: boolean;
}

/**
 * Brings Stripe's product and price in line with `desired`, given the
 * tier's `current` refs; returns the refs to store and the price they
 * replace (left active: see SyncedRefs).
 */
export async function syncTierToStripe(target: SyncTarget, desired: TierFields, current: (TierFields & StripeRefs) | null): Promise<SyncedRefs> {
  const stripe = platformStripe(target.env, target.tenant.mode);
  const options = (extra: Stripe.RequestOptions = {}) => ({ stripeAccount: target.account, ...extra });
  try {
    if (desired.price === 0) return { productId: current?.productId ?? null, priceId: null, replacedPriceId: current?.priceId ?? null, productUpdated: false };
    const params = productParams(target.tenant, desired);
    let productId = current?.productId ?? null;
    let productUpdated = false;
    if (!productId) {
      const product = await stripe.products.create(params, options({ idempotencyKey: await idempotencyKey(["product", target.tenant.platformId, params]) }));
      await activeAfterReplay(stripe, product, options());
      productId = product.id;
    } else if (current && productFieldsDiffer(current, desired)) {
      await stripe.products.update(productId, productUpdateParams(desired), options());
      productUpdated = true;
    }
    const samePrice = current?.priceId && current.price === desired.price && current.currency === desired.currency && current.kind === desired.kind;
    if (samePrice) return { productId, priceId: current.priceId, replacedPriceId: null, productUpdated };
    const priceParams: Stripe.PriceCreateParams = {
      product: productId,
      unit_amount: desired.price,
      currency: desired.currency,
      ...(desired.kind === "subscription" ? { recurring: { interval: "month" } } : {}),
      metadata: { platformId: target.tenant.platformId, mode: target.tenant.mode, tier: desired.name },
    };
    const price = await stripe.prices.create(priceParams, options({ idempotencyKey: await idempotencyKey(["price", target.tenant.platformId, priceParams, current?.priceId ?? null]) }));
    await activeAfterReplay(stripe, price, options());
    return { productId, priceId: price.id, replacedPriceId: current?.priceId ?? null, productUpdated };
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
    await platformStripe(target.env, target.tenant.mode).prices.update(priceId, { active: false }, { stripeAccount: target.account });
  } catch (error) {
    throw stripeFailure(`archive the replaced Stripe price ${priceId}`, error, "The tier's change is saved; retry the request to finish archiving the old price.");
  }
}

/** Archives a tier's product and price: no new purchases, existing subscriptions go on. */
export async function archiveTierInStripe(target: SyncTarget, refs: StripeRefs): Promise<void> {
  const stripe = platformStripe(target.env, target.tenant.mode);
  try {
    if (refs.priceId) await stripe.prices.update(refs.priceId, { active: false }, { stripeAccount: target.account });
    if (refs.productId) await stripe.products.update(refs.productId, { active: false }, { stripeAccount: target.account });
  } catch (error) {
    throw stripeFailure("archive the tier's Stripe objects", error);
  }
}

/** What a failed Stripe call is, for logs: never the message, headers or request (they may carry keys or customer data). */
function stripeErrorInfo(error: unknown): { type?: unknown; code?: unknown; statusCode?: unknown; requestId?: unknown } {
  if (typeof error !== "object" || error === null) return {};
  const { type, code, statusCode, requestId } = error as Record<string, unknown>;
  return { type, code, statusCode, requestId };
}

/**
 * After D1 refused this request's write (a concurrent request won the name,
 * the last free tier slot or the tier itself), archives the Stripe objects
 * it made that no stored tier references, prices before their product.
 * Identical concurrent requests get the very same objects back from Stripe
 * (their idempotency keys match), so anything a stored tier — the winner's —
 * references is left alone. Best effort: the request is refused either way,
 * so a failure is logged (ids and Stripe's error code only) and skipped.
 */
export async function archiveUnreferenced(target: SyncTarget, made: readonly StripeRefs[], stored: readonly Tier[]): Promise<void> {
  const stripe = platformStripe(target.env, target.tenant.mode);
  const options = { stripeAccount: target.account };
  const referencedPrices = new Set(stored.map((tier) => tier.priceId).filter(Boolean));
  const referencedProducts = new Set(stored.map((tier) => tier.productId).filter(Boolean));
  const prices = new Set(made.map((refs) => refs.priceId).filter((id): id is string => id !== null && !referencedPrices.has(id)));
  const products = new Set(made.map((refs) => refs.productId).filter((id): id is string => id !== null && !referencedProducts.has(id)));
  for (const priceId of prices) {
    await stripe.prices.update(priceId, { active: false }, options).catch((error: unknown) => {
      console.error(`tiers: could not archive Stripe price ${priceId} of a refused tier write on ${target.account}`, stripeErrorInfo(error));
    });
  }
  for (const productId of products) {
    await stripe.products.update(productId, { active: false }, options).catch((error: unknown) => {
      console.error(`tiers: could not archive Stripe product ${productId} of a refused tier write on ${target.account}`, stripeErrorInfo(error));
    });
  }
}

/**
 * After a PATCH that had already renamed (or re-described) the product lost
 * its D1 write to a concurrent change, puts back the fields of the tier D1
 * stores, so Stripe shows what D1 holds whichever update reached Stripe
 * last. Best effort, like archiveUnreferenced.
 */
export async function restoreProductFields(target: SyncTarget, stored: Tier): Promise<void> {
  if (!stored.productId) return;
  await platformStripe(target.env, target.tenant.mode)
    .products.update(stored.productId, productUpdateParams(stored), { stripeAccount: target.account })
    .catch((error: unknown) => {
      console.error(`tiers: could not restore Stripe product ${stored.productId} after a refused tier change on ${target.account}`, stripeErrorInfo(error));
    });
}
