import type { RequestOptions } from "../http.js";
import type { JoinedPlatform, PlatformPageParams, PublicTierListResponse } from "../types.js";
import { send, type ResourceContext } from "./context.js";

/** A platform's hosted pricing page, by its platform id (which never changes, unlike keys). */
export class Platforms {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * The pricing page's content — active tiers, brand, and the end-user
   * organization of that mode (null until someone joins): no credentials,
   * safe in browsers.
   *
   * @example
   * const page = await new DreamApi().platforms.getPublic("plt_8dJ2kQ4mN7rT1vW3", { mode: "test" });
   */
  async getPublic(platformId: string, params: PlatformPageParams = {}, options?: RequestOptions): Promise<PublicTierListResponse> {
    return send<PublicTierListResponse>(this.ctx, "none", "platforms.getPublic", { method: "GET", path: platformPath(platformId), query: { mode: params.mode } }, options);
  }

  /**
   * Makes the signed-in person (the client's `endUserToken`) a customer of
   * the platform; then make `organizationId` their session's active
   * organization (Clerk's `setActive`). Idempotent.
   *
   * @example
   * const dream = new DreamApi({ endUserToken: () => session.getToken() });
   * const { organizationId } = await dream.platforms.join("plt_8dJ2kQ4mN7rT1vW3");
   * await clerk.setActive({ organization: organizationId });
   */
  async join(platformId: string, params: PlatformPageParams = {}, options?: RequestOptions): Promise<JoinedPlatform> {
    return send<JoinedPlatform>(this.ctx, "endUser", "platforms.join", { method: "POST", path: `${platformPath(platformId)}/join`, query: { mode: params.mode }, body: {} }, options);
  }
}

function platformPath(platformId: string): string {
  return `/api/public/platforms/${encodeURIComponent(platformId)}`;
}
