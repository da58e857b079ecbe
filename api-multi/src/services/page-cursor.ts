/** Opaque page cursors: base64url of the last row's sort key (two strings). */
import { ApiError } from "@dream-api/shared";

export function encodePageCursor(key: readonly [string, string]): string {
  return btoa(JSON.stringify(key)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function decodePageCursor(cursor: string): [string, string] {
  try {
    const parsed: unknown = JSON.parse(atob(cursor.replace(/-/g, "+").replace(/_/g, "/")));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === "string" && typeof parsed[1] === "string") return [parsed[0], parsed[1]];
  } catch {
    // fall through to the 400 below
  }
  throw new ApiError("invalid_request", "cursor is not a cursor this API returned.", { param: "cursor" });
}
