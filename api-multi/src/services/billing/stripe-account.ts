/**
 * Where an end-user's payments go: the developer's connected account, read
 * through api-multi's ACCOUNT_CACHE (KV, rewritten by oauth-api and by the
 * deauthorization webhook) with D1 as the fallback.
 */
import { ApiError } from "@dream-api/shared";
import { accountCacheKvKey, getConnectedAccount, type CachedAccount } from "@dream-api/shared/db";
import { stripeClient } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import type { ServiceContext } from "../../context";

export function platformStripe(env: Env): Stripe {
  const { STRIPE_SECRET_KEY, STRIPE_API_BASE, STRIPE_TIMEOUT_MS } = config(env);
  return stripeClient({ secretKey: STRIPE_SECRET_KEY, apiBase: STRIPE_API_BASE, timeoutMs: STRIPE_TIMEOUT_MS });
}

export async function connectedAccount(ctx: ServiceContext): Promise<CachedAccount> {
  const kvKey = accountCacheKvKey(ctx.platformId);
  const cached = await ctx.env.ACCOUNT_CACHE.get<CachedAccount>(kvKey, { type: "json" });
  if (cached !== null) return cached;
  const account = await getConnectedAccount(ctx.env.DB, ctx.platformId);
  ctx.waitUntil(ctx.env.ACCOUNT_CACHE.put(kvKey, JSON.stringify(account), { expirationTtl: 3600 }));
  return account;
}

/**
 * The Stripe account a checkout runs on: the connected account, or — in
 * preview (a free developer's test key, not yet connected) — the platform's
 * own account in test mode (`account: null`). Otherwise a connected account
 * is required.
 */
export async function checkoutAccount(ctx: ServiceContext): Promise<{ account: string | null }> {
  const account = await connectedAccount(ctx);
  if (account) return { account: account.stripeUserId };
  if (ctx.preview) return { account: null };
  throw new ApiError("stripe_not_connected", "This platform has no connected Stripe account. The developer must connect Stripe to take payments.");
}
