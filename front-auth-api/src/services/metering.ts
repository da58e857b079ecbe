import { ApiError, calendarMonthPeriod } from "@dream-api/shared";
import { meterPlatformCall, readPlatformUsage, type PeriodUsage, type PlatformLimits } from "@dream-api/shared/db";
import { config } from "../config";
import type { ServiceContext } from "../context";

export function platformLimits(env: Env): PlatformLimits {
  const settings = config(env);
  return { free: settings.FREE_MONTHLY_CALLS, paid: settings.PAID_MONTHLY_CALLS };
}

/**
 * Counts one metered call of the developer against the stored plan's
 * monthly allowance (one D1 statement); at the limit, 403
 * `platform_limit_reached` with the usage and an upgrade hint.
 */
export async function meterDeveloperCall({ ctx }: { ctx: ServiceContext }): Promise<PeriodUsage> {
  const period = calendarMonthPeriod(ctx.now);
  const limits = platformLimits(ctx.env);
  const usage = await meterPlatformCall(ctx.env.DB, { developerId: ctx.developerId, period, now: ctx.now.toISOString(), limits });
  if (usage) return usage;
  const current = await readPlatformUsage(ctx.env.DB, { developerId: ctx.developerId, plan: ctx.platform.plan, period, now: ctx.now, limits });
  const upgrade = ctx.platform.plan === "free";
  throw new ApiError(
    "platform_limit_reached",
    upgrade
      ? `You have used all ${current.limit} metered calls of the free plan this month. Upgrade to the paid plan ($15/month, ${limits.paid} calls): POST /checkout.`
      : `You have used all ${current.limit} metered calls of this month; the count resets on ${current.periodEnd}.`,
    { extra: { usage: current, ...(upgrade ? { upgrade: { plan: "paid", price: "$15/month", limit: limits.paid, checkout: "POST /checkout" } } : {}) } },
  );
}

export async function developerUsage({ ctx }: { ctx: ServiceContext }): Promise<PeriodUsage> {
  return readPlatformUsage(ctx.env.DB, {
    developerId: ctx.developerId,
    plan: ctx.platform.plan,
    period: calendarMonthPeriod(ctx.now),
    now: ctx.now,
    limits: platformLimits(ctx.env),
  });
}
