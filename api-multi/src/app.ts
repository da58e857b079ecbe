/**
 * Wires api-multi: the shared worker skeleton, with the route table derived
 * from the operation definitions (routes/, plus health, /openapi.json and
 * /docs), each behind the authentication and rate limits its callers need.
 */
import { systemClock, type Clock } from "@dream-api/shared";
import { createWorkerApp, needsCredential } from "@dream-api/shared/hono";
import { config } from "./config";
import type { AppEnv, AuthContext } from "./context";
import { authenticateFor } from "./middleware/authenticate";
import { limitPerCredential } from "./middleware/rate-limit";
import { ALL_OPERATIONS } from "./openapi/document";
import { requestLogSink } from "./services/logs/sink";

export interface AppDependencies {
  clock?: Clock;
}

export function createApp({ clock = systemClock }: AppDependencies = {}) {
  return createWorkerApp<AppEnv>({
    worker: "api-multi",
    // Set by authenticateFor; absent on public routes, webhooks and refused calls.
    loggedCaller: (c) => {
      const auth = c.get("auth") as AuthContext | undefined;
      return auth ? { platformId: auth.platformId, mode: auth.mode } : undefined;
    },
    // The developer's request log (GET /api/logs): batched per isolate onto REQUEST_LOG_QUEUE.
    logSink: requestLogSink(),
    clock,
    operations: ALL_OPERATIONS,
    corsAllowList: (c) => config(c.env).CORS_ORIGINS,
    middlewareFor: (operation) => (needsCredential(operation) ? [authenticateFor(operation.auth), limitPerCredential] : []),
    unknownRoutes: { path: "/api/*", middleware: [authenticateFor(["secretKey"]), limitPerCredential] },
  });
}
