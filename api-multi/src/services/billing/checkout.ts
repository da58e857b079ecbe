import { ApiError, activeTier, pricingPagePath, purposeMetadata, type Tier } from "@dream-api/shared";
import { brandOf, getEndUserBilling, getLiveSubscription, getPlatformSettings, listTiers, type PlatformSettings } from "@dream-api/shared/db";
import { stripeFailure } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import type { ServiceContext } from "../../context";
import { customerNotFound } from "../customers/get";
import { brandingSettings } from "./branding";
import { createEndUserPortal } from "./portal";
import { assertAllowedRedirect } from "./redirects";
import { checkoutAccount, platformStripe } from "./stripe-account";

export interface CheckoutInput {
  userId: string;
  tier: string;
  successUrl?: string | undefined;
  cancelUrl?: string | undefined;
}

/**
 * A Stripe Checkout session for an end-user on the developer's connected
 * account (Stripe-Account): subscription mode for subscription tiers,
 * payment mode for one-off products (sold out → 409). In preview (test key,
 * no connected account) it runs on the platform's account with inline
 * prices. Metadata carries the end-user purpose, platformId, userId and
 * tier, which the webhook uses. Nothing is written in D1 here, so a Stripe failure leaves nothing.
 */
export async function createEndUserCheckout({ ctx, input }: { ctx: ServiceContext; input: CheckoutInput }): Promise<{ id: string; url: string }> {
  const db = ctx.env.DB;
  const tier = activeTier(await listTiers(db, ctx), input.tier);
  if (!tier) throw new ApiError("unknown_tier", `"${input.tier}" is not an active tier of this platform.`, { param: "tier" });
  if (tier.price === 0) throw new ApiError("invalid_request", `"${tier.name}" is free: there is nothing to check out. Change the plan with PATCH /api/customers/:userId.`, { param: "tier" });
  if (tier.kind === "one_off" && tier.inventory !== null && tier.inventory <= 0) {
    throw new ApiError("sold_out", `"${tier.name}" is sold out.`, { param: "tier" });
  }
  const user = await getEndUserBilling(db, ctx, input.userId);
  if (!user) throw customerNotFound(input.userId);
  const { account } = await checkoutAccount(ctx);
  if (account && !tier.priceId) throw new ApiError("conflict", `Tier "${tier.name}" has no Stripe price yet; save it again in the dashboard.`, { param: "tier" });
  const settings = await getPlatformSettings(db, ctx.platformId, ctx.mode);
  const urls = redirectUrls(ctx, settings, input);
  if (tier.kind === "subscription") await refuseSecondSubscription(ctx, { ...input, cancelUrl: urls.cancelUrl });

  // Marked as an end-user checkout; no client_reference_id: the userId is the developer's choice and
  // could name anyone, so nothing in this session may be read as naming a developer (checkout-purpose.ts).
  const metadata = { ...purposeMetadata("end_user"), platformId: ctx.platformId, mode: ctx.mode, userId: input.userId, tier: tier.name };
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: tier.kind === "subscription" ? "subscription" : "payment",
    line_items: [account ? { price: tier.priceId!, quantity: 1 } : { price_data: inlinePrice(tier), quantity: 1 }],
    metadata,
    success_url: urls.successUrl,
    cancel_url: urls.cancelUrl,
    ...(tier.kind === "subscription" ? { subscription_data: { metadata } } : { payment_intent_data: { metadata } }),
    ...(user.stripeCustomerId && user.stripeCustomerAccount === account ? { customer: user.stripeCustomerId } : user.email ? { customer_email: user.email } : {}),
    ...brandingParams(settings),
  };
  try {
    const session = await platformStripe(ctx.env, ctx.mode).checkout.sessions.create(params, account ? { stripeAccount: account } : {});
    if (!session.url) throw new ApiError("stripe_error", "Stripe returned a Checkout session without a URL.");
    return { id: session.id, url: session.url };
  } catch (error) {
    throw stripeFailure("create the Checkout session", error);
  }
}

/**
 * One subscription per end-user and platform: while one is running (active,
 * trialing or past due), a checkout for any subscription tier is 409
 * `already_subscribed`, and the error carries a billing-portal URL
 * (`portalUrl`, null when Stripe could not make one) where the end-user
 * changes plan or fixes a payment instead. One-off purchases stay open.
 */
async function refuseSecondSubscription(ctx: ServiceContext, input: CheckoutInput): Promise<void> {
  const running = await getLiveSubscription(ctx.env.DB, ctx, input.userId);
  if (!running) return;
  let portalUrl: string | null = null;
  try {
    portalUrl = (await createEndUserPortal({ ctx, input: { userId: input.userId, returnUrl: input.cancelUrl } })).url;
  } catch (error) {
    console.error("already_subscribed: no portal session for the error", error instanceof ApiError ? error.code : "unexpected");
  }
  const status = running.status === "past_due" ? "a past-due" : running.status === "trialing" ? "a trialing" : "an active";
  throw new ApiError(
    "already_subscribed",
    `Customer "${input.userId}" already has ${status} subscription (plan "${running.plan}"). Change plans or fix the payment in the billing portal (portalUrl) instead of starting a second subscription.`,
    { param: "tier", extra: { portalUrl } },
  );
}

function inlinePrice(tier: Tier): Stripe.Checkout.SessionCreateParams.LineItem.PriceData {
  return {
    currency: tier.currency,
    unit_amount: tier.price,
    product_data: { name: tier.displayName, metadata: { tier: tier.name } },
    ...(tier.kind === "subscription" ? { recurring: { interval: "month" as const } } : {}),
  };
}

/**
 * Success/cancel URLs: the caller's (http(s), on one of the allowed origins
 * of the developer's settings of the key's mode, in either mode: see
 * redirects.ts), else the defaults of the key's mode, else the hosted
 * pricing page.
 */
function redirectUrls(ctx: ServiceContext, settings: PlatformSettings, input: CheckoutInput): { successUrl: string; cancelUrl: string } {
  const pricingPage = new URL(pricingPagePath(ctx), config(ctx.env).DASHBOARD_URL).toString();
  const pick = (given: string | undefined, param: string, fallback: string) => {
    if (given === undefined) return fallback;
    assertAllowedRedirect(ctx, settings, given, param);
    return given;
  };
  return {
    successUrl: pick(input.successUrl, "successUrl", settings.defaultSuccessUrl ?? `${pricingPage}?checkout=success`),
    cancelUrl: pick(input.cancelUrl, "cancelUrl", settings.defaultCancelUrl ?? `${pricingPage}?checkout=canceled`),
  };
}

/** The brand of the key's mode on Checkout: Stripe's `branding_settings`, or nothing when no brand is set. */
function brandingParams(settings: PlatformSettings): Pick<Stripe.Checkout.SessionCreateParams, "branding_settings"> {
  const branding = brandingSettings(brandOf(settings));
  return branding ? { branding_settings: branding } : {};
}
