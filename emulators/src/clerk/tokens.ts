import { signRs256Jwt } from "./jwt.js";
import { activeMembership } from "./memberships.js";
import type { InstanceState } from "./state.js";
import type { ClerkUserJson, InstanceName, MembershipRecord, OrganizationRecord, SessionRecord } from "./types.js";

export interface TokenOverrides {
  azp?: string;
  expiresInSeconds?: number;
  /** Applied last, so a test can override any claim, standard ones included. */
  extraClaims?: Record<string, unknown>;
}

/**
 * The claims each instance's session-token customization adds, computed at
 * mint time (as Clerk does), so a plan change shows up in the next token.
 * dream-api's (developers) reads `{ "plan": "{{user.public_metadata.plan || 'free'}}" }`.
 * end-user-api has none: the session's tenant is its active organization
 * (`o`, a default claim), and a person's plan at a developer lives on that
 * membership, not on the person (docs/end-users.md).
 */
export function templateClaims(instance: InstanceName, user: ClerkUserJson): Record<string, unknown> {
  return instance === "dream-api" ? { plan: user.public_metadata.plan ?? "free" } : {};
}

/**
 * Clerk's session-token v2 organization claim, present only while an
 * organization is active: `id`, `slg` (slug) and `rol` (the role key without
 * its `org:` prefix; `@clerk/backend` reads `o.rol` back as `org:<rol>`).
 * `per` and `fpm` (with `fea`) encode custom permissions, which the stand-in
 * has none of; system permissions are never in the token.
 */
export function organizationClaim(org: OrganizationRecord, membership: MembershipRecord): { id: string; slg: string; rol: string } {
  return { id: org.id, slg: org.slug, rol: membership.role.replace(/^org:/, "") };
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
    const active = activeMembership(inst, session);
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
      ...(active ? { o: organizationClaim(active.org, active.membership) } : {}),
      ...templateClaims(inst.config.name, user),
      ...overrides.extraClaims,
    };
    return signRs256Jwt(payload, inst.key);
  }
}
