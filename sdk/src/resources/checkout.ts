import type { RequestOptions } from "../http.js";
import type { CheckoutSession, CreateCheckoutParams } from "../types.js";
import { send, type ResourceContext } from "./context.js";

/** Stripe Checkout for end-users, on the developer's connected account (`POST /api/checkout`). */
export class Checkout {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * A Checkout session for a paid tier; send the end-user to `url`. The plan
   * moves when Stripe's webhook arrives. Secret key (with `userId`) or an
   * end-user token (its own user).
   *
   * @example
   * const { url } = await dream.checkout.create({ userId: "user_42", tier: "pro", successUrl: "https://app.example.com/thanks" });
   */
  async create(params: CreateCheckoutParams, options?: RequestOptions): Promise<CheckoutSession> {
    const body = { userId: params.userId, tier: params.tier, successUrl: params.successUrl, cancelUrl: params.cancelUrl };
    return send<CheckoutSession>(this.ctx, "secretOrEndUser", "checkout.create", { method: "POST", path: "/api/checkout", body }, options);
  }
}
