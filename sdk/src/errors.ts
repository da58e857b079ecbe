/**
 * Every failure of an API call is a {@link DreamApiError}; its subclass (and
 * `kind`) says which family it is, `code` says exactly what happened.
 */
import type { ApiErrorBody, ApiErrorCode, Usage } from "./types.js";

/** Client-side codes: the request never got an HTTP answer. */
export type ClientErrorCode = "network_error" | "timeout";

/** A discriminant for `switch`: one value per error class. */
export type DreamApiErrorKind = "validation" | "authentication" | "permission" | "usage_limit" | "not_found" | "conflict" | "rate_limited" | "server" | "network" | "timeout" | "api";

export interface DreamApiErrorInit {
  message: string;
  code: ApiErrorCode | ClientErrorCode | (string & {});
  /** HTTP status; `null` when no response arrived (network error, timeout). */
  status: number | null;
  /** The API's request id (`X-Request-Id`); `null` when no response arrived. */
  requestId: string | null;
  param?: string | undefined;
  /** The parsed error body, when the API sent one. */
  body?: ApiErrorBody | undefined;
  /** Response headers, when a response arrived. */
  headers?: Headers | undefined;
  cause?: unknown;
}

/** The base of every error an API call rejects with. */
export class DreamApiError extends Error {
  /** Which family of error this is; narrows like `instanceof`. */
  readonly kind: DreamApiErrorKind = "api";
  /** The API's error code (e.g. `customer_not_found`), or `network_error` / `timeout`. */
  readonly code: ApiErrorCode | ClientErrorCode | (string & {});
  /** HTTP status; `null` when no response arrived. */
  readonly status: number | null;
  /** The request id to quote to support; `null` when no response arrived. */
  readonly requestId: string | null;
  /** The request field at fault, when the API names one. */
  readonly param: string | undefined;
  /** The raw error body. */
  readonly body: ApiErrorBody | undefined;
  /** The response headers. */
  readonly headers: Headers | undefined;

  constructor(init: DreamApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.name = new.target.name;
    this.code = init.code;
    this.status = init.status;
    this.requestId = init.requestId;
    this.param = init.param;
    this.body = init.body;
    this.headers = init.headers;
  }
}

/** 400: the request was malformed (bad JSON, wrong type, unknown field, bad id); `param` names the field. Nothing was written. */
export class ValidationError extends DreamApiError {
  override readonly kind = "validation";
}

/** 401: missing, invalid, revoked or expired key or token. */
export class AuthenticationError extends DreamApiError {
  override readonly kind = "authentication";
}

/** 403 other than `usage_limit_exceeded`: e.g. `forbidden` (an end-user token acting for someone else) or `preview_limit_reached`. */
export class PermissionDeniedError extends DreamApiError {
  override readonly kind = "permission";
}

/** 403 `usage_limit_exceeded`: the end-user is at its tier's limit; nothing was counted. */
export class UsageLimitError extends DreamApiError {
  override readonly kind = "usage_limit";
  /** The end-user's usage as it stands (unchanged by the refused call). */
  readonly usage: Usage;

  constructor(init: DreamApiErrorInit & { usage: Usage }) {
    super(init);
    this.usage = init.usage;
  }
}

/** 404: no such customer, route or billing account (another tenant's ids are 404 too). */
export class NotFoundError extends DreamApiError {
  override readonly kind = "not_found";
}

/** 409: e.g. `customer_exists`, `email_in_use`, `stripe_not_connected`, `sold_out`, `insufficient_credits` (a deduction the balance does not cover; nothing moved), `idempotency_key_reused`, `already_subscribed` ({@link AlreadySubscribedError}). */
export class ConflictError extends DreamApiError {
  override readonly kind = "conflict";
}

/**
 * 409 `already_subscribed`: the end-user already has a running subscription;
 * send them to `portalUrl` (a billing-portal session) to change plan instead.
 */
export class AlreadySubscribedError extends ConflictError {
  /** A billing-portal session URL, or `null` when dream-api could not open one (call `portal.create`). */
  readonly portalUrl: string | null;

  constructor(init: DreamApiErrorInit & { portalUrl: string | null }) {
    super(init);
    this.portalUrl = init.portalUrl;
  }
}

/** 429 `rate_limited`, after the client's retries ran out. */
export class RateLimitError extends DreamApiError {
  override readonly kind = "rate_limited";
  /** The `Retry-After` the API sent, in seconds; `null` when it sent none. */
  readonly retryAfterSeconds: number | null;

  constructor(init: DreamApiErrorInit & { retryAfterSeconds: number | null }) {
    super(init);
    this.retryAfterSeconds = init.retryAfterSeconds;
  }
}

/** 5xx: an error on dream-api's side or of Stripe/Clerk behind it (`stripe_error`, `clerk_error`, …), after retries. */
export class ServerError extends DreamApiError {
  override readonly kind = "server";
}

/** No HTTP response: DNS, connection refused or reset, after retries. */
export class NetworkError extends DreamApiError {
  override readonly kind: DreamApiErrorKind = "network";
}

/** No response within `timeoutMs`, after retries. */
export class TimeoutError extends NetworkError {
  override readonly kind = "timeout";
}

/**
 * A client set up so it cannot make the call (e.g. no secret key for a
 * secret-key route, or a secret key in a browser). Thrown before any request.
 */
export class DreamApiConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DreamApiConfigurationError";
  }
}

/** True for any error an API call rejects with. */
export function isDreamApiError(error: unknown): error is DreamApiError {
  return error instanceof DreamApiError;
}

/** Parses `Retry-After` (delta-seconds or an HTTP date) into seconds, or `null`. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null || value.trim() === "") return null;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== "object" || value === null) return false;
  const error = (value as { error?: unknown }).error;
  return typeof error === "object" && error !== null && typeof (error as { code?: unknown }).code === "string";
}

/** The error for an HTTP error response (`body` is the parsed JSON, or `undefined` when it was not JSON). */
export function errorFromResponse(status: number, headers: Headers, body: unknown): DreamApiError {
  const parsed = isErrorBody(body) ? body : undefined;
  const init: DreamApiErrorInit = {
    status,
    headers,
    body: parsed,
    code: parsed?.error.code ?? `http_${status}`,
    message: parsed?.error.message ?? `dream-api answered HTTP ${status} without an error body.`,
    param: parsed?.error.param,
    requestId: headers.get("X-Request-Id") ?? parsed?.requestId ?? null,
  };
  if (status === 400 || status === 422) return new ValidationError(init);
  if (status === 401) return new AuthenticationError(init);
  if (status === 403) {
    if (init.code === "usage_limit_exceeded" && parsed?.usage) return new UsageLimitError({ ...init, usage: parsed.usage });
    return new PermissionDeniedError(init);
  }
  if (status === 404) return new NotFoundError(init);
  if (status === 409) {
    if (init.code === "already_subscribed") return new AlreadySubscribedError({ ...init, portalUrl: typeof parsed?.portalUrl === "string" ? parsed.portalUrl : null });
    return new ConflictError(init);
  }
  if (status === 429) return new RateLimitError({ ...init, retryAfterSeconds: parseRetryAfter(headers.get("Retry-After")) });
  if (status >= 500) return new ServerError(init);
  return new DreamApiError(init);
}
