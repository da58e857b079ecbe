import { ApiError, calendarMonthPeriod, lowestTier } from "@dream-api/shared";
import {
  firstTrackRow,
  getEndUserWithUsage,
  insertEndUserStatement,
  trackUsage,
  trackUsageStatement,
  type Usage,
} from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { endUserCap, previewLimitReached } from "../preview";
import { getPlatformTiers } from "../tier-cache";

export interface TrackUsageInput {
  userId: string;
  amount: number;
}

/**
 * Consumes `amount` of the end-user's monthly allowance. The warm path is one
 * D1 statement (check-and-increment, see db/usage.ts). Only when it counts
 * nothing do we look further: an unknown user is registered on the
 * platform's lowest tier and counted in the same batch; a user at the limit
 * gets 403 `usage_limit_exceeded` with its usage.
 */
export async function trackEndUserUsage({ ctx, input }: { ctx: ServiceContext; input: TrackUsageInput }): Promise<Usage> {
  const db = ctx.env.DB;
  const track = {
    platformId: ctx.platformId,
    userId: input.userId,
    amount: input.amount,
    period: calendarMonthPeriod(ctx.now),
    now: ctx.now.toISOString(),
  };
  const counted = await trackUsage(db, track);
  if (counted) return counted;

  let user = await getEndUserWithUsage(db, ctx.platformId, input.userId, ctx.now);
  if (!user) {
    const tier = lowestTier(await getPlatformTiers(ctx.env, ctx, ctx.platformId));
    if (!tier) {
      throw new ApiError("no_tiers_configured", "This platform has no pricing tier yet, so new end-users have no limit to count against. Create a tier first.");
    }
    const cap = endUserCap(ctx);
    const [, result] = await db.batch([
      insertEndUserStatement(
        db,
        { platformId: ctx.platformId, userId: input.userId, clerkUserId: null, email: null, plan: tier.name, now: track.now },
        { maxEndUsers: cap },
      ),
      trackUsageStatement(db, track),
    ]);
    const registered = result ? firstTrackRow(result) : null;
    if (registered) return registered;
    user = await getEndUserWithUsage(db, ctx.platformId, input.userId, ctx.now);
    if (!user) {
      if (cap !== null) throw previewLimitReached(cap);
      throw new ApiError("internal_error", "The end-user could not be registered.");
    }
  }
  if (!user.planExists) {
    throw new ApiError("conflict", `The end-user's plan "${user.plan}" is not a tier of this platform. Change the plan with PATCH /api/customers/${input.userId}.`);
  }
  throw new ApiError(
    "usage_limit_exceeded",
    `Usage limit reached: ${user.usage.count} of ${user.usage.limit} used this period; ${input.amount} more would exceed it.`,
    { extra: { usage: user.usage } },
  );
}
