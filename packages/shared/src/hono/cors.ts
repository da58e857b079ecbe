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
  return cors({
    origin: (origin) => (allowed.has(origin) ? origin : null),
    allowHeaders: ["Authorization", "Content-Type", "X-User-Id", "X-User-Plan", "Idempotency-Key"],
    allowMethods: ["GET", "POST", "PATCH", "DELETE", "OPTIONS"],
    exposeHeaders: ["X-Request-Id", "Retry-After"],
    maxAge: 600,
  });
}
