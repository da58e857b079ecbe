import type { EmulatorContext } from "./context.js";
import { clerkErrors } from "./errors.js";
import { newId } from "./ids.js";
import { findMembership } from "./memberships.js";
import { assertOrganizationsEnabled } from "./organization-settings.js";
import { findOrganization } from "./organizations.js";
import type { ClerkState, InstanceState } from "./state.js";
import type { TokenOverrides } from "./tokens.js";
import type { ClerkUserJson, InstanceName, OrganizationRecord, SessionRecord } from "./types.js";
import { getUser, touchSignIn } from "./users.js";

export interface SessionOptions {
  /** Origin of the page that signs in; becomes the tokens' `azp`. */
  azp: string | null;
  /**
   * The organization to make active (id or slug); the user must be a member
   * (404 `organization_not_found_or_unauthorized` otherwise). `null` starts
   * without one. Omitted, the session starts in the user's last active
   * organization, as a new Clerk session does.
   */
  organization?: string | null;
}

/** Signs `userId` in: a new active session, and the sign-in recorded on the user. */
export function startSession(inst: InstanceState, userId: string, options: SessionOptions, now = Date.now()): SessionRecord {
  const user = getUser(inst, userId);
  const organizationId =
    options.organization === undefined ? defaultOrganizationId(inst, user.id) : options.organization === null ? null : activatableOrganization(inst, user.id, options.organization).id;
  const session: SessionRecord = {
    id: newId("sess"),
    user_id: user.id,
    status: "active",
    azp: options.azp,
    last_active_organization_id: organizationId,
    created_at: now,
    updated_at: now,
  };
  inst.sessions.set(session.id, session);
  if (organizationId) inst.lastActiveOrganizations.set(user.id, organizationId);
  touchSignIn(user, now);
  return session;
}

/** The organization (by id or slug) if `userId` is a member of it; what may be made active. */
export function memberOrganization(inst: InstanceState, userId: string, idOrSlug: string): OrganizationRecord | undefined {
  const org = findOrganization(inst, idOrSlug);
  return org && findMembership(inst, org.id, userId) ? org : undefined;
}

/**
 * Clerk's `setActive({ organization })` (the Frontend API's session touch with
 * `active_organization_id`): only an organization the user belongs to, else a
 * 404 that does not say whether it exists. `null` leaves the session without
 * one. The choice is also where the user's next session starts.
 */
export function setActiveOrganization(inst: InstanceState, session: SessionRecord, idOrSlug: string | null, now = Date.now()): void {
  const org = idOrSlug === null ? null : activatableOrganization(inst, session.user_id, idOrSlug);
  session.last_active_organization_id = org?.id ?? null;
  session.updated_at = now;
  if (org) inst.lastActiveOrganizations.set(session.user_id, org.id);
  else inst.lastActiveOrganizations.delete(session.user_id);
}

function activatableOrganization(inst: InstanceState, userId: string, idOrSlug: string): OrganizationRecord {
  assertOrganizationsEnabled(inst);
  const org = memberOrganization(inst, userId, idOrSlug);
  if (!org) throw clerkErrors.organizationNotFoundOrUnauthorized();
  return org;
}

/** The user's last active organization, while they are still a member (none with Organizations off). */
function defaultOrganizationId(inst: InstanceState, userId: string): string | null {
  if (!inst.organizationSettings.enabled) return null;
  const organizationId = inst.lastActiveOrganizations.get(userId);
  return organizationId && findMembership(inst, organizationId, userId) ? organizationId : null;
}

export interface FoundSession {
  inst: InstanceState;
  session: SessionRecord;
}

/** Session ids are unique across instances, so the local endpoints take the id alone. */
export function findSession(state: ClerkState, sessionId: string): FoundSession {
  for (const inst of state.all()) {
    const session = inst.sessions.get(sessionId);
    if (session) return { inst, session };
  }
  throw clerkErrors.resourceNotFound(`No session was found with id ${sessionId}`);
}

/** The session and its user, if it may still get tokens; 404 once signed out or the user is gone. */
export function activeSession(state: ClerkState, sessionId: string): FoundSession & { user: ClerkUserJson } {
  const found = findSession(state, sessionId);
  const user = found.inst.users.get(found.session.user_id);
  if (found.session.status !== "active" || !user) {
    throw clerkErrors.resourceNotFound(`Session ${sessionId} has ended`);
  }
  return { ...found, user };
}

export function endSession(session: SessionRecord, now = Date.now()): void {
  session.status = "ended";
  session.updated_at = now;
}

/** What `GET /local/sessions/{id}` answers (fields named as in the spec's `Session`). */
export function sessionJson({ inst, session }: FoundSession) {
  return {
    id: session.id,
    object: "session",
    user_id: session.user_id,
    instance: inst.config.name,
    status: session.status,
    last_active_organization_id: session.last_active_organization_id,
  };
}

export interface MintInput extends Omit<TokenOverrides, "azp"> {
  instance: InstanceName;
  userId: string;
  azp?: string;
  /** As {@link SessionOptions.organization}: an organization of the user's (id or slug), `null` for none, omitted for their last active one. */
  organizationId?: string | null;
}

/**
 * Signs an existing user in without the form and returns the first token:
 * the seeding path behind `mintSessionToken` and `POST /local/tokens`. The
 * session is real, so the token can be refreshed and ended like any other.
 */
export function mintForUser(ctx: EmulatorContext, input: MintInput): { jwt: string; sessionId: string } {
  const inst = ctx.state.instance(input.instance);
  const user = getUser(inst, input.userId);
  const session = startSession(inst, user.id, { azp: input.azp ?? null, ...(input.organizationId === undefined ? {} : { organization: input.organizationId }) });
  ctx.state.save();
  const jwt = ctx.tokens.mint(inst, session, user, { expiresInSeconds: input.expiresInSeconds, extraClaims: input.extraClaims });
  return { jwt, sessionId: session.id };
}
