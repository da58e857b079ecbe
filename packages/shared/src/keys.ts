/**
 * Secret-key hashing. D1 stores only SHA-256(secret) and a short display
 * prefix; lookups go by the hash through a UNIQUE index, so no secret is ever
 * compared in user code and a database leak reveals no usable key.
 */
import { newPublishableKey, newSecretKey, type KeyMode } from "./ids";

export async function sha256Hex(input: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(input));
  let hex = "";
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, "0");
  return hex;
}

export const hashSecretKey = sha256Hex;

/** What a dashboard may show of a secret: its mode prefix and 4 characters. */
export function secretKeyDisplayPrefix(secretKey: string): string {
  const mode = secretKey.startsWith("sk_live_") ? "sk_live_" : "sk_test_";
  return `${mode}${secretKey.slice(mode.length, mode.length + 4)}…`;
}

export interface IssuedKeyPair {
  mode: KeyMode;
  publishableKey: string;
  secretKey: string;
  secretHash: string;
  secretPrefix: string;
}

export async function issueKeyPair(mode: KeyMode): Promise<IssuedKeyPair> {
  const secretKey = newSecretKey(mode);
  return {
    mode,
    publishableKey: newPublishableKey(mode),
    secretKey,
    secretHash: await hashSecretKey(secretKey),
    secretPrefix: secretKeyDisplayPrefix(secretKey),
  };
}
