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
