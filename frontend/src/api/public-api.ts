/**
 * Calls of the hosted pricing page: the developer's public page, joining the
 * developer as a customer, and the end-user's own plan, checkout and billing
 * portal with the end-user's session. Those last three name no developer: the
 * backend reads it from the token's active organization.
 */
import { config } from "../config";
import type { PricingMode } from "../lib/pricing-address";
import { ApiError, request } from "./client";
import type { CheckoutInput, CheckoutSession, JoinResult, PortalInput, PortalSession, PublicTierList, UsageResponse } from "./models";

const platformPath = (platformId: string) => `/api/public/platforms/${encodeURIComponent(platformId)}`;

export const publicApi = {
  platform: (platformId: string, mode: PricingMode) => request<PublicTierList>(config.apiMultiUrl, `${platformPath(platformId)}?mode=${mode}`),
  /** Only for old `/p/<publishableKey>` links: the key's platform. */
  tiers: (publishableKey: string) => request<PublicTierList>(config.apiMultiUrl, `/api/public/tiers?pk=${encodeURIComponent(publishableKey)}`),
  /** Makes the signed-in end-user (whatever their active organization) a member of this developer's organization and a customer; idempotent. */
  join: (endUserToken: string, platformId: string, mode: PricingMode) =>
    request<JoinResult>(config.apiMultiUrl, `${platformPath(platformId)}/join?mode=${mode}`, { method: "POST", token: endUserToken, body: {} }),
  usage: (endUserToken: string) => request<UsageResponse>(config.apiMultiUrl, "/api/usage", { token: endUserToken }),
  checkout: (endUserToken: string, tier: string) => request<CheckoutSession>(config.apiMultiUrl, "/api/checkout", { method: "POST", token: endUserToken, body: { tier } satisfies CheckoutInput }),
  portal: (endUserToken: string) => request<PortalSession>(config.apiMultiUrl, "/api/portal", { method: "POST", token: endUserToken, body: {} satisfies PortalInput }),
};

/**
 * The billing-portal address api-multi offers when checkout is refused
 * because the end-user already has a subscription (409 already_subscribed,
 * `portalUrl` may be null); undefined for any other error.
 */
export function alreadySubscribed(error: unknown): { portalUrl: string | null } | undefined {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== "already_subscribed") return undefined;
  const portalUrl = (error.body as { portalUrl?: unknown } | null)?.portalUrl;
  return { portalUrl: typeof portalUrl === "string" && /^https?:\/\//i.test(portalUrl) ? portalUrl : null };
}
