/** Request schemas and id parsing shared by api-multi's routes. */
import { ApiError, modeSchema, tierNameSchema, type ErrorCode } from "@dream-api/shared";
import { z } from "zod";

/**
 * A developer's id for an end-user: 1-128 characters from a safe set (no
 * spaces, no control characters), e.g. a UUID, "user_123" or an email.
 */
export const endUserIdSchema = z
  .string()
  .min(1, "must not be empty")
  .max(128, "must be at most 128 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:@+-]*$/, "may contain only letters, digits and _ . : @ + - (starting with a letter or digit)");

export const planSchema = tierNameSchema;

/** Validates an end-user id from a path, header or body field: 400 `invalid_id` naming the field. */
export function parseEndUserId(value: string | undefined, param: string): string {
  if (value === undefined || value === "") {
    throw new ApiError("invalid_request", `${param} is required.`, { param });
  }
  const result = endUserIdSchema.safeParse(value);
  if (result.success) return result.data;
  throw new ApiError("invalid_id", `${param} ${result.error.issues[0]?.message ?? "is invalid"}.`, { param });
}

/**
 * The end-user a request acts for: the one an end-user token names (which
 * may not act for anyone else), or the validated id the developer's backend sent.
 */
export function actingUserId(auth: { endUserId?: string | undefined }, requested: string | undefined, param: string): string {
  if (auth.endUserId) {
    if (requested !== undefined && requested !== "" && requested !== auth.endUserId) {
      throw new ApiError("forbidden", "An end-user session can only act for its own user.", { param });
    }
    return auth.endUserId;
  }
  return parseEndUserId(requested, param);
}

/** An http(s) URL for redirects (checkout success/cancel, portal return). */
export const redirectUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2048);

/** The end-user, when the body or query does not name it (header `X-User-Id`, query `userId`). */
export const userIdHeader = endUserIdSchema.meta({ description: "The end-user, when the body or query does not name it.", example: "user_42" });

/** The `{userId}` path parameter. */
export const userIdPath = z.strictObject({ userId: endUserIdSchema.meta({ description: "Your id for the end-user.", example: "user_42" }) });

/**
 * `?mode=`, on the operations the dashboard calls: required with a
 * developer's session (which mode's data it shows); with a key or an
 * end-user session it may only repeat the credential's own mode.
 */
export const modeQueryFields = {
  mode: modeSchema.optional().meta({ description: "Which mode's data: required with a dashboard session; with a key, its own mode if given (another is 400).", example: "test" }),
};

/** The query of an operation whose only query parameter is `mode`. */
export const modeQuery = z.strictObject(modeQueryFields);

/** A public page's mode (`?mode=test|live`): live unless it says test. */
export const publicModeQuery = z.strictObject({ mode: modeSchema.optional().meta({ description: "Which mode's page: live (the default) or test.", example: "test" }) });

/** What any operation with a JSON body may answer about the body itself. */
export const BODY_ERRORS: ErrorCode[] = ["invalid_json", "invalid_request", "body_too_large"];
