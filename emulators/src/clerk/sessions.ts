import type { EmulatorContext } from "./context.js";
import { clerkErrors } from "./errors.js";
import { newId } from "./ids.js";
import type { ClerkState, InstanceState } from "./state.js";
import type { TokenOverrides } from "./tokens.js";
import type { ClerkUserJson, InstanceName, SessionRecord } from "./types.js";
import { getUser, touchSignIn } from "./users.js";

/** Signs `userId` in: a new active session, and the sign-in recorded on the user. */
export function startSession(inst: InstanceState, userId: string, azp: string | null, now = Date.now()): SessionRecord {
  const user = getUser(inst, userId);
  const session: SessionRecord = { id: newId("sess"), user_id: user.id, status: "active", azp, last_active_organization_id: null, created_at: now, updated_at: now };
  inst.sessions.set(session.id, session);
  touchSignIn(user, now);
  return session;
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

/** What `GET /local/sessions/{id}` answers. */
export function sessionJson({ inst, session }: FoundSession) {
  return { id: session.id, object: "session", user_id: session.user_id, instance: inst.config.name, status: session.status };
}

export interface MintInput extends Omit<TokenOverrides, "azp"> {
  instance: InstanceName;
  userId: string;
  azp?: string;
}

/**
 * Signs an existing user in without the form and returns the first token:
 * the seeding path behind `mintSessionToken` and `POST /local/tokens`. The
 * session is real, so the token can be refreshed and ended like any other.
 */
export function mintForUser(ctx: EmulatorContext, input: MintInput): { jwt: string; sessionId: string } {
  const inst = ctx.state.instance(input.instance);
  const user = getUser(inst, input.userId);
  const session = startSession(inst, user.id, input.azp ?? null);
  ctx.state.save();
  const jwt = ctx.tokens.mint(inst, session, user, { expiresInSeconds: input.expiresInSeconds, extraClaims: input.extraClaims });
  return { jwt, sessionId: session.id };
}
