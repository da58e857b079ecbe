import type { RequestOptions } from "../http.js";
import type { CreditBalance, CreditGrant, CreditMovement, GrantCreditsParams, ListCreditsParams } from "../types.js";
import { randomUuid } from "../uuid.js";
import { send, type ResourceContext } from "./context.js";

/** {@link CustomerCredits.grant}'s options: the request's, plus the `Idempotency-Key`. */
export interface GrantCreditsOptions extends RequestOptions {
  /**
   * Sent as the `Idempotency-Key` header (1–255 visible ASCII characters,
   * e.g. your order id). The same key with the same request answers the
   * first movement again and moves nothing; with another request it is 409
   * `idempotency_key_reused`. Defaults to a random UUID made once per
   * `grant()` call and reused by its retries.
   */
  idempotencyKey?: string;
}

/**
 * An end-user's prepaid credits (`/api/customers/:userId/credits`): spent
 * by tracks once the period's allowance is used up, from the grants that
 * expire first. Secret key only.
 */
export class CustomerCredits {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * The unexpired balance and one page of grants and deductions, newest
   * first, each grant with what remains of it. 404 `customer_not_found`.
   *
   * @example
   * const { balance, grants, nextCursor } = await dream.customers.credits.list("user_42", { limit: 20 });
   */
  async list(userId: string, params: ListCreditsParams = {}, options?: RequestOptions): Promise<CreditBalance> {
    const query = { limit: params.limit, cursor: params.cursor, mode: params.mode };
    return send<CreditBalance>(this.ctx, "secret", "customers.credits.list", { method: "GET", path: creditsPath(userId), query }, options);
  }

  /**
   * Every grant and deduction of the end-user, newest first, fetching pages of `limit` (default 100) as you iterate.
   *
   * @example
   * for await (const grant of dream.customers.credits.listAll("user_42")) console.log(grant.amount, grant.remaining, grant.reason);
   */
  async *listAll(userId: string, params: ListCreditsParams = {}, options?: RequestOptions): AsyncGenerator<CreditGrant, void, undefined> {
    let cursor = params.cursor;
    for (;;) {
      const page = await this.list(userId, { limit: params.limit ?? 100, mode: params.mode, ...(cursor === undefined ? {} : { cursor }) }, options);
      yield* page.grants;
      if (!page.hasMore || page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }

  /**
   * Adds `amount` credits to the end-user's balance (valid until
   * `expiresAt`, or forever), or with a negative `amount` takes them away
   * from the credits that expire first. A deduction the balance does not
   * cover is refused whole: `ConflictError` 409 `insufficient_credits`.
   * 404 `customer_not_found`.
   *
   * Always sends an `Idempotency-Key` — yours, or a UUID made once for this
   * call — and reuses it on every retry, so a retried grant moves credits once.
   *
   * @example
   * const { grant, balance } = await dream.customers.credits.grant("user_42", { amount: 500, reason: "Support credit" }, { idempotencyKey: "ticket_7781" });
   */
  async grant(userId: string, params: GrantCreditsParams, options: GrantCreditsOptions = {}): Promise<CreditMovement> {
    const { idempotencyKey = randomUuid(), ...requestOptions } = options;
    const body = { amount: params.amount, reason: params.reason, expiresAt: params.expiresAt };
    return send<CreditMovement>(this.ctx, "secret", "customers.credits.grant", { method: "POST", path: creditsPath(userId), body, headers: { "Idempotency-Key": idempotencyKey } }, requestOptions);
  }
}

function creditsPath(userId: string): string {
  return `/api/customers/${encodeURIComponent(userId)}/credits`;
}
