/**
 * Verifying the webhooks dream-api sends to your endpoints (Standard
 * Webhooks: https://www.standardwebhooks.com). Every delivery carries
 * `webhook-id`, `webhook-timestamp` and `webhook-signature` headers; the
 * signature is `v1,<base64 HMAC-SHA256>` of `"{id}.{timestamp}.{raw body}"`
 * keyed with the base64-decoded part of the endpoint's `whsec_…` secret.
 *
 * WebCrypto only, so it runs unchanged in Node 18+, Workers, Deno and Bun.
 */
import { DreamApiConfigurationError } from "./errors.js";
import type { WebhookEvent } from "./types.js";

/** Why a delivery was refused. */
export type WebhookVerificationReason =
  /** `webhook-id`, `webhook-timestamp` or `webhook-signature` is absent or empty. */
  | "missing_headers"
  /** `webhook-timestamp` is not a whole number of seconds. */
  | "invalid_timestamp"
  /** The secret is not `whsec_` followed by base64. */
  | "invalid_secret"
  /** Signed more than the tolerance ago: a replay, or a clock far behind. */
  | "timestamp_too_old"
  /** Signed more than the tolerance in the future: a clock far ahead. */
  | "timestamp_too_new"
  /** No `v1` signature in the header matches the body with this secret. */
  | "invalid_signature"
  /** The signature matched but the body is not an event (not JSON, or no `type`). */
  | "invalid_payload";

/** Thrown by {@link verifyWebhook} for any delivery that must not be trusted. Answer it with a 400. */
export class WebhookVerificationError extends Error {
  readonly reason: WebhookVerificationReason;

  constructor(reason: WebhookVerificationReason, message: string) {
    super(message);
    this.name = "WebhookVerificationError";
    this.reason = reason;
  }
}

/** A `Headers` object, or a plain record such as Node's `req.headers` (any letter case). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, either way, in seconds. Default 300 (5 minutes). */
  toleranceSeconds?: number;
  /** The current time (a `Date`, or milliseconds since the epoch); default `Date.now()`. For tests. */
  now?: Date | number;
  /** WebCrypto's `subtle`; default `globalThis.crypto.subtle` (Node 18 without `--experimental-global-webcrypto`: pass `(await import("node:crypto")).webcrypto.subtle`). */
  subtle?: SubtleCrypto;
}

export interface SignWebhookInput {
  /** The event id (`evt_…`), sent as `webhook-id`. */
  id: string;
  /** The exact body that will be sent. */
  body: string;
  /** The endpoint's secret, `whsec_…`. */
  secret: string;
  /** When it is signed (a `Date`, or milliseconds since the epoch); default now. */
  timestamp?: Date | number;
  /** As in {@link VerifyWebhookOptions.subtle}. */
  subtle?: SubtleCrypto;
}

