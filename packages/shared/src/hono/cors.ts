import { cors } from "hono/cors";

/**
 * CORS from an allow-list (comma-separated origins in config). Requests from
 * other origins get no CORS headers, so browsers refuse the response.
 */
export function corsFromAllowList(allowList: string | undefined) {
  const allowed = new Set(
    (allowList ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
  );
  return cors({ origin: (origin) => (allowed.has(origin) ? origin : null), ...CORS_HEADERS });
}

const CORS_HEADERS = {
  allowHeaders: ["Authorization", "Content-Type", "X-User-Id", "X-User-Plan", "Idempotency-Key"],
  allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
  exposeHeaders: ["X-Request-Id", "Retry-After"],
  maxAge: 600,
};

/**
 * CORS for any origin, for routes end-users' browsers call from developers'
 * sites with a bearer token (no cookies, so no ambient credentials to abuse).
 */
export function corsForAnyOrigin() {
  return cors({ origin: (origin) => origin, ...CORS_HEADERS });
}
