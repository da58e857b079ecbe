import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from "node:crypto";
import { promisify } from "node:util";

const generateKeyPairAsync = promisify(generateKeyPair);

/** The public half as the spec's `JWKS.rsa.PublicKey`. */
export interface RsaPublicJwk {
  kid: string;
  kty: "RSA";
  alg: "RS256";
  use: "sig";
  n: string;
  e: string;
}

/** One instance's session-token signing key. */
export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  /** SPKI PEM: what `verifyToken(token, { jwtKey })` takes. */
  publicKeyPem: string;
  jwk: RsaPublicJwk;
}

/**
 * A fresh RSA-2048 key with e = 65537. `@clerk/backend` rebuilds the JWK from
 * a PEM by stripping the fixed SPKI prefix of exactly this key shape, so no
 * other size or exponent would verify with `jwtKey`.
 */
export async function generateSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPairAsync("rsa", { modulusLength: 2048, publicExponent: 0x10001 });
  return signingKeyFrom(privateKey);
}

/** Rebuilds a key saved with {@link exportPrivateKeyPem}. */
export function signingKeyFromPem(pkcs8Pem: string): SigningKey {
  return signingKeyFrom(createPrivateKey(pkcs8Pem));
}

export function exportPrivateKeyPem(key: SigningKey): string {
  return key.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

function signingKeyFrom(privateKey: KeyObject): SigningKey {
  const publicKey = createPublicKey(privateKey);
  const { n, e } = publicKey.export({ format: "jwk" });
  if (typeof n !== "string" || typeof e !== "string") throw new Error("signing key is not an RSA key");
  const kid = jwkThumbprint(n, e);
  return {
    kid,
    privateKey,
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    jwk: { kid, kty: "RSA", alg: "RS256", use: "sig", n, e },
  };
}

/** RFC 7638 thumbprint, so the kid is derived from the key and stable across restarts. */
function jwkThumbprint(n: string, e: string): string {
  const canonical = JSON.stringify({ e, kty: "RSA", n });
  return `ins_${createHash("sha256").update(canonical).digest("base64url")}`;
}
