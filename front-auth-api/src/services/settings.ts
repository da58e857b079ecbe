/**
 * The developer's settings, per mode: the origins Checkout and the portal
 * may send end-users back to, and the default return URLs. Saved to D1,
 * which api-multi reads when it opens a session, so a change applies to the
 * next checkout.
 */
import { ApiError, type KeyMode } from "@dream-api/shared";
import { getPlatformSettings, putPlatformSettingsStatement, type PlatformSettings } from "@dream-api/shared/db";
import type { ServiceContext } from "../context";

export interface SettingsChange {
  mode: KeyMode;
  allowedOrigins?: string[] | undefined;
  defaultSuccessUrl?: string | null | undefined;
  defaultCancelUrl?: string | null | undefined;
  defaultReturnUrl?: string | null | undefined;
}

export async function getSettings({ ctx, input }: { ctx: ServiceContext; input: { mode: KeyMode } }): Promise<PlatformSettings> {
  return getPlatformSettings(ctx.env.DB, ctx.platform.platformId, input.mode);
}

/** Merges the change into the stored settings of its mode; live mode takes https only, and its default URLs must be on an allowed origin. */
export async function updateSettings({ ctx, input }: { ctx: ServiceContext; input: SettingsChange }): Promise<PlatformSettings> {
  const stored = await getPlatformSettings(ctx.env.DB, ctx.platform.platformId, input.mode);
  const next = {
    mode: input.mode,
    allowedOrigins: input.allowedOrigins ?? stored.allowedOrigins,
    defaultSuccessUrl: input.defaultSuccessUrl === undefined ? stored.defaultSuccessUrl : input.defaultSuccessUrl,
    defaultCancelUrl: input.defaultCancelUrl === undefined ? stored.defaultCancelUrl : input.defaultCancelUrl,
    defaultReturnUrl: input.defaultReturnUrl === undefined ? stored.defaultReturnUrl : input.defaultReturnUrl,
  };
  if (input.mode === "live") {
    next.allowedOrigins.forEach((origin, index) => {
      if (!origin.startsWith("https://")) throw new ApiError("invalid_request", `allowedOrigins.${index}: live mode takes https origins only.`, { param: `allowedOrigins.${index}` });
    });
    for (const field of ["defaultSuccessUrl", "defaultCancelUrl", "defaultReturnUrl"] as const) {
      const url = next[field];
      if (url !== null && !next.allowedOrigins.includes(new URL(url).origin)) {
        throw new ApiError("invalid_request", `${field}: in live mode it must be on one of allowedOrigins (${new URL(url).origin} is not).`, { param: field });
      }
    }
  }
  const now = ctx.now.toISOString();
  await putPlatformSettingsStatement(ctx.env.DB, ctx.platform.platformId, next, now).run();
  return { ...next, updatedAt: now };
}
