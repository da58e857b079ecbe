/**
 * The shared Clerk application "end-user-api": every developer's end-users
 * live there, told apart by `publicMetadata.publishableKey`.
 */
import { ApiError, clerkClient, clerkErrorInfo } from "@dream-api/shared";
import type { ClerkClient } from "@clerk/backend";
import { config } from "../config";

export function endUserClerk(env: Env): ClerkClient {
  const { CLERK_SECRET_KEY, CLERK_API_URL } = config(env);
  return clerkClient({ secretKey: CLERK_SECRET_KEY, apiUrl: CLERK_API_URL });
}

/** Maps a failed Clerk call to 502 `clerk_error` (logged without payloads). */
export function clerkFailure(action: string, error: unknown): ApiError {
  const { status, codes } = clerkErrorInfo(error);
  return new ApiError("clerk_error", `Clerk could not ${action} (status ${status ?? "unreachable"}). Nothing was changed; retry the request.`, {
    cause: `clerk ${action}: ${status ?? "network"} ${codes.join(",")}`,
  });
}
