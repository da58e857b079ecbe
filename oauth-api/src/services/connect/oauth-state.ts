/**
 * Connect OAuth `state`: base64url(JSON payload) + "." + base64url(HMAC-SHA256).
 * The payload binds the developer and platform, a random nonce and an
 * expiry (10 minutes). The signature makes it unforgeable (verified with
 * WebCrypto, in constant time); the nonce row in D1 makes it single-use.
 */
import { ApiError, randomBase62 } from "@dream-api/shared";

export const STATE_LIFETIME_SECONDS = 600;

export interface StatePayload {
  nonce: string;
  developerId: string;
  platformId: string;
  /** Unix seconds. */
  expiresAt: number;
}

const encoder = new TextEncoder();

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", encoder.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

export function newStatePayload(input: { developerId: string; platformId: string; now: Date }): StatePayload {
  return {
    nonce: randomBase62(24),
    developerId: input.developerId,
    platformId: input.platformId,
    expiresAt: Math.floor(input.now.getTime() / 1000) + STATE_LIFETIME_SECONDS,
  };
}

export async function signState(payload: StatePayload, secret: string): Promise<string> {
  const body = base64url(encoder.encode(JSON.stringify(payload)));
  const signature = new Uint8Array(await crypto.subtle.sign("HMAC", await hmacKey(secret), encoder.encode(body)));
  return `${body}.${base64url(signature)}`;
}

function invalidState(message: string): ApiError {
  return new ApiError("invalid_state", message, { param: "state" });
}

/** The payload of a state we signed and that has not expired; 400 `invalid_state` otherwise. */
export async function verifyState(state: string | undefined, secret: string, now: Date): Promise<StatePayload> {
  const [body, signature, ...rest] = (state ?? "").split(".");
  if (!body || !signature || rest.length > 0 || state!.length > 1024) throw invalidState("The state parameter is missing or malformed.");
  let valid = false;
  try {
    valid = await crypto.subtle.verify("HMAC", await hmacKey(secret), fromBase64url(signature), encoder.encode(body));
  } catch {
    valid = false;
  }
  if (!valid) throw invalidState("The state parameter was not issued by dream-api.");
  const payload = JSON.parse(new TextDecoder().decode(fromBase64url(body))) as StatePayload;
  if (payload.expiresAt <= Math.floor(now.getTime() / 1000)) throw invalidState("The connect link has expired. Start again from the dashboard.");
  return payload;
}
