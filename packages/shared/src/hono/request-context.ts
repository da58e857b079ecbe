/**
 * Request ids, the error handler and the 404 handler every worker mounts, so
 * that all three answer errors in one shape with an `X-Request-Id`.
 */
import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { ApiError } from "../errors";
import { newId } from "../ids";

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
  const response = c.json(error.toBody(id), error.status);
  response.headers.set("X-Request-Id", id);
  for (const [name, value] of Object.entries(error.headers ?? {})) response.headers.set(name, value);
  return response;
}

/** Logs without request bodies or headers, so no secret reaches the logs. */
export const onError: ErrorHandler = (err, c) => {
  if (err instanceof ApiError) {
    if (err.status >= 500) console.error(`[${currentRequestId(c)}] ${err.code}: ${err.message}`, err.cause ?? "");
    return errorResponse(c, err);
  }
  if (err instanceof HTTPException) {
    const code = err.status === 401 ? "unauthorized" : err.status === 404 ? "not_found" : "invalid_request";
    return errorResponse(c, new ApiError(code, err.message || "Request rejected."));
  }
  console.error(`[${currentRequestId(c)}] unhandled error`, err);
  return errorResponse(c, new ApiError("internal_error", "Something went wrong on our side. Try again; if it persists, contact support with the request id."));
};

export const notFound: NotFoundHandler = (c) => errorResponse(c, new ApiError("not_found", `No route for ${c.req.method} ${new URL(c.req.url).pathname}.`));
