import { activeTiers, ApiError, createPortalSession, MAX_PORTAL_PLANS, type PortalPlan, pricingPagePath } from "@dream-api/shared";
import { getCachedConnectedAccount, getPlatformTiers } from "@dream-api/shared/caches";
import { getEndUserBilling, getPlatformSettings } from "@dream-api/shared/db";
import { stripeFailure } from "@dream-api/shared/stripe";
import { config } from "../../config";
import type { ServiceContext } from "../../context";
import { customerNotFound } from "../customers/get";
import { assertAllowedRedirect } from "./redirects";
import { platformStripe } from "./stripe-account";

/**
 * The plans a subscriber may switch among in the portal: the developer's
 * offered subscription tiers, whose prices live on the connected account —
 * so only for a customer on that account (not a preview purchase on the
 * platform's, nor one on an account the developer has since replaced). One
 * entry per product, at most Stripe's limit, in display order.
 */
async function switchablePlans(ctx: ServiceContext, customerAccount: string | null): Promise<PortalPlan[]> {
  if (!customerAccount) return [];
  const connected = await getCachedConnectedAccount(ctx.env, ctx, ctx.platformId);
  if (connected?.stripeUserId !== customerAccount) return [];
  const plans = new Map<string, string[]>();
  for (const tier of activeTiers(await getPlatformTiers(ctx.env, ctx, ctx))) {
    if (tier.kind !== "subscription" || !tier.priceId || !tier.productId) continue;
    plans.set(tier.productId, [...(plans.get(tier.productId) ?? []), tier.priceId]);
  }
  return [...plans].slice(0, MAX_PORTAL_PLANS).map(([product, prices]) => ({ product, prices }));
}

/**
 * A billing-portal session for the end-user's Stripe customer, on the account
 * it lives on (the developer's connected account; the platform's own for a
 * preview purchase), with dream-api's "end-user" portal configuration there —
 * made on first use, since connected accounts cannot be set up at deploy time
 * — where the end-user cancels at period end or switches among the tiers.
 */
export async function createEndUserPortal({ ctx, input }: { ctx: ServiceContext; input: { userId: string; returnUrl?: string | undefined } }): Promise<{ url: string }> {
  const user = await getEndUserBilling(ctx.env.DB, ctx, input.userId);
  if (!user) throw customerNotFound(input.userId);
  if (!user.stripeCustomerId) throw new ApiError("no_billing_account", `Customer "${input.userId}" has not paid yet, so there is no billing account to manage.`);
  const settings = await getPlatformSettings(ctx.env.DB, ctx.platformId, ctx.mode);
  if (input.returnUrl) assertAllowedRedirect(ctx, settings, input.returnUrl, "returnUrl");
  const returnUrl = input.returnUrl ?? settings.defaultReturnUrl ?? new URL(pricingPagePath(ctx), config(ctx.env).DASHBOARD_URL).toString();
  const plans = await switchablePlans(ctx, user.stripeCustomerAccount);
  try {
    const session = await createPortalSession(platformStripe(ctx.env, ctx.mode), {
      purpose: "end-user",
      customer: user.stripeCustomerId,
      returnUrl,
      stripeAccount: user.stripeCustomerAccount ?? undefined,
      plans,
    });
    return { url: session.url };
  } catch (error) {
    throw stripeFailure("open the billing portal", error);
  }
}
