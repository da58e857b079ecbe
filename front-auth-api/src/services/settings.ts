/**
 * The developer's settings, per mode: the origins Checkout and the portal
 * may send end-users back to (and, in test mode, localhost if ticked), the
 * default return URLs, the brand of the hosted pages, and the usage-alert
 * thresholds (api-multi reads them when it counts). Saved to D1,
 * which api-multi reads when it opens a session or serves the pricing page,
 * so a change applies to the next checkout.
 */
import { ApiError, type KeyMode } from "@dream-api/shared";
import { getPlatformSettings, putPlatformSettingsStatement, type PlatformSettings } from "@dream-api/shared/db";
import type { ServiceContext } from "../context";

export interface SettingsChange {
  mode: KeyMode;
  allowedOrigins?: string[] | undefined;
  allowLocalhost?: boolean | undefined;
  defaultSuccessUrl?: string | null | undefined;
  defaultCancelUrl?: string | null | undefined;
  defaultReturnUrl?: string | null | undefined;
  displayName?: string | null | undefined;
  logoUrl?: string | null | undefined;
  accentColor?: string | null | undefined;
  supportEmail?: string | null | undefined;
  usageAlertThresholds?: number[] | undefined;
}

export async function getSettings({ ctx, input }: { ctx: ServiceContext; input: { mode: KeyMode } }): Promise<PlatformSettings> {
  return getPlatformSettings(ctx.env.DB, ctx.platform.platformId, input.mode);
}

/** A field the change leaves out keeps its stored value; null clears it. */
function merged<T>(given: T | undefined, stored: T): T {
  return given === undefined ? stored : given;
}

/**
 * Merges the change into the stored settings of its mode. Live mode takes
 * https only (origins and logo), its default URLs must be on an allowed
 * origin, and it never allows localhost.
 */
export async function updateSettings({ ctx, input }: { ctx: ServiceContext; input: SettingsChange }): Promise<PlatformSettings> {
  const stored = await getPlatformSettings(ctx.env.DB, ctx.platform.platformId, input.mode);
  const next: Omit<PlatformSettings, "updatedAt"> = {
    mode: input.mode,
    allowedOrigins: merged(input.allowedOrigins, stored.allowedOrigins),
    allowLocalhost: merged(input.allowLocalhost, stored.allowLocalhost),
    defaultSuccessUrl: merged(input.defaultSuccessUrl, stored.defaultSuccessUrl),
    defaultCancelUrl: merged(input.defaultCancelUrl, stored.defaultCancelUrl),
    defaultReturnUrl: merged(input.defaultReturnUrl, stored.defaultReturnUrl),
    displayName: merged(input.displayName, stored.displayName),
    logoUrl: merged(input.logoUrl, stored.logoUrl),
    accentColor: merged(input.accentColor, stored.accentColor),
    supportEmail: merged(input.supportEmail, stored.supportEmail),
    usageAlertThresholds: merged(input.usageAlertThresholds, stored.usageAlertThresholds),
  };
  if (input.mode === "live") assertLiveSettings(next);
  const now = ctx.now.toISOString();
  await putPlatformSettingsStatement(ctx.env.DB, ctx.platform.platformId, next, now).run();
  return { ...next, updatedAt: now };
}

function assertLiveSettings(next: Omit<PlatformSettings, "updatedAt">): void {
  if (next.allowLocalhost) {
    throw new ApiError("invalid_request", "allowLocalhost: live mode never sends end-users to localhost; tick it in test mode only, and add your real https origin to allowedOrigins.", {
      param: "allowLocalhost",
    });
  }
  next.allowedOrigins.forEach((origin, index) => {
    if (!origin.startsWith("https://")) throw new ApiError("invalid_request", `allowedOrigins.${index}: live mode takes https origins only.`, { param: `allowedOrigins.${index}` });
  });
  for (const field of ["defaultSuccessUrl", "defaultCancelUrl", "defaultReturnUrl"] as const) {
    const url = next[field];
    if (url !== null && !next.allowedOrigins.includes(new URL(url).origin)) {
      throw new ApiError("invalid_request", `${field}: in live mode it must be on one of allowedOrigins (${new URL(url).origin} is not).`, { param: field });
    }
  }
  if (next.logoUrl !== null && new URL(next.logoUrl).protocol !== "https:") {
    throw new ApiError("invalid_request", "logoUrl: live mode takes an https logo only (browsers block http images on https pages).", { param: "logoUrl" });
  }
}
