/**
 * The dashboard's calls, all with the developer's session JWT: front-auth-api
 * (account, keys, billing), oauth-api (Stripe connection, tiers) and the
 * dashboard routes of api-multi (read-only views, customers' credits, webhook endpoints, the request log). Every call that reads or writes a
 * tenant's data names its mode (`?mode=test|live`): test and live are two
 * worlds, and the workers refuse a developer-session call that names none.
 * The account, the keys (each carries its mode) and the Stripe connection
 * are platform-wide.
 */
import { config } from "../config";
import type { DashboardMode } from "../lib/dashboard-mode";
import { request, type TokenSource } from "./client";
import type {
  ConnectStart,
  CopiedTiers,
  CreateTiersInput,
  CreditBalance,
  CreditMovement,
  CreditMovementInput,
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
import type {
  RequestLogPage,
  RequestLogQuery,
  RequestLogResponse,
  WebhookEndpointDeleted,
  WebhookEndpointInput,
  WebhookEndpointList,
  WebhookEndpointPatch,
  WebhookEndpointResponse,
  WebhookEndpointSecret,
  WebhookEventPage,
  WebhookEventQuery,
  WebhookEventResponse,
} from "./models";

/** `path?mode=…&…`: the mode first, then the other parameters that are set. */
function scoped(path: string, mode: DashboardMode, params: Record<string, string | undefined> = {}): string {
  const query = new URLSearchParams({ mode });
  for (const [name, value] of Object.entries(params)) if (value !== undefined && value !== "") query.set(name, value);
  return `${path}?${query.toString()}`;
}

export function developerApi(getToken: TokenSource) {
  const call = async <T>(base: string, path: string, method = "GET", body?: unknown, headers?: Record<string, string>) =>
    request<T>(base, path, { method, token: await getToken(), ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
  const front = config.frontAuthApiUrl;
  const oauth = config.oauthApiUrl;
  const multi = config.apiMultiUrl;
  const tier = (name: string) => `/products/${encodeURIComponent(name)}`;
  const endpoint = (id: string) => `/api/webhook-endpoints/${encodeURIComponent(id)}`;
  const event = (id: string) => `/api/webhook-events/${encodeURIComponent(id)}`;
  return {
    me: () => call<Me>(front, "/me"),
    verifyAuth: () => call<MeteredCall>(front, "/verify-auth", "POST"),
    issueCredentials: () => call<Credentials>(front, "/credentials", "POST", {}),
    rotateCredentials: (input: RotateCredentialsInput) => call<Credentials>(front, "/credentials/rotate", "POST", input),
    /** Revokes one key at once (a current one or one in its grace period); answers with the keys still working. */
    revokeKey: (keyId: string) => call<Credentials>(front, `/credentials/${encodeURIComponent(keyId)}/revoke`, "POST", {}),
    settings: (mode: DashboardMode) => call<SettingsResponse>(front, scoped("/settings", mode)),
    /** The change names its mode in the body (`change.mode`). */
    updateSettings: (change: SettingsChange) => call<SettingsResponse>(front, "/settings", "PATCH", change),
    subscribe: () => call<PlanCheckoutSession>(front, "/checkout", "POST", {}),
    manageSubscription: () => call<PlanPortalSession>(front, "/portal", "POST", {}),
    connectStripe: () => call<ConnectStart>(oauth, "/connect/start", "POST", {}),
    disconnectStripe: () => call<Disconnected>(oauth, "/connect/disconnect", "POST", {}),
    tiers: (mode: DashboardMode) => call<TierList>(oauth, scoped("/products", mode)),
    createTiers: (mode: DashboardMode, tiers: NewTier[]) => call<TierList>(oauth, scoped("/products", mode), "POST", { tiers } satisfies CreateTiersInput),
    updateTier: (mode: DashboardMode, name: string, patch: TierPatch) => call<TierResponse>(oauth, scoped(tier(name), mode), "PATCH", patch),
    archiveTier: (mode: DashboardMode, name: string) => call<TierResponse>(oauth, scoped(tier(name), mode), "DELETE"),
    /**
     * Copies the active test tiers that have no live tier of the same name
     * into live mode. Refused (403 `live_mode_unavailable`) before the paid
     * plan and (409 `stripe_not_connected`) before Stripe is connected.
     */
    copyTiersToLive: () => call<CopiedTiers>(oauth, "/products/copy-to-live", "POST", {}),
    dashboard: (mode: DashboardMode) => call<DashboardResponse>(multi, scoped("/api/dashboard", mode)),
    /** `cursor: null` is the first page. */
    customers: (mode: DashboardMode, query: Omit<CustomerQuery, "cursor"> & { cursor?: string | null }) =>
      call<CustomerPage>(multi, scoped("/api/customers", mode, { limit: String(query.limit ?? 20), q: query.q, cursor: query.cursor ?? undefined })),
    customer: (mode: DashboardMode, userId: string) => call<CustomerResponse>(multi, scoped(`/api/customers/${encodeURIComponent(userId)}`, mode)),
    /** The customer's unexpired credit balance and its grants and deductions, newest first; `cursor: null` is the first page. */
    credits: (mode: DashboardMode, userId: string, query: { limit?: number; cursor?: string | null } = {}) =>
      call<CreditBalance>(multi, scoped(`/api/customers/${encodeURIComponent(userId)}/credits`, mode, { limit: String(query.limit ?? 20), cursor: query.cursor ?? undefined })),
    /**
     * Grants (amount > 0) or deducts (amount < 0) credits. The same
     * `idempotencyKey` with the same input moves credits once: a retry
     * answers the first result again.
     */
    grantCredits: (mode: DashboardMode, userId: string, input: CreditMovementInput, idempotencyKey: string) =>
      call<CreditMovement>(multi, scoped(`/api/customers/${encodeURIComponent(userId)}/credits`, mode), "POST", input, { "Idempotency-Key": idempotencyKey }),
    // Outbound webhooks of the mode: endpoints, their signing secrets (shown on create and rotate only), events and deliveries.
    webhookEndpoints: (mode: DashboardMode) => call<WebhookEndpointList>(multi, scoped("/api/webhook-endpoints", mode)),
    /** Answers with the new endpoint's signing secret (`whsec_…`), which no other call shows. */
    createWebhookEndpoint: (mode: DashboardMode, input: WebhookEndpointInput) => call<WebhookEndpointSecret>(multi, scoped("/api/webhook-endpoints", mode), "POST", input),
    updateWebhookEndpoint: (mode: DashboardMode, endpointId: string, patch: WebhookEndpointPatch) => call<WebhookEndpointResponse>(multi, scoped(endpoint(endpointId), mode), "PATCH", patch),
    deleteWebhookEndpoint: (mode: DashboardMode, endpointId: string) => call<WebhookEndpointDeleted>(multi, scoped(endpoint(endpointId), mode), "DELETE"),
    /** A new signing secret, shown this once; the old one keeps signing for 24 hours. */
    rotateWebhookSecret: (mode: DashboardMode, endpointId: string) => call<WebhookEndpointSecret>(multi, scoped(`${endpoint(endpointId)}/rotate-secret`, mode), "POST", {}),
    /** Sends a `ping` event to this endpoint only. */
    testWebhookEndpoint: (mode: DashboardMode, endpointId: string) => call<WebhookEventResponse>(multi, scoped(`${endpoint(endpointId)}/test`, mode), "POST", {}),
    /** Newest first; `cursor: null` is the first page. */
    webhookEvents: (mode: DashboardMode, query: WebhookEventQuery = {}) =>
      call<WebhookEventPage>(multi, scoped("/api/webhook-events", mode, { limit: String(query.limit ?? 20), cursor: query.cursor ?? undefined, type: query.type, userId: query.userId })),
    webhookEvent: (mode: DashboardMode, eventId: string) => call<WebhookEventResponse>(multi, scoped(event(eventId), mode)),
    resendWebhookEvent: (mode: DashboardMode, eventId: string) => call<WebhookEventResponse>(multi, scoped(`${event(eventId)}/resend`, mode), "POST", {}),
    /** The request log (7 days), newest first; `cursor: null` is the first page. */
    logs: (mode: DashboardMode, query: RequestLogQuery = {}) =>
      call<RequestLogPage>(multi, scoped("/api/logs", mode, { limit: String(query.limit ?? 50), cursor: query.cursor ?? undefined, status: query.status, userId: query.userId, route: query.route })),
    log: (mode: DashboardMode, requestId: string) => call<RequestLogResponse>(multi, scoped(`/api/logs/${encodeURIComponent(requestId)}`, mode)),
  };
}

export type DeveloperApi = ReturnType<typeof developerApi>;
