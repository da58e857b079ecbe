import type { MiddlewareHandler } from "hono";

/** A response that is data, not a page: nothing in it may run, load or be framed. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/**
 * Every response says what it is (`nosniff`: a browser never reads JSON as
 * a script or a page) and may not be framed. A route that serves a page
 * (the API reference at /docs) sets its own Content-Security-Policy, which is kept.
 */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    if (!c.res.headers.has("Content-Security-Policy")) c.res.headers.set("Content-Security-Policy", API_CONTENT_SECURITY_POLICY);
  };
}
