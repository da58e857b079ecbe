import type { Context } from "hono";
import { newTraceId } from "./ids.js";

/** One entry of the spec's `ClerkErrors.errors` array. */
export interface ClerkErrorJson {
  message: string;
  long_message: string;
  code: string;
  meta?: Record<string, unknown>;
}

/** The spec's `ClerkErrors` body. */
export interface ClerkErrorsJson {
  errors: ClerkErrorJson[];
  clerk_trace_id: string;
}

type ErrorStatus = 400 | 401 | 403 | 404 | 422 | 500;

/**
 * An error the emulator answers with a Clerk-shaped body. Codes and messages
 * follow Clerk's own (`form_identifier_exists`, `resource_not_found`, ...), so
 * callers that branch on `err.errors[0].code` behave as against real Clerk.
 * `Error.message` carries the long message so a thrown error reads well.
 */
export class ClerkApiError extends Error {
  readonly shortMessage: string;

  constructor(
    readonly status: ErrorStatus,
    readonly code: string,
    shortMessage: string,
    longMessage: string = shortMessage,
    readonly meta?: Record<string, unknown>,
  ) {
    super(longMessage);
    this.name = "ClerkApiError";
    this.shortMessage = shortMessage;
  }

  toJson(): ClerkErrorJson {
    return {
      message: this.shortMessage,
      long_message: this.message,
      code: this.code,
      ...(this.meta ? { meta: this.meta } : {}),
    };
  }
}

/** "external_id" -> "external id", as Clerk words parameter names in messages. */
function humanParam(param: string): string {
  return param.replaceAll("_", " ");
}

export const clerkErrors = {
  authorizationHeaderInvalid: () =>
    new ClerkApiError(401, "authorization_header_format_invalid", "Invalid Authorization header format", 'Invalid Authorization header format. Must be "Bearer <YOUR_API_KEY>"'),
  secretKeyInvalid: () => new ClerkApiError(401, "clerk_key_invalid", "The provided Clerk Secret Key is invalid. Make sure that your Clerk Secret Key is correct."),
  resourceNotFound: (longMessage = "Resource not found") => new ClerkApiError(404, "resource_not_found", "not found", longMessage),
  urlNotFound: () => new ClerkApiError(404, "resource_not_found", "URL not found", "The URL was not found"),
  requestBodyInvalid: () => new ClerkApiError(400, "request_body_invalid", "Request body invalid", "The request body is invalid. Please consult the API documentation for more information."),
  identifierExists: (param: string) => new ClerkApiError(422, "form_identifier_exists", `That ${humanParam(param)} is taken. Please try another.`, undefined, { param_name: param }),
  identifierNotFound: (param: string) =>
    new ClerkApiError(422, "form_identifier_not_found", "Couldn't find your account.", undefined, {
      param_name: param,
    }),
  paramUnknown: (param: string, reason = `${param} is not a valid parameter for this request.`) => new ClerkApiError(422, "form_param_unknown", "is unknown", reason, { param_name: param }),
  paramMissing: (param: string) =>
    new ClerkApiError(422, "form_param_missing", "is missing", `${param} must be included.`, {
      param_name: param,
    }),
  paramTypeInvalid: (param: string, type: string) =>
    new ClerkApiError(422, "form_param_type_invalid", "is invalid", `\`${param}\` must be a \`${type}\`.`, {
      param_name: param,
    }),
  paramFormatInvalid: (param: string, longMessage?: string) => {
    const text = humanParam(param);
    return new ClerkApiError(422, "form_param_format_invalid", `${text.charAt(0).toUpperCase()}${text.slice(1)} is invalid.`, longMessage, { param_name: param });
  },
  paramValueInvalid: (param: string, longMessage: string) => new ClerkApiError(422, "form_param_value_invalid", "is invalid", longMessage, { param_name: param }),
  organizationsNotEnabled: () =>
    new ClerkApiError(403, "organization_not_enabled_in_instance", "access denied", "The organizations feature is not enabled for this instance. You can enable it at https://dashboard.clerk.com."),
  organizationNotFound: () => new ClerkApiError(404, "resource_not_found", "not found", "Given organization not found."),
  /** What a signed-in user hears for an organization that is unknown or not theirs: it never tells the two apart. */
  organizationNotFoundOrUnauthorized: () =>
    new ClerkApiError(404, "organization_not_found_or_unauthorized", "not found or unauthorized", "Given organization not found, or you don't have permission to access the organization"),
  organizationCreatorNotFound: (userId: string) => new ClerkApiError(400, "organization_creator_not_found", "creator not found", `No users found with id ${userId}.`),
  organizationNameInvalid: (name: string, reason: string) =>
    new ClerkApiError(422, "form_param_value_invalid", "invalid organization name", `The organization name "${name}" is invalid: ${reason}`, { param_name: "name" }),
  alreadyMember: (userId: string) => new ClerkApiError(400, "already_a_member_in_organization", "already a member", `${userId} is already a member of the organization.`),
  membershipNotFound: (userId: string) => new ClerkApiError(404, "resource_not_found", "not found", `No organization membership was found for user ${userId}.`),
  membershipQuotaExceeded: (limit: number) =>
    new ClerkApiError(
      403,
      "organization_membership_quota_exceeded",
      "organization membership quota exceeded",
      `You have reached your limit of ${limit} organization memberships, including outstanding invitations.`,
    ),
  roleNotFound: () => new ClerkApiError(404, "resource_not_found", "not found", "Organization role not found", { param_name: "role" }),
  internal: () => new ClerkApiError(500, "internal_clerk_error", "Oops, an unexpected error occurred", "Oops, an unexpected error occurred"),
};

/** Writes `err` as a Clerk error response, with the trace id in body and header. */
export function clerkErrorResponse(c: Context, err: ClerkApiError): Response {
  const traceId = newTraceId();
  const body: ClerkErrorsJson = { errors: [err.toJson()], clerk_trace_id: traceId };
  c.header("x-clerk-trace-id", traceId);
  return c.json(body, err.status);
}
