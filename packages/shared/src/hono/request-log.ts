/**
 * One structured JSON line per request, written after the response is made:
 * what Workers Logs (observability) and `wrangler tail` show of each call.
 * It holds only what is safe to keep — the route's pattern, never the raw
 * path (it can carry end-users' ids and emails); never a body, a header,
 * the query string, a key, a token, an email or an error's message (it can
 * quote input). Off the hot path's I/O: no await, no fetch — `console.log`
 * is synchronous in workerd and its output is collected by the runtime.
 */
import type { Context, MiddlewareHandler } from "hono";
import { routePath } from "hono/route";
import { ApiError, type ErrorCode } from "../errors";
import type { RequestIdVariables } from "./request-context";

/** Who authentication said was calling (nothing before it, or when it refused). */
export interface LoggedCaller {
  platformId: string;
  /** The credential's mode, where authentication fixes one. */
  mode?: string;
}

export interface RequestLogLine {
  level: "info" | "warn" | "error";
  msg: "request";
  /** Which worker answered: "api-multi", "front-auth-api" or "oauth-api". */
  worker: string;
  /** The request id of the `X-Request-Id` header and of error bodies. */
  requestId: string;
  method: string;
  /** Hono's matched route pattern (`/api/customers/:userId`); `/*` when no route matched. */
  route: string;
  status: number;
  /** Wall time from the request's arrival in the app to its response (the Workers clock moves on I/O). */
  latencyMs: number;
  platformId?: string;
  mode?: string;
  /** The code of an answer in the shared error shape. */
  errorCode?: ErrorCode;
  /** 5xx only: the name of what was thrown (of its cause, for an ApiError that wraps one). */
  error?: string;
  /** 5xx only: where it was thrown, its stack frames without the message. */
  errorStack?: string[];
}

/** What request-context and the log share on the context (errorResponse notes the code it answers). */
export interface RequestLogVariables {
  errorCode?: ErrorCode;
  /** The end-user the request acted for, noted by its route (noteLogUserId): only a sink keeps it, never the console line. */
  logUserId?: string;
}

/** Notes that the response is an error in the shared shape with this code, for the request's log line. */
export function noteErrorCode(c: Context, code: ErrorCode): void {
  c.set("errorCode", code);
}

/**
 * Notes the end-user a request acted for, for a worker's stored request log
 * (a sink). The console line never carries it: a developer's userId may be
 * an email.
 */
export function noteLogUserId(c: Context, userId: string): void {
  c.set("logUserId", userId);
}

/** The userId a route noted (noteLogUserId), if any. */
export function loggedUserId(c: Context): string | undefined {
  return (c as unknown as Context<{ Variables: RequestLogVariables }>).get("logUserId");
}

/**
 * Where a worker keeps its lines besides the console (api-multi: its
 * request log, through a queue). Called after the response, synchronously:
 * it must not await anything the response would wait for (waitUntil only).
 */
export type RequestLogSink<E extends { Variables: RequestIdVariables }> = (c: Context<E>, line: RequestLogLine) => void;

export interface RequestLogOptions<E extends { Variables: RequestIdVariables }> {
  worker: string;
  /** Who authentication said was calling, read from the context after the response. */
  caller?: (c: Context<E>) => LoggedCaller | undefined;
  /** Where else the line goes (api-multi's stored request log); its failure never touches the response. */
  sink?: RequestLogSink<E>;
}

/**
 * Mounted first, so it sees the final response (errors already answered by
 * onError, the request id set by requestId()). Exactly one line per request.
 */
export function requestLog<E extends { Variables: RequestIdVariables }>(options: RequestLogOptions<E>): MiddlewareHandler<E> {
  return async (c, next) => {
    const started = Date.now();
    await next();
    const line = requestLogLine(c, options, Date.now() - started);
    console.log(JSON.stringify(line));
    if (options.sink) {
      try {
        options.sink(c, line);
      } catch (error) {
        // A lost line must not cost the caller its response.
        console.error(JSON.stringify({ level: "error", msg: "request log sink failed", worker: options.worker, requestId: line.requestId, error: error instanceof Error ? error.name : "unknown" }));
      }
    }
  };
}

function requestLogLine<E extends { Variables: RequestIdVariables }>(c: Context<E>, options: RequestLogOptions<E>, latencyMs: number): RequestLogLine {
  const status = c.res.status;
  const caller = options.caller?.(c);
  const errorCode = (c as unknown as Context<{ Variables: RequestLogVariables }>).get("errorCode");
  const line: RequestLogLine = {
    level: status >= 500 ? "error" : status >= 400 ? "warn" : "info",
    msg: "request",
    worker: options.worker,
    requestId: (c as unknown as Context<{ Variables: RequestIdVariables }>).get("requestId"),
    method: c.req.method,
    route: routePath(c) || "/*",
    status,
    latencyMs,
  };
  if (caller) {
    line.platformId = caller.platformId;
    if (caller.mode !== undefined) line.mode = caller.mode;
  }
  if (errorCode !== undefined) line.errorCode = errorCode;
  if (status >= 500 && c.error) {
    const thrown = c.error instanceof ApiError && c.error.cause instanceof Error ? c.error.cause : c.error;
    line.error = thrown.name;
    const frames = stackFrames(thrown);
    if (frames) line.errorStack = frames;
  }
  return line;
}

const MAX_FRAMES = 8;

/**
 * The stack frames of `error` without its message. V8's stack starts with
 * `${name}: ${message}` (which may span lines and quote input); the frames
 * are kept only when that header is exactly where expected, so no part of
 * a message can pass for a frame.
 */
function stackFrames(error: Error): string[] | undefined {
  const stack = error.stack;
  const header = String(error);
  if (!stack?.startsWith(`${header}\n`)) return undefined;
  const frames = stack
    .slice(header.length + 1)
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.startsWith("at "))
    .slice(0, MAX_FRAMES);
  return frames.length > 0 ? frames : undefined;
}
