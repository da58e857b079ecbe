import { ApiError, createPortalSession, pricingPagePath } from "@dream-api/shared";
import { getEndUserBilling, getPlatformSettings } from "@dream-api/shared/db";
import { stripeFailure } from "@dream-api/shared/stripe";
import { config } from "../../config";
import type { ServiceContext } from "../../context";
import { customerNotFound } from "../customers/get";
import { assertAllowedRedirect } from "./redirects";
import { platformStripe } from "./stripe-account";

/**
 * A billing-portal session for the end-user's Stripe customer, on the account
 * it lives on (the developer's connected account; the platform's own for a
 * preview purchase), with dream-api's "end-user" portal configuration there —
 * made on first use, since connected accounts cannot be set up at deploy time.
 */
export async function createEndUserPortal({ ctx, input }: { ctx: ServiceContext; input: { userId: string; returnUrl?: string | undefined } }): Promise<{ url: string }> {
  const user = await getEndUserBilling(ctx.env.DB, ctx, input.userId);
  if (!user) throw customerNotFound(input.userId);
  if (!user.stripeCustomerId) throw new ApiError("no_billing_account", `Customer "${input.userId}" has not paid yet, so there is no billing account to manage.`);
  const settings = await getPlatformSettings(ctx.env.DB, ctx.platformId, ctx.mode);
  if (input.returnUrl) assertAllowedRedirect(ctx, settings, input.returnUrl, "returnUrl");
  const returnUrl = input.returnUrl ?? settings.defaultReturnUrl ?? new URL(pricingPagePath(ctx), config(ctx.env).DASHBOARD_URL).toString();
  try {
    const session = await createPortalSession(platformStripe(ctx.env, ctx.mode), {
      purpose: "end-user",
      customer: user.stripeCustomerId,
      returnUrl,
      stripeAccount: user.stripeCustomerAccount ?? undefined,
    });
    return { url: session.url };
  } catch (error) {
    throw stripeFailure("open the billing portal", error);
  }
}
