/**
 * The dashboard's calls, all with the developer's session JWT: front-auth-api
 * (account, keys, billing), oauth-api (Stripe connection, tiers) and the
 * read-only dashboard routes of api-multi.
 */
import { config } from "../config";
import { request, type TokenSource } from "./client";
import type {
  ConnectStart,
  CreateTiersInput,
  Credentials,
  CustomerPage,
  CustomerQuery,
  CustomerResponse,
  DashboardResponse,
  Disconnected,
  Me,
  MeteredCall,
  NewTier,
  PlanCheckoutSession,
  PlanPortalSession,
  RotateCredentialsInput,
  SettingsChange,
  SettingsResponse,
  TierList,
  TierPatch,
  TierResponse,
} from "./models";

export function developerApi(getToken: TokenSource) {
  const call = async <T>(base: string, path: string, method = "GET", body?: unknown) => request<T>(base, path, { method, token: await getToken(), ...(body === undefined ? {} : { body }) });
  const front = config.frontAuthApiUrl;
  const oauth = config.oauthApiUrl;
  const multi = config.apiMultiUrl;
  return {
    me: () => call<Me>(front, "/me"),
    verifyAuth: () => call<MeteredCall>(front, "/verify-auth", "POST"),
    issueCredentials: () => call<Credentials>(front, "/credentials", "POST", {}),
    rotateCredentials: (input: RotateCredentialsInput) => call<Credentials>(front, "/credentials/rotate", "POST", input),
    /** Revokes one key at once (a current one or one in its grace period); answers with the keys still working. */
    revokeKey: (keyId: string) => call<Credentials>(front, `/credentials/${encodeURIComponent(keyId)}/revoke`, "POST", {}),
    settings: (mode: SettingsChange["mode"]) => call<SettingsResponse>(front, `/settings?mode=${mode}`),
    updateSettings: (change: SettingsChange) => call<SettingsResponse>(front, "/settings", "PATCH", change),
    subscribe: () => call<PlanCheckoutSession>(front, "/checkout", "POST", {}),
    manageSubscription: () => call<PlanPortalSession>(front, "/portal", "POST", {}),
    connectStripe: () => call<ConnectStart>(oauth, "/connect/start", "POST", {}),
    disconnectStripe: () => call<Disconnected>(oauth, "/connect/disconnect", "POST", {}),
    tiers: () => call<TierList>(oauth, "/products"),
    createTiers: (tiers: NewTier[]) => call<TierList>(oauth, "/products", "POST", { tiers } satisfies CreateTiersInput),
    updateTier: (name: string, patch: TierPatch) => call<TierResponse>(oauth, `/products/${encodeURIComponent(name)}`, "PATCH", patch),
    archiveTier: (name: string) => call<TierResponse>(oauth, `/products/${encodeURIComponent(name)}`, "DELETE"),
    dashboard: () => call<DashboardResponse>(multi, "/api/dashboard"),
    /** `cursor: null` is the first page. */
    customers: (query: Omit<CustomerQuery, "cursor"> & { cursor?: string | null }) => {
      const params = new URLSearchParams({ limit: String(query.limit ?? 20) });
      if (query.q) params.set("q", query.q);
      if (query.cursor) params.set("cursor", query.cursor);
      return call<CustomerPage>(multi, `/api/customers?${params.toString()}`);
    },
    customer: (userId: string) => call<CustomerResponse>(multi, `/api/customers/${encodeURIComponent(userId)}`),
  };
}

export type DeveloperApi = ReturnType<typeof developerApi>;
