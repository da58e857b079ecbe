/**
 * Clerk Backend API clients. The apiUrl comes from config so the same code
 * talks to the local stand-in (dev, tests) or to https://api.clerk.com.
 * One client per (secretKey, apiUrl) per isolate.
 */
import { createClerkClient, verifyToken, type ClerkClient } from "@clerk/backend";
import { TokenVerificationErrorReason } from "@clerk/backend/errors";
import { ApiError } from "./errors";

const clients = new Map<string, ClerkClient>();

export interface ClerkConfig {
  secretKey: string;
  apiUrl?: string | undefined;
}

export function clerkClient(config: ClerkConfig): ClerkClient {
  const cacheKey = `${config.apiUrl ?? ""}\u0000${config.secretKey}`;
  let client = clients.get(cacheKey);
  if (!client) {
    client = createClerkClient({
      secretKey: config.secretKey,
      ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/** Clerk errors carry a status and Clerk error codes; this reads them safely. */
export function clerkErrorInfo(error: unknown): { status: number | undefined; codes: string[] } {
  if (typeof error !== "object" || error === null) return { status: undefined, codes: [] };
  const status = typeof (error as { status?: unknown }).status === "number" ? (error as { status: number }).status : undefined;
  const errors = (error as { errors?: unknown }).errors;
  const codes = Array.isArray(errors) ? errors.map((entry) => (typeof entry === "object" && entry && "code" in entry ? String(entry.code) : "")).filter(Boolean) : [];
  return { status, codes };
}

/** How long verifying a session JWT may wait for Clerk's JWKS before it counts as a Clerk outage (default). */
export const DEFAULT_CLERK_VERIFY_TIMEOUT_MS = 10_000;

export interface SessionVerification {
  secretKey: string;
  apiUrl?: string | undefined;
  /** The instance's PEM public key: verification is then networkless. */
  jwtKey?: string | undefined;
  authorizedParties?: string[] | undefined;
  /** Without jwtKey: how long to wait for Clerk's JWKS (default DEFAULT_CLERK_VERIFY_TIMEOUT_MS). */
  timeoutMs?: number | undefined;
}

export type SessionClaims = Awaited<ReturnType<typeof verifyToken>>;

/**
 * The organization a verified session token has active: Clerk's v2 claim
 * `o.id`, or v1's `org_id`; undefined when none is active.
 */
export function activeOrganizationOf(claims: Record<string, unknown>): string | undefined {
  const v2 = claims["o"];
  const id = typeof v2 === "object" && v2 !== null ? (v2 as { id?: unknown }).id : claims["org_id"];
  return typeof id === "string" && id.length > 0 ? id : undefined;
}

/**
 * Reasons @clerk/backend gives when it could not get usable keys from
 * Clerk's JWKS (an outage, an error answer, no keys): Clerk's failure, not
 * the token's. A key id that Clerk's JWKS does not hold (a token of another
 * instance) is `jwk-kid-mismatch`, an invalid token.
 */
const CLERK_UNAVAILABLE_REASONS: ReadonlySet<string> = new Set([TokenVerificationErrorReason.RemoteJWKFailedToLoad, TokenVerificationErrorReason.RemoteJWKInvalid]);

/** The `reason` of @clerk/backend's TokenVerificationError (read by shape: bundling may duplicate the class), else null. */
function tokenVerificationReason(error: unknown): string | null {
  const reason = error instanceof Error ? (error as { reason?: unknown }).reason : undefined;
  return typeof reason === "string" ? reason : null;
}

/**
 * Verifies a Clerk session JWT: networkless with `jwtKey`, else against the
 * instance's JWKS (fetched from Clerk's Backend API and cached per isolate).
 * Returns the claims, or null when the token is not a valid session of the
 * instance (bad signature, expired, wrong azp, malformed, unknown key id).
 * When Clerk itself fails — the JWKS cannot be fetched (5xx, network error)
 * or does not answer within `timeoutMs` — it throws 502 `clerk_error`, so a
 * Clerk outage does not tell a signed-in user to sign in again. An invalid
 * secret key is 500 `misconfigured`.
 */
export async function verifySessionToken(token: string, options: SessionVerification): Promise<SessionClaims | null> {
  const verification = verifyToken(token, {
    secretKey: options.secretKey,
    ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
    ...(options.jwtKey ? { jwtKey: options.jwtKey } : {}),
    ...(options.authorizedParties?.length ? { authorizedParties: options.authorizedParties } : {}),
  });
  if (options.jwtKey) {
    // Networkless: every failure is a verdict on the token.
    try {
      return await verification;
    } catch {
      return null;
    }
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_CLERK_VERIFY_TIMEOUT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ApiError("clerk_error", `Clerk did not answer within ${timeoutMs} ms while verifying the session token. Try again.`)), timeoutMs);
  });
  try {
    return await Promise.race([verification, deadline]);
  } catch (error) {
    if (error instanceof ApiError) throw error;
    const reason = tokenVerificationReason(error);
    if (reason === null) {
      // Not a verdict on the token: the JWKS fetch itself failed (network error, unreadable answer).
      throw new ApiError("clerk_error", "Clerk could not be reached to verify the session token. Try again.", { cause: error });
    }
    if (reason === TokenVerificationErrorReason.InvalidSecretKey) {
      throw new ApiError("misconfigured", "The Clerk secret key is not valid for this instance.", { cause: error });
    }
    if (CLERK_UNAVAILABLE_REASONS.has(reason)) {
      throw new ApiError("clerk_error", "Clerk's signing keys could not be loaded to verify the session token. Try again.", { cause: error });
    }
    return null;
  } finally {
    clearTimeout(timer);
  }
}
