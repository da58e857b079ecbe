/**
 * Where an end-user's payments go: the developer's connected account, read
 * through the account cache (@dream-api/shared/caches: KV, rewritten by
 * oauth-api and by the deauthorization webhook) with D1 as the fallback.
 */
import { ApiError } from "@dream-api/shared";
import { getCachedConnectedAccount } from "@dream-api/shared/caches";
import type { KeyMode } from "@dream-api/shared";
import { stripeForMode } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import type { ServiceContext } from "../../context";

/** The platform's Stripe client for one mode's data (test key for test data, live key for live data). */
export function platformStripe(env: Env, mode: KeyMode): Stripe {
  return stripeForMode(config(env), mode);
}

/**
 * The Stripe account a checkout runs on, in the key's mode: the connected
 * account (test data with the test key, live data with the live key), or —
 * in preview (a free developer's test key, not yet connected) — the
 * platform's own account in test mode (`account: null`). Live mode needs
 * the paid plan (checked when the key authenticates) and a connected account.
 */
export async function checkoutAccount(ctx: ServiceContext): Promise<{ account: string | null }> {
  const account = await getCachedConnectedAccount(ctx.env, ctx, ctx.platformId);
  if (account) return { account: account.stripeUserId };
  if (ctx.preview) return { account: null };
  throw new ApiError(
    "stripe_not_connected",
    ctx.mode === "live"
      ? "Live mode needs the paid plan and a connected Stripe account, and this platform has no connected account: the developer must connect Stripe in the dashboard to take payments."
      : "This platform has no connected Stripe account. The developer must connect Stripe in the dashboard to take payments.",
  );
}
