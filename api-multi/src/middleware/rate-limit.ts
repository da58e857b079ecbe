/**
 * api-multi's rate limits, through the Workers rate-limit bindings (limits
 * and periods are set on the bindings in wrangler.jsonc). Three buckets per
 * request, each caller's own:
 *
 * - per end-user (END_USER_RATE_LIMITER, 100/min): platform + userId, for
 *   the developer's backend naming a user and for the end-user's own session;
 * - per secret key (API_KEY_RATE_LIMITER, 6,000/min): the developer's
 *   backend (and a developer's dashboard session, per developer);
 * - per tenant's end-users (END_USER_SESSIONS_RATE_LIMITER, 6,000/min): all
 *   end-user sessions of a platform in one mode together, so end-users'
 *   browsers never spend the backend's bucket.
 *
 * An end-user session is limited per end-user first: one chatty end-user
 * is refused on its own bucket before it costs the platform's.
 */
import { enforceRateLimit, noteLogUserId } from "@dream-api/shared/hono";
import { createMiddleware } from "hono/factory";
import type { AppContext, AppEnv } from "../context";

export const limitPerCredential = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.get("auth");
  if (auth.endUserId !== undefined) {
    await limitPerEndUser(c, auth.endUserId);
    await enforceRateLimit(c.env.END_USER_SESSIONS_RATE_LIMITER, `sessions:${auth.platformId}:${auth.mode}`, "app's end-users");
  } else {
    await enforceRateLimit(c.env.API_KEY_RATE_LIMITER, auth.keyId, "API key");
  }
  await next();
});

/** 100 requests/min per end-user, keyed by platform and userId; counted once per request. The request log names this end-user. */
export async function limitPerEndUser(c: AppContext, userId: string): Promise<void> {
  noteLogUserId(c, userId);
  if (c.get("endUserLimited") === userId) return;
  await enforceRateLimit(c.env.END_USER_RATE_LIMITER, `${c.get("auth").platformId}:${userId}`, "end-user");
  c.set("endUserLimited", userId);
}
