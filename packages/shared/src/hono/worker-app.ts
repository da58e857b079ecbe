/**
 * The skeleton of all three workers: one log line per request, the request
 * clock, a request id and the security headers on every response, one error handler and one 404,
 * CORS per operation, and the route table derived from the worker's
 * operation definitions — each behind the middleware its callers need
 * (authentication and rate limits, given by the worker; the per-IP limit
 * for operations that ask for it, `limitPerClientIp`, added here).
 */
import { Hono, type Context, type Env as HonoEnv, type MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import type { Clock } from "../time";
import { securityHeaders } from "./security-headers";
import { corsForAnyOrigin, corsFromAllowList } from "./cors";
import { corsOf, pathMatcher, registerOperations, type OperationDefinition } from "./operation";
import { developerSessionChain, type DeveloperSessionConfig, type DeveloperVariables } from "./developer-session";
import { limitPerClientIp } from "./rate-limit";
import { notFound, onError, requestId, type RequestIdVariables } from "./request-context";
import { type LoggedCaller, requestLog, type RequestLogSink } from "./request-log";

export interface WorkerEnv extends HonoEnv {
  Bindings: { CLIENT_IP_RATE_LIMITER: RateLimit };
  Variables: RequestIdVariables & { now: Date };
}

export interface WorkerAppOptions<E extends WorkerEnv> {
  /** The worker's name in its log lines: "api-multi", "front-auth-api" or "oauth-api". */
  worker: string;
  /** Who authentication said was calling, for the log line (read after the response; undefined when it did not run or refused). */
  loggedCaller?: (c: Context<E>) => LoggedCaller | undefined;
  /** Where else each request's line goes after the response (api-multi: its stored request log). */
  logSink?: RequestLogSink<E>;
  clock: Clock;
  operations: readonly OperationDefinition<E>[];
  /** The dashboard's origins (comma-separated), read from the worker's config: the `allowList` CORS policy. */
  corsAllowList: (c: Context<E>) => string | undefined;
  /** What an operation's callers must pass before its handler: authentication, rate limits. */
  middlewareFor: (operation: OperationDefinition<E>) => MiddlewareHandler<E>[];
  /**
   * Paths under `path` that name no operation answer 404 only to a caller
   * who passes `middleware` (a credential check): to anyone else the
   * worker's private surface answers 401, so it does not tell strangers
   * which routes exist.
   */
  unknownRoutes?: { path: string; middleware: MiddlewareHandler<E>[] };
}

export function createWorkerApp<E extends WorkerEnv>(options: WorkerAppOptions<E>): Hono<E> {
  const app = new Hono<E>();
  app.onError(onError);
  app.notFound(notFound);
  app.use("*", requestLog<E>({ worker: options.worker, caller: options.loggedCaller, sink: options.logSink }), requestId(), securityHeaders());
  app.use("*", async (c, next) => {
    (c as unknown as Context<WorkerEnv>).set("now", options.clock());
    await next();
  });
  app.use("*", corsByOperation(options));
  registerOperations(app, options.operations, (operation) => [...(operation.limitPerClientIp ? [limitPerClientIp<E>()] : []), ...options.middlewareFor(operation)]);
  if (options.unknownRoutes) {
    const { path, middleware } = options.unknownRoutes;
    // Hono's overloads type each handler position; the chain here is a list.
    const all = app.all.bind(app) as unknown as (path: string, ...handlers: MiddlewareHandler<E>[]) => void;
    all(path, ...middleware, async (c) => notFound(c));
  }
  return app;
}

/**
 * CORS as each operation's definition says (corsOf), found by path (a
 * preflight names no route of its own). Calls without an Origin — servers,
 * such as a developer's backend — skip the work, except public operations,
 * which always say `Access-Control-Allow-Origin: *`.
 */
function corsByOperation<E extends WorkerEnv>(options: WorkerAppOptions<E>): MiddlewareHandler<E> {
  const policies = options.operations.map((operation) => ({ matches: pathMatcher(operation.path), policy: corsOf(operation) }));
  const anyOrigin = corsForAnyOrigin();
  const everyone = cors({ origin: "*", allowMethods: ["GET"] });
  const byAllowList = new Map<string, MiddlewareHandler>();
  const publicPaths = policies.filter((entry) => entry.policy === "public").map((entry) => entry.matches);
  return async (c, next) => {
    if (!c.req.header("Origin") && c.req.method !== "OPTIONS") {
      return publicPaths.some((matches) => matches.test(c.req.path)) ? everyone(c, next) : next();
    }
    const policy = policies.find((entry) => entry.matches.test(c.req.path))?.policy ?? "allowList";
    if (policy === "public") return everyone(c, next);
    if (policy === "anyOrigin") return anyOrigin(c, next);
    const allowList = options.corsAllowList(c) ?? "";
    let middleware = byAllowList.get(allowList);
    if (!middleware) {
      middleware = corsFromAllowList(allowList);
      byAllowList.set(allowList, middleware);
    }
    return middleware(c, next);
  };
}

/**
 * The skeleton of the dashboard's workers (front-auth-api, oauth-api):
 * operations developer sessions may call sit behind the session check and
 * the per-developer limit (developerSessionChain), and so does every path
 * that names no operation (401 to anyone without a session).
 */
export function createDeveloperWorkerApp<E extends WorkerEnv & { Bindings: { DB: D1Database; DEVELOPER_RATE_LIMITER: RateLimit }; Variables: DeveloperVariables }>(options: {
  worker: string;
  clock: Clock;
  operations: readonly OperationDefinition<E>[];
  config: (env: E["Bindings"]) => DeveloperSessionConfig & { CORS_ORIGINS: string };
}): Hono<E> {
  const developerSession = developerSessionChain<E>(options.config);
  return createWorkerApp<E>({
    worker: options.worker,
    // Set by the session check (authenticateDeveloper); absent before it and when it refused.
    loggedCaller: (c) => {
      const platform = c.get("platform") as DeveloperVariables["platform"] | undefined;
      return platform ? { platformId: platform.platformId } : undefined;
    },
    clock: options.clock,
    operations: options.operations,
    corsAllowList: (c) => options.config(c.env).CORS_ORIGINS,
    middlewareFor: (operation) => (operation.auth.includes("developerSession") ? developerSession : []),
    unknownRoutes: { path: "*", middleware: developerSession },
  });
}
