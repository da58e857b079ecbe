/** Calls of the hosted pricing page: public tiers, and the end-user's own plan, checkout and billing portal with the end-user's session. */
import { config } from "../config";
import { ApiError, request } from "./client";
import type { CheckoutInput, CheckoutSession, PortalInput, PortalSession, PublicTierList, UsageResponse } from "./models";

export const publicApi = {
  tiers: (publishableKey: string) => request<PublicTierList>(config.apiMultiUrl, `/api/public/tiers?pk=${encodeURIComponent(publishableKey)}`),
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
