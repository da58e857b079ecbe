import { ApiError } from "@dream-api/shared";
import { getConnectedAccount } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";

/** The connected account, required for tiers that cost money. */
export async function requireConnectedAccount(ctx: ServiceContext): Promise<string> {
  const account = await getConnectedAccount(ctx.env.DB, ctx.platform.platformId);
  if (!account) {
    throw new ApiError("stripe_not_connected", "Connect your Stripe account (POST /connect/start) before creating paid tiers; free tiers need no Stripe.");
  }
  return account.stripeUserId;
}
