import { listRequestLogs } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { decodeLogCursor, encodeLogCursor } from "./cursor";
import { storedUserId } from "./user-id";
import { toRequestLogView, type RequestLogView } from "./view";

/** `200` (one code) or `2xx` / `4xx` / `5xx` (a class), as the `status` filter takes it. */
export type StatusFilter = { code: number } | { class: 1 | 2 | 3 | 4 | 5 };

export interface ListRequestLogsInput {
  limit: number;
  cursor?: string | undefined;
  status?: StatusFilter | undefined;
  userId?: string | undefined;
  route?: string | undefined;
}

/**
 * The tenant's request log in this mode, newest first, `limit` lines per
 * page. Lines arrive through a queue, so the newest requests show after a
 * few seconds; lines older than 7 days are gone.
 */
export async function listRequestLogLines({ ctx, input }: { ctx: ServiceContext; input: ListRequestLogsInput }): Promise<{ logs: RequestLogView[]; nextCursor: string | null }> {
  const status = input.status && ("code" in input.status ? { from: input.status.code, to: input.status.code } : { from: input.status.class * 100, to: input.status.class * 100 + 99 });
  const page = await listRequestLogs(ctx.env.DB, ctx, {
    limit: input.limit,
    after: input.cursor ? decodeLogCursor(input.cursor) : undefined,
    filter: { status, userId: input.userId === undefined ? undefined : await storedUserId(input.userId), route: input.route },
  });
  return { logs: page.logs.map(toRequestLogView), nextCursor: page.next ? encodeLogCursor(page.next) : null };
}
