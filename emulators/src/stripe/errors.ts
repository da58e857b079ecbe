/**
 * Stripe-shaped errors. stripe-node picks its error class from the HTTP status
 * (400/404 → StripeInvalidRequestError, 401 → StripeAuthenticationError,
 * 402 → StripeCardError, 403 → StripePermissionError, idempotency_error type →
 * StripeIdempotencyError), so status, type and code must match what Stripe sends.
 */

export type StripeErrorType = "invalid_request_error" | "idempotency_error" | "card_error" | "api_error";

export interface StripeErrorBody {
  type: StripeErrorType;
  message: string;
  code?: string;
  param?: string;
  decline_code?: string;
  doc_url?: string;
  /** Added when the error is answered (api.ts errorResponse), from the request's id. */
  request_log_url?: string;
}

/** Thrown anywhere inside a request; the API layer turns it into `{ error: {...} }`. */
export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.message);
  }

  toJSON(): { error: StripeErrorBody } {
    return { error: this.body };
  }
}

function withDocUrl(body: StripeErrorBody): StripeErrorBody {
  return body.code ? { ...body, doc_url: `https://stripe.com/docs/error-codes/${body.code.replaceAll("_", "-")}` } : body;
}

export function invalidRequest(message: string, extra: { code?: string; param?: string; status?: number } = {}): StripeApiError {
  const { status = 400, ...rest } = extra;
  return new StripeApiError(status, withDocUrl({ type: "invalid_request_error", message, ...rest }));
}

export function parameterMissing(param: string): StripeApiError {
  return invalidRequest(`Missing required param: ${param}.`, { code: "parameter_missing", param });
}

/**
 * `No such customer: 'cus_x'`. Stripe answers 404 for an id in the URL and 400
 * for an id passed as a parameter (then `param` names it).
 */
export function resourceMissing(noun: string, id: string, param?: string): StripeApiError {
  return invalidRequest(`No such ${noun}: '${id}'`, {
    code: "resource_missing",
    param: param ?? "id",
    status: param ? 400 : 404,
  });
}

/**
 * Stripe's 404 for a URL it has no endpoint at, said so that a Stripe
 * endpoint the stand-in lacks (`GET /v1/charges`, `DELETE /v1/customers/:id`)
 * is not mistaken for one Stripe lacks.
 */
export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return invalidRequest(
    `Unrecognized request URL (${method}: ${path}). The local Stripe stand-in does not implement this endpoint; it implements those listed in emulators/src/stripe/README.md (Stripe's are at https://stripe.com/docs/api).`,
    { status: 404 },
  );
}

export function authenticationFailed(message: string): StripeApiError {
  return invalidRequest(message, { status: 401 });
}

export function accountInaccessible(keyHint: string, account: string): StripeApiError {
  return invalidRequest(`The provided key '${keyHint}' does not have access to account '${account}' (or that account does not exist). Application access may have been revoked.`, {
    status: 403,
    code: "account_invalid",
  });
}

export function idempotencyMismatch(key: string, reason: "parameters" | "endpoint"): StripeApiError {
  const message =
    reason === "parameters"
      ? `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
      : `Keys for idempotent requests can only be used for the same endpoint they were first used for. Try using a key other than '${key}' if you meant to execute a different request.`;
  return new StripeApiError(400, { type: "idempotency_error", message });
}

export function cardDeclined(declineCode: "generic_decline" | "insufficient_funds"): StripeApiError {
  const message = declineCode === "insufficient_funds" ? "Your card has insufficient funds." : "Your card was declined.";
  return new StripeApiError(402, withDocUrl({ type: "card_error", code: "card_declined", decline_code: declineCode, message }));
}

export function incorrectCardNumber(): StripeApiError {
  return new StripeApiError(402, withDocUrl({ type: "card_error", code: "incorrect_number", message: "Your card number is incorrect." }));
}

/**
 * Stripe Connect's OAuth endpoints use the OAuth 2.0 error shape
 * (`{ error: "invalid_grant", error_description }`), not the API one;
 * stripe-node maps `error` to StripeInvalidGrantError and friends.
 */
export class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly description: string,
  ) {
    super(description);
  }

  toJSON(): { error: string; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}
