/**
 * Standard Webhooks (standardwebhooks.com) signing for the events dream-api
 * sends: `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
 * keyed by the bytes a `whsec_<base64>` secret encodes — the scheme the
 * `standardwebhooks` libraries verify. And the at-rest box for those
 * secrets: every delivery signs with one, so they are kept encrypted
 * (AES-256-GCM), not hashed.
 */
import { randomBase62 } from "./ids";

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** A new signing secret: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return `whsec_${toBase64(crypto.getRandomValues(new Uint8Array(32)))}`;
}

/** What the dashboard shows of a secret after it was revealed once. */
export function webhookSecretPrefix(secret: string): string {
  return secret.slice(0, "whsec_".length + 4);
}

/** The `webhook-signature` header: one `v1,<signature>` per secret, space-separated (a rotated secret's predecessor signs too). */
export async function signWebhook(secrets: readonly string[], message: { id: string; timestamp: number; body: string }): Promise<string> {
  const signed = encoder.encode(`${message.id}.${message.timestamp}.${message.body}`);
  const signatures = await Promise.all(
    secrets.map(async (secret) => {
      const key = await crypto.subtle.importKey("raw", fromBase64(secret.slice("whsec_".length)), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
      return `v1,${toBase64(new Uint8Array(await crypto.subtle.sign("HMAC", key, signed)))}`;
    }),
  );
  return signatures.join(" ");
}

/** The delivery's message id for an event that must exist once: derived from what makes it unique. */
export async function deterministicEventId(parts: readonly string[]): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", encoder.encode(parts.join("\u0000"))));
  return `evt_${Array.from(digest.subarray(0, 12), (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

export function newEventId(): string {
  return `evt_${randomBase62(24)}`;
}

/** Spelled through `crypto.subtle` so the file type-checks under both Node's and the Workers' type libraries. */
type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

async function boxKey(base64Key: string): Promise<AesKey> {
  const raw = fromBase64(base64Key);
  if (raw.length !== 32) throw new Error("WEBHOOK_SECRET_ENCRYPTION_KEY must be 32 bytes, base64-encoded.");
  return crypto.subtle.importKey("raw", raw, { name: "AES-GCM" }, false, ["encrypt", "decrypt"]);
}

/** `v1.<base64 iv>.<base64 ciphertext+tag>`, AES-256-GCM under the worker's encryption key. */
export async function encryptSecret(base64Key: string, plaintext: string): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: "AES-GCM", iv }, await boxKey(base64Key), encoder.encode(plaintext)));
  return `v1.${toBase64(iv)}.${toBase64(sealed)}`;
}

export async function decryptSecret(base64Key: string, boxed: string): Promise<string> {
  const [version, iv, sealed] = boxed.split(".");
  if (version !== "v1" || !iv || !sealed) throw new Error("Not a sealed secret.");
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: fromBase64(iv) }, await boxKey(base64Key), fromBase64(sealed));
  return new TextDecoder().decode(plain);
}
