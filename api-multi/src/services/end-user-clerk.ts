/**
 * The shared Clerk application "end-user-api": every developer's end-users
 * live there, told apart by `publicMetadata.publishableKey`.
 */
import { ApiError, clerkClient, clerkErrorInfo, type SessionClaims, verifySessionToken } from "@dream-api/shared";
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

/** A session token of the end-user app, verified (null: invalid or expired; a Clerk outage throws 502). */
export function verifyEndUserToken(env: Env, token: string): Promise<SessionClaims | null> {
  const { CLERK_SECRET_KEY, CLERK_API_URL, CLERK_JWT_KEY } = config(env);
  return verifySessionToken(token, { secretKey: CLERK_SECRET_KEY, apiUrl: CLERK_API_URL, jwtKey: CLERK_JWT_KEY });
}
