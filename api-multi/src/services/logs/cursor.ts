import type { RequestLogCursor } from "@dream-api/shared/db";
import { decodePageCursor, encodePageCursor } from "../page-cursor";

/** Opaque cursors of the request log: the last line's sort key (time, request id). */
export function encodeLogCursor(cursor: RequestLogCursor): string {
  return encodePageCursor([cursor.time, cursor.requestId]);
}

export function decodeLogCursor(cursor: string): RequestLogCursor {
  const [time, requestId] = decodePageCursor(cursor);
  return { time, requestId };
}
