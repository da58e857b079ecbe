import type { RequestOptions } from "../http.js";
import type { CheckUsageResponse, TrackUsageParams, TrackUsageResponse } from "../types.js";
import { randomUuid } from "../uuid.js";
import { send, type ResourceContext } from "./context.js";

/** Counting end-users' usage against their tier's monthly limit (`/api/usage`). */
export class UsageResource {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * Consumes `amount` (default 1) of the end-user's allowance and returns the
   * usage after it. At the limit it rejects with a `UsageLimitError` (403
   * `usage_limit_exceeded`, carrying `usage`) and counts nothing. Secret key only.
   *
   * Always sends an `Idempotency-Key` — yours, or a UUID made once for this
   * call — and reuses it on every retry, so a retried track counts once.
   *
   * @example
   * try {
   *   const { usage } = await dream.usage.track({ userId: "user_42" });
   *   console.log(`${usage.remaining} left`);
   * } catch (error) {
   *   if (error instanceof UsageLimitError) return upgrade(error.usage);
   *   throw error;
   * }
   */
  async track(params: TrackUsageParams, options?: RequestOptions): Promise<TrackUsageResponse> {
    const idempotencyKey = params.idempotencyKey ?? randomUuid();
    return send<TrackUsageResponse>(
      this.ctx,
      "secret",
      "usage.track",
      {
        method: "POST",
        path: "/api/usage/track",
        body: { userId: params.userId, amount: params.amount },
        headers: { "Idempotency-Key": idempotencyKey },
      },
      options,
    );
  }

  /**
   * The end-user's usage this period, without consuming any. With a secret
   * key pass the userId; with an end-user token omit it (the token's own user).
   *
   * @example
   * const { usage } = await dream.usage.check("user_42");
   */
  async check(userId?: string, options?: RequestOptions): Promise<CheckUsageResponse> {
    return send<CheckUsageResponse>(this.ctx, "secretOrEndUser", "usage.check", { method: "GET", path: "/api/usage", ...(userId === undefined ? {} : { headers: { "X-User-Id": userId } }) }, options);
  }
}
