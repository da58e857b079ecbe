/**
 * Request ids, the error handler and the 404 handler every worker mounts, so
 * that all three answer errors in one shape with an `X-Request-Id`. What
 * went wrong is logged once, by the request's log line (request-log.ts).
 */
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError } from "../errors";
import { newId } from "../ids";
import { noteErrorCode } from "./request-log";

export interface RequestIdVariables {
  requestId: string;
}

export function requestId(): MiddlewareHandler<{ Variables: RequestIdVariables }> {
  return async (c, next) => {
    const id = newId("request", 20);
    c.set("requestId", id);
    await next();
    c.res.headers.set("X-Request-Id", id);
  };
}

function currentRequestId(c: Context): string {
  // Set by requestId(); a fallback keeps errors thrown before it well-formed.
  return (c.get("requestId") as string | undefined) ?? newId("request", 20);
}

export function errorResponse(c: Context, error: ApiError): Response {
  const id = currentRequestId(c);
  noteErrorCode(c, error.code);
  const response = c.json(error.toBody(id), error.status);
  response.headers.set("X-Request-Id", id);
  for (const [name, value] of Object.entries(error.headers ?? {})) response.headers.set(name, value);
  return response;
}

/**
 * Answers in the shared shape and logs nothing itself: the request's one
 * log line (requestLog) carries the code and, for a 5xx, the name and stack
 * frames of what was thrown — never its message, which can quote input.
 */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err);
  if (err instanceof HTTPException) {
    const code = err.status === 401 ? "unauthorized" : err.status === 404 ? "not_found" : "invalid_request";
    return errorResponse(c, new ApiError(code, err.message || "Request rejected."));
  }
  return errorResponse(c, new ApiError("internal_error", "Something went wrong on our side. Try again; if it persists, contact support with the request id."));
};

export const notFound: NotFoundHandler = (c) => errorResponse(c, new ApiError("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`));
