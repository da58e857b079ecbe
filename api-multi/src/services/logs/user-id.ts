/**
 * How the request log keeps an end-user's id. A developer's userId may be
 * an email (endUserIdSchema allows `@`), and the log keeps no email: such
 * an id is kept as a hash of it, which a filter by the same id finds again.
 */
import { sha256Hex } from "@dream-api/shared";

/** Marks a stored userId that is a hash of an email-shaped one. */
export const HASHED_USER_ID_PREFIX = "hashed:";

/** The userId as the request log stores it: as given, or `hashed:<24 hex>` for one shaped like an email. */
export async function storedUserId(userId: string): Promise<string> {
  if (!userId.includes("@")) return userId;
  return `${HASHED_USER_ID_PREFIX}${(await sha256Hex(`request-log:${userId.toLowerCase()}`)).slice(0, 24)}`;
}
