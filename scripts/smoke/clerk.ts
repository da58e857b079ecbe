/**
 * The smoke's Clerk calls: a new developer in the "dream-api" application
 * with a session whose tokens the workers accept, and removing the users it
 * made.
 *
 * Real Clerk: Backend API `POST /v1/users`, `POST /v1/sessions` (development
 * instances only) and `POST /v1/sessions/{id}/tokens`, whose tokens live 60
 * seconds — so every call asks for a fresh one. The local stand-in has no
 * `POST /v1/sessions`; it signs a user in through `POST /local/tokens` and
 * `POST /local/sessions/{id}/tokens` (emulators/src/clerk/README.md), which
 * answer the same token shape.
 *
 * The workers accept a developer's token only when its `azp` is the
 * dashboard's origin (CLERK_AUTHORIZED_PARTIES). Clerk sets `azp` from the
 * Origin of the request that mints the token, and a Backend API call has
 * none unless sent (clerk/clerk-sdk-csharp#19, clerk/clerk-sdk-python#90):
 * the token request carries the dashboard's Origin, and a token that still
 * comes back without the dashboard's `azp` stops the smoke with that
 * sentence. Against the stand-in, `azp` is a parameter of `/local/tokens`.
 */
import { reach } from "./http";
import type { SmokeTarget } from "./target";

export interface DeveloperSession {
  userId: string;
  email: string;
  /** A fresh session token (a JWT of the "dream-api" application). */
  token: () => Promise<string>;
}

async function clerkCall<T>(target: SmokeTarget, secretKey: string, method: string, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const response = await reach(`${target.clerkApiUrl}${path}`, {
    method,
    headers: { Authorization: `Bearer ${secretKey}`, "Content-Type": "application/json", ...extraHeaders },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Clerk ${method} ${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return (text ? JSON.parse(text) : null) as T;
}

/** A new user of the developers' application, signed in. */
export async function signUpDeveloper(target: SmokeTarget, email: string): Promise<DeveloperSession> {
  const key = target.clerkDeveloperSecretKey;
  // skip_password_requirement: an instance that asks for passwords still takes a user made by its backend.
  const user = await clerkCall<{ id: string }>(target, key, "POST", "/v1/users", { email_address: [email], skip_password_requirement: true });
  if (target.clerkStandIn) {
    const signedIn = await clerkCall<{ session_id: string }>(target, key, "POST", "/local/tokens", { instance: "dream-api", userId: user.id, azp: target.dashboardUrl });
    return { userId: user.id, email, token: async () => (await clerkCall<{ jwt: string }>(target, key, "POST", `/local/sessions/${signedIn.session_id}/tokens`)).jwt };
  }
  const session = await clerkCall<{ id: string }>(target, key, "POST", "/v1/sessions", { user_id: user.id });
  const token = async () => {
    const { jwt } = await clerkCall<{ jwt: string }>(target, key, "POST", `/v1/sessions/${session.id}/tokens`, {}, { Origin: target.dashboardUrl });
    const azp = authorizedParty(jwt);
    if (azp !== target.dashboardUrl) {
      throw new Error(
        `Clerk minted the session token with azp ${JSON.stringify(azp ?? null)}, not the dashboard's ${target.dashboardUrl}; the workers accept only tokens whose azp is in CLERK_AUTHORIZED_PARTIES.`,
      );
    }
    return jwt;
  };
  return { userId: user.id, email, token };
}

/** The `azp` claim of a JWT, read without verifying it (the workers verify; this only explains a refusal before it happens). */
function authorizedParty(jwt: string): string | undefined {
  const payload = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as { azp?: string };
  return payload.azp;
}

/** The id of the user with this email in the end-users' application, if any. */
export async function findEndUser(target: SmokeTarget, email: string): Promise<string | null> {
  const users = await clerkCall<{ id: string }[]>(target, target.clerkEndUserSecretKey, "GET", `/v1/users?email_address=${encodeURIComponent(email)}`);
  return users[0]?.id ?? null;
}

export async function deleteUser(target: SmokeTarget, secretKey: string, userId: string): Promise<void> {
  await clerkCall(target, secretKey, "DELETE", `/v1/users/${userId}`);
}
