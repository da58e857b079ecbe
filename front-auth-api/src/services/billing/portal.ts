import { ApiError, createPortalSession } from "@dream-api/shared";
import { config } from "../../config";
import type { ServiceContext } from "../../context";
import { platformStripe, stripeFailure } from "./platform-stripe";

/**
 * A billing-portal session for the developer's $15/month subscription, with
 * dream-api's "platform" portal configuration (made by the deploy's provider
 * setup, or here on first use where it is missing, as on a fresh stand-in).
 */
export async function createPlatformPortal({ ctx }: { ctx: ServiceContext }): Promise<{ url: string }> {
  const customer = ctx.platform.stripeCustomerId;
  if (!customer) throw new ApiError("no_billing_account", "You have no subscription yet. Subscribe with POST /checkout first.");
  try {
    const session = await createPortalSession(platformStripe(ctx.env), {
      purpose: "platform",
      customer,
      returnUrl: `${config(ctx.env).DASHBOARD_URL.replace(/\/$/, "")}/dashboard`,
    });
    return { url: session.url };
  } catch (error) {
    throw stripeFailure("open the billing portal", error);
  }
}
