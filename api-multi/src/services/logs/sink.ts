/**
 * api-multi's request log, written off the hot path: after each response,
 * the line of a request that authenticated a platform is buffered in the
 * isolate and sent to REQUEST_LOG_QUEUE in batches (queuedRequestLog); the
 * queue's consumer (queues/request-logs.ts) writes each batch to D1 at once.
 * The queue rather than Analytics Engine: the developer reads single
 * requests back by id and filters by userId and route, exactly, for 7
 * days — a table's job, not a sampled metrics store's.
 */
import type { RequestLogRecord } from "@dream-api/shared/db";
import { loggedUserId, queuedRequestLog, type RequestLogLine } from "@dream-api/shared/hono";
import { config } from "../../config";
import type { AppContext, AppEnv, AuthContext } from "../../context";
import { endUserIdSchema } from "../../schemas";
import { storedUserId } from "./user-id";

/** A request-log queue message: the row it becomes (the userId still as the request named it, hashed just before sending). */
export type RequestLogMessage = RequestLogRecord;

/** The request log's sink, with its own per-isolate buffer (one per app). */
export function requestLogSink() {
  return queuedRequestLog<AppEnv, RequestLogMessage>({
    worker: "api-multi",
    message: requestLogMessage,
    queue: (c) => c.env.REQUEST_LOG_QUEUE as Queue<RequestLogMessage>,
    flushAfterMs: (c) => config(c.env).REQUEST_LOG_FLUSH_MS,
    beforeSend: (messages) => Promise.all(messages.map(async (message) => (message.userId ? { ...message, userId: await storedUserId(message.userId) } : message))),
  });
}

/** The line of a request that authenticated a platform; nothing for public routes, webhooks and refused calls (no platform). */
function requestLogMessage(c: AppContext, line: RequestLogLine): RequestLogMessage | undefined {
  const auth = c.get("auth") as AuthContext | undefined;
  if (!auth) return undefined;
  const now = c.get("now") as Date | undefined;
  return {
    requestId: line.requestId,
    platformId: auth.platformId,
    mode: auth.mode,
    time: (now ?? new Date()).toISOString(),
    method: line.method,
    route: line.route,
    status: line.status,
    errorCode: line.errorCode ?? null,
    userId: endUserOf(c, auth),
    latencyMs: line.latencyMs,
    caller: auth.caller,
  };
}

/**
 * The end-user the request acted for: the one its route noted (the
 * per-end-user limit notes it: track, check, checkout, portal; customer
 * creation), an end-user session's own, else a valid `:userId` path
 * parameter or `X-User-Id` header (customers get/update/delete). Only ids
 * that pass the userId rules, so nothing else the caller sent is kept.
 */
function endUserOf(c: AppContext, auth: AuthContext): string | null {
  const named = loggedUserId(c) ?? auth.endUserId ?? c.req.param("userId") ?? c.req.header("X-User-Id");
  return named !== undefined && endUserIdSchema.safeParse(named).success ? named : null;
}