/** The three Standard Webhooks headers of one delivery (a type, not an interface, so it is a `Record<string, string>` and fits `fetch`'s `headers`). */
export type WebhookSignatureHeaders = {
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

const SECRET_PREFIX = "whsec_";
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const encoder = new TextEncoder();

/**
 * Checks a delivery's signature and timestamp, then parses its body.
 * Pass the body exactly as received (`await request.text()`), before any
 * JSON parsing: re-serialised JSON does not match the signature.
 *
 * @throws {WebhookVerificationError} when the delivery must not be trusted (answer 400).
 *
 * @example
 * const event = await verifyWebhook(await request.text(), request.headers, process.env.DREAM_WEBHOOK_SECRET);
 * if (event.type === "usage.threshold_reached") console.log(`${event.data.userId} reached ${event.data.threshold * 100} %`);
 */
export async function verifyWebhook(rawBody: string, headers: WebhookHeaders, secret: string, options: VerifyWebhookOptions = {}): Promise<WebhookEvent> {
  const id = header(headers, "webhook-id");
  const timestampHeader = header(headers, "webhook-timestamp");
  const signatureHeader = header(headers, "webhook-signature");
  if (!id || !timestampHeader || !signatureHeader) {
    throw new WebhookVerificationError("missing_headers", "The webhook-id, webhook-timestamp and webhook-signature headers are required.");
  }
  const subtle = subtleCrypto(options.subtle);
  const key = await hmacKey(subtle, secret);

  if (!/^\d+$/.test(timestampHeader)) throw new WebhookVerificationError("invalid_timestamp", "webhook-timestamp must be Unix seconds.");
  const timestamp = Number(timestampHeader);
  const now = Math.floor(millis(options.now ?? Date.now()) / 1000);
  const tolerance = options.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (now - timestamp > tolerance) throw new WebhookVerificationError("timestamp_too_old", `The delivery was signed more than ${tolerance} seconds ago.`);
  if (timestamp - now > tolerance) throw new WebhookVerificationError("timestamp_too_new", `The delivery is signed more than ${tolerance} seconds in the future.`);

  const expected = new Uint8Array(await subtle.sign("HMAC", key, encoder.encode(`${id}.${timestampHeader}.${rawBody}`)));
  // Every v1 signature is compared (no early exit), each in constant time.
  let matched = false;
  // Space-separated; a repeated header read through `Headers` arrives joined with ", ".
  for (const candidate of signatureHeader.split(/\s+/)) {
    const [version, signature] = candidate.replace(/,$/, "").split(",", 2);
    if (version !== "v1" || !signature) continue;
    const provided = decodeBase64(signature);
    if (provided && timingSafeEqual(provided, expected)) matched = true;
  }
  if (!matched) throw new WebhookVerificationError("invalid_signature", "No signature matches this body with this secret.");

  let event: unknown;
  try {
    event = JSON.parse(rawBody);
  } catch {
    throw new WebhookVerificationError("invalid_payload", "The signed body is not JSON.");
  }
  if (typeof event !== "object" || event === null || typeof (event as { type?: unknown }).type !== "string") {
    throw new WebhookVerificationError("invalid_payload", "The signed body is not an event (no `type`).");
  }
  return event as WebhookEvent;
}

/**
 * Signs a body as dream-api does, for testing your own endpoint: send the
 * returned headers with `body`.
 *
 * @example
 * const body = JSON.stringify(event);
 * await fetch("http://localhost:3000/webhooks/dream", { method: "POST", body, headers: await signWebhook({ id: event.id, body, secret }) });
 */
export async function signWebhook({ id, body, secret, timestamp = Date.now(), subtle: given }: SignWebhookInput): Promise<WebhookSignatureHeaders> {
  const seconds = String(Math.floor(millis(timestamp) / 1000));
  const subtle = subtleCrypto(given);
  const key = await hmacKey(subtle, secret);
  const signature = new Uint8Array(await subtle.sign("HMAC", key, encoder.encode(`${id}.${seconds}.${body}`)));
  return { "webhook-id": id, "webhook-timestamp": seconds, "webhook-signature": `v1,${encodeBase64(signature)}` };
}

/** `dream.webhooks`: {@link verifyWebhook} on a client, for code that already holds one. */
export class Webhooks {
  /** See {@link verifyWebhook}. */
  verify(rawBody: string, headers: WebhookHeaders, secret: string, options?: VerifyWebhookOptions): Promise<WebhookEvent> {
    return verifyWebhook(rawBody, headers, secret, options);
  }
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name)?.trim() || undefined;
  for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
    if (key.toLowerCase() !== name || value === undefined) continue;
    // A repeated header: its values, as one space-separated list (as `Headers` would join them, but without commas).
    return (Array.isArray(value) ? value.join(" ") : value).trim() || undefined;
  }
  return undefined;
}

function subtleCrypto(given: SubtleCrypto | undefined): SubtleCrypto {
  const subtle = given ?? (globalThis as { crypto?: Partial<Crypto> }).crypto?.subtle;
  if (!subtle)
    throw new DreamApiConfigurationError("No WebCrypto (globalThis.crypto.subtle): on Node 18 run with --experimental-global-webcrypto, or pass { subtle: webcrypto.subtle } from node:crypto.");
  return subtle;
}

async function hmacKey(subtle: SubtleCrypto, secret: string): Promise<CryptoKey> {
  const bytes = typeof secret === "string" && secret.startsWith(SECRET_PREFIX) ? decodeBase64(secret.slice(SECRET_PREFIX.length)) : undefined;
  if (!bytes || bytes.length === 0) {
    throw new WebhookVerificationError("invalid_secret", "The secret must be the endpoint's whsec_… value, as the dashboard showed it.");
  }
  return subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
}

function millis(time: Date | number): number {
  return typeof time === "number" ? time : time.getTime();
}

function decodeBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!BASE64.test(text)) return undefined;
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function encodeBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Compares two byte strings in time that depends only on their lengths. */
function timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index++) difference |= a[index]! ^ b[index]!;
  return difference === 0;
}
