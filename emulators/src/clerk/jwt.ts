import { sign } from "node:crypto";
import type { SigningKey } from "./keys.js";

/** Compact-serialised RS256 JWT with header `{ alg, typ: "JWT", kid }`. */
export function signRs256Jwt(payload: Record<string, unknown>, key: SigningKey): string {
  const header = { alg: "RS256", typ: "JWT", kid: key.kid };
  const signingInput = `${base64UrlJson(header)}.${base64UrlJson(payload)}`;
  const signature = sign("sha256", Buffer.from(signingInput), key.privateKey).toString("base64url");
  return `${signingInput}.${signature}`;
}

function base64UrlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
