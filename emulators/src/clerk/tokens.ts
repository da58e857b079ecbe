import { signRs256Jwt } from "./jwt.js";
import { activeMembership } from "./memberships.js";
import type { ClerkInstanceConfig, InstanceState } from "./state.js";
import type { ClerkUserJson, InstanceName, MembershipRecord, OrganizationRecord, SessionRecord } from "./types.js";

/** Clerk's session-token lifetime: clerk-js fetches a new token before it runs out. */
export const SESSION_TOKEN_LIFETIME_SECONDS = 60;
/** How far back Clerk dates `nbf`, so a server whose clock runs a little behind still accepts a fresh token. */
export const NOT_BEFORE_SKEW_SECONDS = 10;

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

/**
 * The instance's `iss`: Clerk's is its Frontend API, `https://<host>`, the
 * host a publishable key encodes (`pk_test_` + base64 of `<host>$`). An
 * instance configured without one gets a development-instance-shaped host
 * named after it, `https://<name>.clerk.accounts.dev`.
 */
export function instanceIssuer(config: Pick<ClerkInstanceConfig, "name" | "publishableKey">): string {
  const host = config.publishableKey ? frontendApiHost(config.publishableKey) : undefined;
  return `https://${host ?? `${config.name}.clerk.accounts.dev`}`;
}

function frontendApiHost(publishableKey: string): string | undefined {
  const encoded = /^pk_(?:test|live)_([A-Za-z0-9+/=_-]+)$/.exec(publishableKey)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, "base64").toString("utf8");
  const host = decoded.endsWith("$") ? decoded.slice(0, -1) : "";
  return /^[a-z0-9.-]+(?::\d+)?$/i.test(host) ? host : undefined;
}

/** Mints RS256 session JWTs shaped like Clerk's v2 session tokens. */
export class SessionTokenMinter {
  constructor(private readonly lifetimeSeconds: number = SESSION_TOKEN_LIFETIME_SECONDS) {}

  mint(inst: InstanceState, session: SessionRecord, user: ClerkUserJson, overrides: TokenOverrides = {}): string {
    const iat = Math.floor(Date.now() / 1000);
    const azp = overrides.azp ?? session.azp;
    const active = activeMembership(inst, session);
    const payload: Record<string, unknown> = {
      iss: instanceIssuer(inst.config),
      sub: user.id,
      sid: session.id,
      iat,
      nbf: iat - NOT_BEFORE_SKEW_SECONDS,
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
