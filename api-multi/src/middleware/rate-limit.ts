/**
 * api-multi's rate limits through the Workers rate-limit bindings; limits
 * and periods are set on the bindings in wrangler.jsonc.
 */
import { enforceRateLimit } from "@dream-api/shared/hono";
import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv } from "../context";

/** The per-key abuse ceiling (default 6,000/min), after authentication. */
export const limitPerApiKey = createMiddleware<AppEnv>(async (c, next) => {
  await enforceRateLimit(c.env.API_KEY_RATE_LIMITER, c.get("auth").keyId, "API key");
  await next();
});

/** 100 requests/min per end-user, keyed by platform and userId. */
export async function limitPerEndUser(c: AppContext, userId: string): Promise<void> {
  await enforceRateLimit(c.env.END_USER_RATE_LIMITER, `${c.get("auth").platformId}:${userId}`, "end-user");
}
