/** Models every worker's document shares. */
import { z } from "zod";
import { ERROR_CODES, type ErrorCode } from "../errors";

const errorCodes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/**
 * The body of every error response (the `Error` model), with the extra
 * top-level fields some of a worker's codes carry (e.g. `usage` on 403
 * usage_limit_exceeded), each optional and described.
 */
export function errorModel(extras: z.ZodRawShape = {}) {
  return z
    .strictObject({
      error: z.strictObject({
        code: z.enum(errorCodes).meta({ description: "A closed set: switch on it. The HTTP status follows from the code." }),
        message: z.string().meta({ description: "For humans; may change." }),
        param: z.string().optional().meta({ description: "The field, header or query parameter at fault." }),
      }),
      requestId: z.string().meta({ description: "Also in the X-Request-Id header; quote it to support.", example: "req_4f9KqT2mXb7LsP0aZc1d" }),
      ...extras,
    })
    .meta({ id: "Error", description: "The body of every error response." });
}

/** An ISO-8601 UTC instant, as every worker writes them. */
export const isoDateTime = z.string().meta({ format: "date-time", example: "2026-11-01T00:00:00.000Z" });
