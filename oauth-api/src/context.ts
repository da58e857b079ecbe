import { ApiError, modeSchema, type KeyMode, type Tenant } from "@dream-api/shared";
import { type DeveloperAppEnv, type DeveloperServiceContext, developerServiceContext } from "@dream-api/shared/hono";
import type { Context } from "hono";
import { z } from "zod";

export interface AppEnv extends DeveloperAppEnv<Env> {}

export type AppContext = Context<AppEnv>;

/** What services get instead of the HTTP context. */
export type ServiceContext = DeveloperServiceContext<Env>;

export { developerServiceContext as serviceContext } from "@dream-api/shared/hono";

/** `?mode=test|live`: which mode's tiers a tier operation reads or writes (required: the dashboard shows one mode at a time). */
export const tierModeQuery = z.strictObject({
  mode: modeSchema.meta({ description: "Which mode's tiers: test tiers map to Stripe objects in test mode, live tiers to live mode.", example: "test" }),
});

/** What tier services get: the developer's context and the tenant (platform and mode) its tiers belong to. */
export interface TierServiceContext extends ServiceContext {
  tenant: Tenant;
}

export function tierServiceContext(c: AppContext, mode: KeyMode): TierServiceContext {
  const ctx = developerServiceContext(c);
  return { ...ctx, tenant: { platformId: ctx.platform.platformId, mode } };
}

/** Live data is written only on the paid plan: 403 `live_mode_unavailable` otherwise (reading stays open). */
export function assertLiveWritable(ctx: TierServiceContext): void {
  if (ctx.tenant.mode === "live" && ctx.platform.plan !== "paid") {
    throw new ApiError(
      "live_mode_unavailable",
      "Live mode needs the paid plan ($15/month) and a connected Stripe account. Subscribe in the dashboard, then create live tiers (or copy your test tiers to live).",
    );
  }
}
