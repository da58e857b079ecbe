import { ApiError } from "@dream-api/shared";
import type { PlatformSettings } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";

/**
 * Where Checkout and the portal may send an end-user back to: with a live
 * key, only the allowed origins of the developer's live settings (set through
 * front-auth-api's PATCH /settings).
 */
export function assertAllowedRedirect(ctx: Pick<ServiceContext, "mode">, settings: PlatformSettings, url: string, param: string): void {
  if (ctx.mode === "live" && !settings.allowedOrigins.includes(new URL(url).origin)) {
    throw new ApiError("invalid_request", `${param} must be on one of the platform's allowed origins in live mode (set them in the dashboard's settings, or PATCH /settings).`, { param });
  }
}
