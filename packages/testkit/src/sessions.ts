/**
 * Session JWTs that must not pass, for the workers that take developers'
 * dashboard sessions: expired, issued for another origin (azp), with a
 * rewritten payload under the original signature, unsigned (alg none), and
 * a session of the other Clerk app (end-users'). Tests name them by
 * placeholder ({{EXPIRED_JWT}}…) so a counterexample reads the same on any
 * run.
 */
import { clerkJson, mintToken } from "./clerk.js";

export function base64url(text: string): string {
  return btoa(text).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_");
}

export function fromBase64url(text: string): string {
  return atob(text.replace(/-/g, "+").replace(/_/g, "/"));
}

/** The payload of a JWT (`header.payload.signature`) or of a signed state (`payload.signature`), unverified: the part before the signature. */
export function decodedPayload(token: string): Record<string, unknown> {
  const parts = token.split(".");
  return JSON.parse(fromBase64url(parts[parts.length - 2] ?? "")) as Record<string, unknown>;
}

/** `token` (a JWT or a signed state) with `claims` merged into its payload and its original signature kept: a forgery no verifier may accept. */
export function withClaims(token: string, claims: Record<string, unknown>): string {
  const parts = token.split(".");
  parts[parts.length - 2] = base64url(JSON.stringify({ ...decodedPayload(token), ...claims }));
  return parts.join(".");
}

/** `token`'s payload under `alg: none`, with no signature. */
export function unsignedToken(token: string): string {
  return `${base64url('{"alg":"none","typ":"JWT"}')}.${token.split(".")[1]}.`;
}

/** A session of a new user of the end-user Clerk app (with `publicMetadata`, e.g. the publishable key it belongs to). */
export async function endUserAppToken(publicMetadata?: Record<string, unknown>): Promise<string> {
  const user = await clerkJson<{ id: string }>("/v1/users", {
    method: "POST",
    app: "end-user-api",
    body: JSON.stringify({ email_address: [`end.${crypto.randomUUID().slice(0, 8)}@example.com`], ...(publicMetadata ? { public_metadata: publicMetadata } : {}) }),
  });
  return mintToken(user.id, { instance: "end-user-api", expiresInSeconds: 3600 });
}

/**
 * A developer's valid session (DEV_JWT, an hour long) and the near misses
 * around it (NEAR_MISS_SESSIONS in arbitraries.ts): EXPIRED_JWT,
 * FOREIGN_AZP_JWT (azp https://evil.example), TAMPERED_JWT (sub
 * rewritten), UNSIGNED_JWT, END_USER_APP_JWT.
 */
export async function sessionNearMisses(developerId: string): Promise<Record<string, string>> {
  const token = await mintToken(developerId, { expiresInSeconds: 3600 });
  return {
    DEV_JWT: token,
    EXPIRED_JWT: await mintToken(developerId, { expiresInSeconds: -120 }),
    FOREIGN_AZP_JWT: await mintToken(developerId, { azp: "https://evil.example", expiresInSeconds: 3600 }),
    TAMPERED_JWT: withClaims(token, { sub: "user_someone_else" }),
    UNSIGNED_JWT: unsignedToken(token),
    END_USER_APP_JWT: await endUserAppToken(),
  };
}
