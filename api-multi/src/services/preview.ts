/**
 * Preview mode: a developer on the free plan can try everything with test
 * keys, up to PREVIEW_MAX_END_USERS end-users; subscribing lifts the cap.
 */
import { ApiError } from "@dream-api/shared";
import { countEndUsers } from "@dream-api/shared/db";
import { config } from "../config";
import type { ServiceContext } from "../context";

/** The cap for new end-users under this key, or null when there is none. */
export function endUserCap(ctx: ServiceContext): number | null {
  return ctx.preview ? config(ctx.env).PREVIEW_MAX_END_USERS : null;
}

export function previewLimitReached(max: number): ApiError {
  return new ApiError("preview_limit_reached", `Preview mode allows ${max} end-users. Subscribe to the paid plan ($15/month) to use live keys without this cap.`);
}

/** Fails early (before touching Clerk) when a preview platform is full; the insert re-checks atomically. */
export async function assertPreviewCapacity(ctx: ServiceContext): Promise<void> {
  const cap = endUserCap(ctx);
  if (cap !== null && (await countEndUsers(ctx.env.DB, ctx)) >= cap) throw previewLimitReached(cap);
}
