import type { RequestOptions } from "../http.js";
import type { ListRequestLogsParams, RequestLogEntry, RequestLogPage, RequestLogResponse } from "../types.js";
import { send, type ResourceContext } from "./context.js";

/**
 * Your platform's requests of the last 7 days in the secret key's mode
 * (`/api/logs`): time, route, status, error code, userId, latency, caller.
 * Lines are written off the request's path, so a request shows a few
 * seconds after it was answered. Secret key only.
 */
export class Logs {
  constructor(private readonly ctx: ResourceContext) {}

  /**
   * One page of request lines, newest first; `status` is a code (`"429"`) or a
   * class (`"4xx"`), `route` a route pattern as the lines show it (`/api/customers/:userId`).
   *
   * @example
   * const { logs, nextCursor } = await dream.logs.list({ status: "4xx", route: "/api/usage/track" });
   */
  async list(params: ListRequestLogsParams = {}, options?: RequestOptions): Promise<RequestLogPage> {
    const query = { limit: params.limit, cursor: params.cursor, status: params.status, userId: params.userId, route: params.route, mode: params.mode };
    return send<RequestLogPage>(this.ctx, "secret", "logs.list", { method: "GET", path: "/api/logs", query }, options);
  }

  /**
   * Every request line matching the filters, newest first, fetching pages of `limit` (default 100) as you iterate.
   *
   * @example
   * for await (const line of dream.logs.listAll({ userId: "user_42" })) console.log(line.time, line.route, line.status);
   */
  async *listAll(params: ListRequestLogsParams = {}, options?: RequestOptions): AsyncGenerator<RequestLogEntry, void, undefined> {
    let cursor = params.cursor;
    for (;;) {
      const page = await this.list({ ...params, limit: params.limit ?? 100, cursor }, options);
      yield* page.logs;
      if (page.nextCursor === null) return;
      cursor = page.nextCursor;
    }
  }

  /**
   * One request by its `X-Request-Id` (an error's `requestId`). 404 `not_found` after 7 days, or for another mode's.
   *
   * @example
   * const { log } = await dream.logs.get(error.requestId);
   */
  async get(requestId: string, options?: RequestOptions): Promise<RequestLogResponse> {
    return send<RequestLogResponse>(this.ctx, "secret", "logs.get", { method: "GET", path: `/api/logs/${encodeURIComponent(requestId)}` }, options);
  }
}
