/**
 * @dream-api/client — the typed client for dream-api's REST API.
 * ESM, no dependencies; runs in Node 18+, Deno, Workers and browsers
 * (browsers: publishable key and end-user tokens only).
 */
export { DreamApi, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_MAX_RETRY_DELAY_MS, DEFAULT_TIMEOUT_MS } from "./client.js";
export type { DreamApiOptions, RawRequest } from "./client.js";
export type { CredentialKind, EndUserTokenSource } from "./credentials.js";
export {
  AlreadySubscribedError,
  AuthenticationError,
  ConflictError,
  DreamApiConfigurationError,
  DreamApiError,
  NetworkError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServerError,
  TimeoutError,
  UsageLimitError,
  ValidationError,
  isDreamApiError,
} from "./errors.js";
export type { ClientErrorCode, DreamApiErrorInit, DreamApiErrorKind } from "./errors.js";
export type { ApiResponse, FetchLike, HttpMethod, RequestOptions } from "./http.js";
export type { Checkout } from "./resources/checkout.js";
export type { CustomerCredits, GrantCreditsOptions } from "./resources/customer-credits.js";
export type { Customers } from "./resources/customers.js";
export type { DashboardResource } from "./resources/dashboard.js";
export type { Logs } from "./resources/logs.js";
export type { Platforms } from "./resources/platforms.js";
export type { Portal } from "./resources/portal.js";
export type { Tiers } from "./resources/tiers.js";
export type { UsageResource } from "./resources/usage.js";
export type { WebhookEndpoints } from "./resources/webhook-endpoints.js";
export type { WebhookEvents } from "./resources/webhook-events.js";
export type { WebhooksResource } from "./resources/webhooks.js";
export { DEFAULT_WEBHOOK_TOLERANCE_SECONDS, WebhookVerificationError, Webhooks, signWebhook, verifyWebhook } from "./webhooks.js";
export type { SignWebhookInput, VerifyWebhookOptions, WebhookHeaders, WebhookSignatureHeaders, WebhookVerificationReason } from "./webhooks.js";
export type * from "./types.js";
