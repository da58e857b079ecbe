import type { Context, MiddlewareHandler } from "hono";
import { ApiError } from "../errors";

/**
 * Asks a Workers rate-limit binding (counted in memory at the edge: no D1
 * or KV on the request path) and throws 429 `rate_limited` with
 * `Retry-After` when `key` is over its limit.
 */
export async function enforceRateLimit(limiter: RateLimit, key: string, what: string, periodSeconds = 60): Promise<void> {
  const { success } = await limiter.limit({ key });
  if (!success) {
    throw new ApiError("rate_limited", `Too many requests for this ${what}. Retry after ${periodSeconds} seconds.`, {
      headers: { "Retry-After": String(periodSeconds) },
    });
  }
}

/**
 * The caller's IP as Cloudflare's edge reports it (`CF-Connecting-IP`, which
 * a client cannot set: the edge overwrites it). Null where no edge sits in
 * front — local runs and tests that do not send it — and then no per-IP
 * bucket applies.
 */
export function clientIp(c: Context): string | null {
  return c.req.header("CF-Connecting-IP") ?? null;
}

/**
 * Per-IP limit for work anyone can trigger without a credential: routes
 * that need none, and the storage lookups of keys an isolate has not seen
 * (a made-up key costs a KV and a D1 read).
 */
export async function enforceClientIpLimit(limiter: RateLimit, ip: string | null): Promise<void> {
  if (ip !== null) await enforceRateLimit(limiter, `ip:${ip}`, "client address");
}

/** enforceClientIpLimit as middleware, for unauthenticated routes. */
export function limitPerClientIp<E extends { Bindings: { CLIENT_IP_RATE_LIMITER: RateLimit } }>(): MiddlewareHandler<E> {
  return async (c, next) => {
    await enforceClientIpLimit(c.env.CLIENT_IP_RATE_LIMITER, clientIp(c));
    await next();
  };
}
