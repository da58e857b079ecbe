/**
 * Where an end-user's payments go: the developer's connected account, read
 * through the account cache (@dream-api/shared/caches: KV, rewritten by
 * oauth-api and by the deauthorization webhook) with D1 as the fallback.
 */
import { ApiError } from "@dream-api/shared";
import { getCachedConnectedAccount } from "@dream-api/shared/caches";
import { stripeClient } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import type { ServiceContext } from "../../context";

export function platformStripe(env: Env): Stripe {
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_TIMEOUT_MS } = config(env);
  return stripeClient({ secretKey: STRIPE_SECRET_KEY, apiBase: STRIPE_API_BASE, timeoutMs: STRIPE_TIMEOUT_MS });
}

/**
 * The Stripe account a checkout runs on: the connected account, or — in
 * preview (a free developer's test key, not yet connected) — the platform's
 * own account in test mode (`account: null`). Otherwise a connected account
 * is required.
 */
export async function checkoutAccount(ctx: ServiceContext): Promise<{ account: string | null }> {
  const account = await getCachedConnectedAccount(ctx.env, ctx, ctx.platformId);
  if (account) return { account: account.stripeUserId };
  if (ctx.preview) return { account: null };
  throw new ApiError("stripe_not_connected", "This platform has no connected Stripe account. The developer must connect Stripe to take payments.");
}
