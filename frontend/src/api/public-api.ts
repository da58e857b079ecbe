/** Calls of the hosted pricing page: public tiers, and checkout with the end-user's own session. */
import { config } from "../config";
import { request } from "./client";
import type { PublicTier } from "./types";

export const publicApi = {
  tiers: (publishableKey: string) =>
    request<{ tiers: PublicTier[]; mode: string }>(config.apiMultiUrl, `/api/public/tiers?pk=${encodeURIComponent(publishableKey)}`),
  checkout: (endUserToken: string, tier: string) =>
    request<{ id: string; url: string }>(config.apiMultiUrl, "/api/checkout", { method: "POST", token: endUserToken, body: { tier } }),
};
