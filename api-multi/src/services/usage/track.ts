import { ApiError, calendarMonthPeriod } from "@dream-api/shared";
import {
  firstTrackRow,
  getEndUserWithUsage,
  reserveIdempotencyKeyStatement,
  trackUsage,
  trackUsageStatement,
  trackWithCreditsStatements,
  type CountedUsage,
  type TrackInput,
  type Usage,
} from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { noteCustomerCreated, registerEndUserStatement, startingTier } from "../customers/register";
import { noteCreditsSpent } from "../credits/events";
import { noteLimitReached, noteUsageCrossings } from "../outbound-webhooks/usage-alerts";
import { endUserCap, previewLimitReached } from "../preview";

export interface TrackUsageInput {
  userId: string;
  amount: number;
  /** This request's id: it ties a count past the allowance to the credits it spends. */
  requestId: string;
  /** The request's idempotency key, reserved in the same batch as the count. */
  idempotency?: { key: string; requestId: string; requestHash: string } | undefined;
}

/** Another request already holds this idempotency key: replay its response instead of counting. */
export class IdempotencyKeyTaken extends Error {}

/** Reserves the idempotency key and counts in one batch (the count is guarded by holding the key). */
async function reserveAndTrack(ctx: ServiceContext, track: TrackInput, idempotency: NonNullable<TrackUsageInput["idempotency"]>): Promise<CountedUsage | null> {
  const db = ctx.env.DB;
  const [reserved, counted] = await db.batch([
    reserveIdempotencyKeyStatement(db, { platformId: ctx.platformId, mode: ctx.mode, key: idempotency.key, requestId: idempotency.requestId, requestHash: idempotency.requestHash, now: ctx.now }),
    trackUsageStatement(db, track),
  ]);
  if (reserved?.meta.changes !== 1) throw new IdempotencyKeyTaken();
  return counted ? firstTrackRow(counted) : null;
}

/** Strips what only the service needs to know from a counted result. */
function usageOf({ creditsSpent: _spent, ...usage }: CountedUsage): Usage {
  return usage;
}

/**
 * Consumes `amount` of the end-user's monthly allowance, then of its
 * credits. The warm path is one D1 statement (check-and-increment within the
 * allowance, see db/usage.ts). Only when it counts nothing do we look
 * further: allowance plus unexpired credits in one batch that counts and
 * spends together (db/credits.ts); then an unknown user is registered on the
 * platform's starting tier (customers/register.ts) and counted in the same
 * batch; a user without enough left gets 403 `usage_limit_exceeded` with its
 * usage.
 */
export async function trackEndUserUsage({ ctx, input }: { ctx: ServiceContext; input: TrackUsageInput }): Promise<Usage> {
  const db = ctx.env.DB;
  const track = {
    platformId: ctx.platformId,
    mode: ctx.mode,
    userId: input.userId,
    amount: input.amount,
    period: calendarMonthPeriod(ctx.now),
    now: ctx.now.toISOString(),
    idempotency: input.idempotency && { key: input.idempotency.key, requestId: input.idempotency.requestId },
  };
  const counted = input.idempotency ? await reserveAndTrack(ctx, track, input.idempotency) : await trackUsage(db, track);
  if (counted) {
    const usage = usageOf(counted);
    noteUsageCrossings(ctx, input.userId, usage, input.amount);
    return usage;
  }

  const [withCredits] = await db.batch(trackWithCreditsStatements(db, { ...track, requestId: input.requestId }));
  const paid = withCredits ? firstTrackRow(withCredits) : null;
  if (paid) {
    const usage = usageOf(paid);
    noteUsageCrossings(ctx, input.userId, usage, input.amount);
    noteCreditsSpent(ctx, input.userId, paid, input.requestId);
    return usage;
  }

  let user = await getEndUserWithUsage(db, ctx, input.userId, ctx.now);
  if (!user) {
    const tier = await startingTier(ctx);
    if (!tier) {
      throw new ApiError("no_tiers_configured", "This platform has no pricing tier yet, so new end-users have no limit to count against. Create a tier first.");
    }
    const [inserted, result] = await db.batch([registerEndUserStatement(ctx, { userId: input.userId, clerkUserId: null, email: null, plan: tier.name }), trackUsageStatement(db, track)]);
    if (inserted?.meta.changes === 1) noteCustomerCreated(ctx, { userId: input.userId, email: null, plan: tier.name });
    const registered = result ? firstTrackRow(result) : null;
    if (registered) {
      const usage = usageOf(registered);
      noteUsageCrossings(ctx, input.userId, usage, input.amount);
      return usage;
    }
    user = await getEndUserWithUsage(db, ctx, input.userId, ctx.now);
    if (!user) {
      const cap = endUserCap(ctx);
      if (cap !== null) throw previewLimitReached(cap);
      throw new ApiError("internal_error", "The end-user could not be registered.");
    }
  }
  if (!user.planExists) {
    throw new ApiError("conflict", `The end-user's plan "${user.plan}" is not a tier of this platform. Change the plan with PATCH /api/customers/${input.userId}.`);
  }
  noteLimitReached(ctx, input.userId, user.usage);
  throw new ApiError("usage_limit_exceeded", limitMessage(user.usage, input.amount), { extra: { usage: user.usage } });
}

/** What is left of the allowance and of the credits, and that the amount needs more. */
function limitMessage(usage: Usage, amount: number): string {
  const allowanceLeft = Math.max(0, (usage.remaining ?? 0) - usage.credits);
  const credits = usage.credits === 0 ? "no credits" : `${usage.credits} credit${usage.credits === 1 ? "" : "s"}`;
  return `Usage limit reached: ${allowanceLeft} of this period's ${usage.limit} left and ${credits}; ${amount} more would exceed them.`;
}
