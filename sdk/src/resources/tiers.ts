import { DreamApiConfigurationError } from "../errors.js";
import type { RequestOptions } from "../http.js";
import type { PublicTierListResponse, TierListResponse } from "../types.js";
import { send, type ResourceContext } from "./context.js";

/** The platform's pricing tiers. */
export class Tiers {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * Active tiers with their Stripe ids, in display order. Secret key only.
   *
   * @example
   * const { tiers } = await dream.tiers.list();
   */
  async list(options?: RequestOptions): Promise<TierListResponse> {
    return send<TierListResponse>(this.ctx, "secret", "tiers.list", { method: "GET", path: "/api/tiers" }, options);
  }

  /**
   * A platform's public tiers for a pricing page: no credentials, no Stripe
   * ids, any origin — safe in browsers. Uses the constructor's
   * `publishableKey` unless you pass one.
   *
   * @example
   * const { tiers } = await new DreamApi({ publishableKey: "pk_test_…" }).tiers.listPublic();
   */
  async listPublic(publishableKey?: string, options?: RequestOptions): Promise<PublicTierListResponse> {
    const pk = publishableKey ?? this.ctx.publishableKey;
    if (pk === undefined) {
      throw new DreamApiConfigurationError('tiers.listPublic needs a publishable key: pass it, or new DreamApi({ publishableKey: "pk_…" }).');
    }
    return send<PublicTierListResponse>(this.ctx, "none", "tiers.listPublic", { method: "GET", path: "/api/public/tiers", query: { pk } }, options);
  }
}
