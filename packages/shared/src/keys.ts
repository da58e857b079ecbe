/**
 * Secret-key hashing. D1 stores only SHA-256(secret) and a short display
 * prefix; lookups go by the hash through a UNIQUE index, so no secret is ever
 * compared in user code and a database leak reveals no usable key.
 */
import { newPublishableKey, newSecretKey, type KeyMode } from "./ids";

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const utf8 = new TextEncoder();

/** On every authenticated request (the key lookup hashes the presented secret). */
export async function sha256Hex(input: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", utf8.encode(input)));
  let hex = "";
  for (let index = 0; index < digest.length; index++) hex += HEX_BYTES[digest[index]!];
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
