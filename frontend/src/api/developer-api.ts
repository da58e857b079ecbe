/**
 * The dashboard's calls, all with the developer's session JWT: front-auth-api
 * (account, keys, billing), oauth-api (Stripe connection, tiers) and the
 * read-only dashboard routes of api-multi.
 */
import { config } from "../config";
import { request, type TokenSource } from "./client";
import type { CustomerPage, Customer, Dashboard, KeyView, Me, Tier, TierInput } from "./types";

export function developerApi(getToken: TokenSource) {
  const call = async <T>(base: string, path: string, method = "GET", body?: unknown) =>
    request<T>(base, path, { method, token: await getToken(), ...(body === undefined ? {} : { body }) });
  const front = config.frontAuthApiUrl;
  const oauth = config.oauthApiUrl;
  const multi = config.apiMultiUrl;
  return {
    me: () => call<Me>(front, "/me"),
    verifyAuth: () => call<{ usage: Me["usage"] }>(front, "/verify-auth", "POST"),
    issueCredentials: () => call<{ platformId: string; keys: KeyView[] }>(front, "/credentials", "POST", {}),
    rotateCredentials: (input: { mode?: "test" | "live"; gracePeriodSeconds: number }) =>
      call<{ platformId: string; keys: KeyView[] }>(front, "/credentials/rotate", "POST", input),
    /** Revokes one key at once (a current one or one in its grace period); answers with the keys still working. */
    revokeKey: (keyId: string) => call<{ platformId: string; keys: KeyView[] }>(front, `/credentials/${encodeURIComponent(keyId)}/revoke`, "POST", {}),
    subscribe: () => call<{ id: string; url: string }>(front, "/checkout", "POST", {}),
    manageSubscription: () => call<{ url: string }>(front, "/portal", "POST", {}),
    connectStripe: () => call<{ url: string }>(oauth, "/connect/start", "POST", {}),
    disconnectStripe: () => call<{ connected: false }>(oauth, "/connect/disconnect", "POST", {}),
    tiers: () => call<{ tiers: Tier[] }>(oauth, "/products"),
    createTiers: (tiers: TierInput[]) => call<{ tiers: Tier[] }>(oauth, "/products", "POST", { tiers }),
    updateTier: (name: string, patch: Partial<TierInput>) => call<{ tier: Tier }>(oauth, `/products/${encodeURIComponent(name)}`, "PATCH", patch),
    archiveTier: (name: string) => call<{ tier: Tier }>(oauth, `/products/${encodeURIComponent(name)}`, "DELETE"),
    dashboard: () => call<Dashboard>(multi, "/api/dashboard"),
    customers: (query: { q?: string; cursor?: string | null; limit?: number }) => {
      const params = new URLSearchParams({ limit: String(query.limit ?? 20) });
      if (query.q) params.set("q", query.q);
      if (query.cursor) params.set("cursor", query.cursor);
      return call<CustomerPage>(multi, `/api/customers?${params.toString()}`);
    },
    customer: (userId: string) => call<{ customer: Customer }>(multi, `/api/customers/${encodeURIComponent(userId)}`),
  };
}

export type DeveloperApi = ReturnType<typeof developerApi>;
