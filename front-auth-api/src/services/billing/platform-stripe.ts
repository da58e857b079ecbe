import { ApiError } from "@dream-api/shared";
import { stripeClient } from "@dream-api/shared/stripe";

export { stripeFailure } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";

/** The platform's own Stripe account (where developers pay $15/month). */
export function platformStripe(env: Env): Stripe {
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_TIMEOUT_MS } = config(env);
  return stripeClient({ secretKey: STRIPE_SECRET_KEY, apiBase: STRIPE_API_BASE, timeoutMs: STRIPE_TIMEOUT_MS });
}

const resolvedPrices = new Map<string, string>();

/**
 * STRIPE_PLATFORM_PRICE is a price id or a lookup key (stable across
 * environments, so the local stand-in and real Stripe share one config).
 */
export async function platformPriceId(env: Env): Promise<string> {
  const configured = config(env).STRIPE_PLATFORM_PRICE;
  if (configured.startsWith("price_")) return configured;
  const cached = resolvedPrices.get(configured);
  if (cached) return cached;
  const prices = await platformStripe(env).prices.list({ lookup_keys: [configured], active: true, limit: 1 });
  const price = prices.data[0];
  if (!price) throw new ApiError("misconfigured", "The platform's subscription price is not set up (STRIPE_PLATFORM_PRICE).");
  resolvedPrices.set(configured, price.id);
  return price.id;
}
