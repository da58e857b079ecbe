import { ApiError } from "@dream-api/shared";
import type { RequestLogCursor } from "@dream-api/shared/db";

/** Opaque cursors: base64url of the last line's sort key (time, request id). */
export function encodeLogCursor(cursor: RequestLogCursor): string {
  return btoa(JSON.stringify([cursor.time, cursor.requestId]))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function decodeLogCursor(cursor: string): RequestLogCursor {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") {
      return { time: parsed[0], requestId: parsed[1] };
    }
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError("invalid_request", "cursor is not a cursor this API returned.", { param: "cursor" });
}
