import type { RequestOptions } from "../http.js";
import type { CreatePortalParams, PortalSession } from "../types.js";
import { send, type ResourceContext } from "./context.js";

/** Stripe's billing portal for a paying end-user (`POST /api/portal`). */
export class Portal {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * A billing-portal session (cancel, change card, invoices); send the
   * end-user to `url`. 404 `no_billing_account` before their first payment.
   * Secret key (with `userId`) or an end-user token (its own user).
   *
   * @example
   * const { url } = await dream.portal.create({ userId: "user_42", returnUrl: "https://app.example.com/account" });
   */
  async create(params: CreatePortalParams = {}, options?: RequestOptions): Promise<PortalSession> {
    const body = { userId: params.userId, returnUrl: params.returnUrl };
    return send<PortalSession>(this.ctx, "secretOrEndUser", "portal.create", { method: "POST", path: "/api/portal", body }, options);
  }
}
