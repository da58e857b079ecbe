import { signRs256Jwt } from "./jwt.js";
import type { InstanceState } from "./state.js";
import type { ClerkUserJson, InstanceName, SessionRecord } from "./types.js";

export interface TokenOverrides {
  azp?: string;
  expiresInSeconds?: number;
  /** Applied last, so a test can override any claim, standard ones included. */
  extraClaims?: Record<string, unknown>;
}

/**
 * The claims each instance's session-token template adds, computed from the
 * user's public metadata at mint time (as Clerk does), so a plan change shows
 * up in the next token.
 */
export function templateClaims(instance: InstanceName, user: ClerkUserJson): Record<string, unknown> {
  const meta = user.public_metadata;
  const plan = meta.plan ?? "free";
  if (instance === "dream-api") return { plan };
  return meta.publishableKey === undefined ? { plan } : { publishableKey: meta.publishableKey, plan };
}

/** Mints RS256 session JWTs shaped like Clerk's v2 session tokens. */
export class SessionTokenMinter {
  constructor(
    private readonly publicUrl: string,
    private readonly lifetimeSeconds: number,
  ) {}

  /** The `iss` claim: one stable issuer per instance. */
  issuer(instance: InstanceName): string {
    return `${this.publicUrl}/${instance}`;
  }

  mint(inst: InstanceState, session: SessionRecord, user: ClerkUserJson, overrides: TokenOverrides = {}): string {
    const iat = Math.floor(Date.now() / 1000);
    const azp = overrides.azp ?? session.azp;
    const payload: Record<string, unknown> = {
      iss: this.issuer(inst.config.name),
      sub: user.id,
      sid: session.id,
      iat,
      // Five seconds back, as Clerk does, to absorb clock skew between servers.
      nbf: iat - 5,
      exp: iat + (overrides.expiresInSeconds ?? this.lifetimeSeconds),
      ...(azp ? { azp } : {}),
      v: 2,
      ...templateClaims(inst.config.name, user),
      ...overrides.extraClaims,
    };
    return signRs256Jwt(payload, inst.key);
  }
}
