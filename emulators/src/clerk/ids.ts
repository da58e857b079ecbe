import { randomBytes } from "node:crypto";

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/**
 * Random base62 string. Bytes >= 248 are dropped so every character is
 * equally likely (248 = 4 * 62).
 */
export function randomBase62(length: number): string {
  let out = "";
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += BASE62[byte % 62];
    }
  }
  return out;
}

/** Clerk-style id: a type prefix plus 27 base62 characters, e.g. `user_2abc…`. */
export function newId(prefix: "user" | "idn" | "sess" | "org" | "orgmem" | "jtmp"): string {
  return `${prefix}_${randomBase62(27)}`;
}

/** Opaque id echoed in error bodies and the `x-clerk-trace-id` header. */
export function newTraceId(): string {
  return randomBytes(16).toString("hex");
}
