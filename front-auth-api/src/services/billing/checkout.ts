import { ApiError, clerkClient, purposeMetadata } from "@dream-api/shared";
import { config, type FrontAuthConfig } from "../../config";
import type { ServiceContext } from "../../context";
import { platformPriceId, platformStripe, stripeFailure } from "./platform-stripe";
import { createPlatformPortal } from "./portal";

/**
 * A Checkout session for the $15/month plan on the platform's Stripe
 * account. Its metadata — copied onto the subscription — marks it as a
 * developer-plan checkout of this developer and platform: the platform
 * webhook moves a plan only for such a subscription on the platform price
 * (end-users' preview checkouts run on the same account).
 */
export async function createPlatformCheckout({ ctx }: { ctx: ServiceContext }): Promise<{ id: string; url: string }> {
  const { platform, developerId } = ctx;
  if (platform.plan === "paid" && platform.subscriptionStatus !== null && platform.subscriptionStatus !== "canceled") {
    // One $15 subscription per developer, as one subscription per end-user in api-multi: the portal manages it.
    const portalUrl = await createPlatformPortal({ ctx }).then(
      (portal) => portal.url,
      () => null,
    );
    throw new ApiError("already_subscribed", "You are already on the paid plan. Manage the subscription in the billing portal (portalUrl, or POST /portal).", {
      extra: { portalUrl },
    });
  }
  const settings = config(ctx.env);
  const dashboard = settings.DASHBOARD_URL.replace(/\/$/, "");
  const email = platform.stripeCustomerId ? null : await developerEmail(settings, developerId);
  const metadata = { ...purposeMetadata("developer_plan"), developerId, platformId: platform.platformId };
  try {
    const session = await platformStripe(ctx.env).checkout.sessions.create({
      mode: "subscription",
      line_items: [{ price: await platformPriceId(ctx.env), quantity: 1 }],
      client_reference_id: developerId,
      ...(platform.stripeCustomerId ? { customer: platform.stripeCustomerId } : email ? { customer_email: email } : {}),
      metadata,
      subscription_data: { metadata },
      success_url: `${dashboard}/dashboard?checkout=success`,
      cancel_url: `${dashboard}/dashboard?checkout=canceled`,
    });
    if (!session.url) throw new ApiError("stripe_error", "Stripe returned a Checkout session without a URL.");
    return { id: session.id, url: session.url };
  } catch (error) {
    throw stripeFailure("create the Checkout session", error);
  }
}

/** The developer's primary email from Clerk, to prefill Checkout (best effort: Checkout asks when missing). */
async function developerEmail(settings: FrontAuthConfig, developerId: string): Promise<string | null> {
  try {
    const user = await clerkClient({ secretKey: settings.CLERK_SECRET_KEY, apiUrl: settings.CLERK_API_URL }).users.getUser(developerId);
    return user.primaryEmailAddress?.emailAddress ?? user.emailAddresses[0]?.emailAddress ?? null;
  } catch {
    return null;
  }
}
