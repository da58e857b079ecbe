/**
 * The tenant a public address names (`/api/public/platforms/{platformId}`,
 * `?mode=`): the developer's pricing page. It only ever reads what that page
 * shows, or — for join — lets a signed-in person become a customer there;
 * no other tenant data is reachable by a platform id.
 */
import { ApiError, type KeyMode } from "@dream-api/shared";
import { getPlatform } from "@dream-api/shared/db";
import { apiMode, type PublicContext, type ServiceContext } from "../context";

/** The service context of a platform's page in one mode: 404 for no such platform, 403 for live mode without the paid plan. */
export async function publicTenantContext(ctx: PublicContext, platformId: string, mode: KeyMode): Promise<ServiceContext> {
  const platform = await getPlatform(ctx.env.DB, platformId);
  if (!platform) throw new ApiError("not_found", "No platform has this id.", { param: "platformId" });
  if (mode === "live" && platform.plan === "free") {
    throw new ApiError("live_mode_unavailable", "This app does not take live payments yet: its developer is on the free plan. Its test page is at the same address with /test.");
  }
  const preview = mode === "test" && platform.plan === "free";
  return { env: ctx.env, waitUntil: ctx.waitUntil, now: ctx.now, platformId, mode, preview, apiMode: apiMode({ preview, mode }) };
}
