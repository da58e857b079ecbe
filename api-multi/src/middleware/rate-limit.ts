/**
 * Rate limits through the Workers rate-limit bindings: counted in memory at
 * the edge, never in D1 or KV, so they cost the hot path no storage I/O.
 * Limits and periods are set on the bindings in wrangler.jsonc.
 */
import { ApiError } from "@dream-api/shared";
import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv } from "../context";

const PERIOD_SECONDS = 60;

function rateLimited(what: string): ApiError {
  return new ApiError("rate_limited", `Too many requests for this ${what}. Retry after ${PERIOD_SECONDS} seconds.`, {
    headers: { "Retry-After": String(PERIOD_SECONDS) },
  });
}

/** The per-key abuse ceiling (default 6,000/min), after authentication. */
export const limitPerApiKey = createMiddleware<AppEnv>(async (c, next) => {
  const { success } = await c.env.API_KEY_RATE_LIMITER.limit({ key: c.get("auth").keyId });
  if (!success) throw rateLimited("API key");
  await next();
});

/** 100 requests/min per end-user, keyed by platform and userId. */
export async function limitPerEndUser(c: AppContext, userId: string): Promise<void> {
  const { success } = await c.env.END_USER_RATE_LIMITER.limit({ key: `${c.get("auth").platformId}:${userId}` });
  if (!success) throw rateLimited("end-user");
}
