/**
 * The one error model of all three workers. Every error response is
 * `{ error: { code, message, param? }, requestId }` with the status that
 * `codeToStatus` gives its code; the set of codes is closed so clients can
 * switch on them.
 */
import { HTTPException } from "hono/http-exception";

export const ERROR_CODES = {
  invalid_json: 400,
  invalid_request: 400,
  body_too_large: 400,
  invalid_id: 400,
  invalid_signature: 400,
  invalid_state: 400,
  livemode_mismatch: 400,
  unknown_plan: 400,
  unknown_tier: 400,
  unauthorized: 401,
  unauthenticated: 401,
  invalid_api_key: 401,
  invalid_token: 401,
  forbidden: 403,
  usage_limit_exceeded: 403,
  platform_limit_reached: 403,
  preview_limit_reached: 403,
  live_mode_unavailable: 403,
  not_found: 404,
  customer_not_found: 404,
  no_billing_account: 404,
  method_not_allowed: 405,
  conflict: 409,
  customer_exists: 409,
  email_in_use: 409,
  no_tiers_configured: 409,
  stripe_not_connected: 409,
  sold_out: 409,
  insufficient_credits: 409,
  already_subscribed: 409,
  idempotency_key_reused: 409,
  idempotency_key_in_progress: 409,
  rate_limited: 429,
  internal_error: 500,
  misconfigured: 500,
  clerk_error: 502,
  stripe_error: 502,
  database_error: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;
type ErrorStatus = (typeof ERROR_CODES)[ErrorCode];

export function codeToStatus(code: ErrorCode): ErrorStatus {
  return ERROR_CODES[code];
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; param?: string };
  requestId: string;
  [extra: string]: unknown;
}

export interface ApiErrorOptions {
  /** The request field at fault, as Stripe reports it. */
  param?: string;
  /** Extra, documented top-level fields of the body (e.g. `usage` on 403 usage_limit_exceeded). */
  extra?: Record<string, unknown>;
  headers?: Record<string, string>;
  cause?: unknown;
}

export class ApiError extends HTTPException {
  readonly code: ErrorCode;
  readonly param: string | undefined;
  readonly extra: Record<string, unknown> | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(code: ErrorCode, message: string, options: ApiErrorOptions = {}) {
    super(codeToStatus(code), { message, cause: options.cause });
    this.name = "ApiError";
    this.code = code;
    this.param = options.param;
    this.extra = options.extra;
    this.headers = options.headers;
  }

  toBody(requestId: string): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.param === undefined ? {} : { param: this.param }),
      },
      ...this.extra,
      requestId,
    };
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
