import { clerkErrors } from "./errors.js";
import { newId } from "./ids.js";
import { type IncludeExclude, includeExclude, parsePage, passes, type SortValue, sortByOrder } from "./list-params.js";
import { mergeMetadata } from "./metadata.js";
import { membersCount, membershipJson, ROLES } from "./organization-json.js";
import type { ParamSpec, ParsedParams } from "./params.js";
import type { InstanceState } from "./state.js";
import type { ListJson, MembershipRecord, OrganizationMembershipJson, OrganizationRecord, SessionRecord } from "./types.js";
import { normalizeEmail, primaryEmail } from "./users.js";

/** Body of `POST /v1/organizations/{id}/memberships`. */
export const CREATE_MEMBERSHIP_PARAMS = {
  user_id: "string",
  role: "string",
  public_metadata: "object",
  private_metadata: "object",
} as const satisfies ParamSpec;

/** Body of `PATCH /v1/organizations/{id}/memberships/{user_id}`. */
export const UPDATE_MEMBERSHIP_PARAMS = { role: "string" } as const satisfies ParamSpec;

/** Body of `PATCH /v1/organizations/{id}/memberships/{user_id}/metadata`. */
export const MEMBERSHIP_METADATA_PARAMS = { public_metadata: "object", private_metadata: "object" } as const satisfies ParamSpec;

export type CreateMembershipParams = ParsedParams<typeof CREATE_MEMBERSHIP_PARAMS>;

/**
 * Adds a user to an organization. As Clerk documents, the organization then
 * becomes the one the user's next new session starts in.
 */
export function addMembership(inst: InstanceState, org: OrganizationRecord, params: CreateMembershipParams, now = Date.now()): MembershipRecord {
  if (!params.user_id) throw clerkErrors.paramMissing("user_id");
  if (!params.role) throw clerkErrors.paramMissing("role");
  assertRole(params.role);
  const userId = params.user_id;
  if (!inst.users.has(userId)) throw clerkErrors.resourceNotFound(`No user was found with id ${userId}`);
  if (findMembership(inst, org.id, userId)) throw clerkErrors.alreadyMember(userId);
  if (org.max_allowed_memberships > 0 && membersCount(inst, org.id) >= org.max_allowed_memberships) {
    throw clerkErrors.membershipQuotaExceeded(org.max_allowed_memberships);
  }
  const membership: MembershipRecord = {
    id: newId("orgmem"),
    organization_id: org.id,
    user_id: userId,
    role: params.role,
    public_metadata: params.public_metadata ?? {},
    private_metadata: params.private_metadata ?? {},
    created_at: now,
    updated_at: now,
  };
  inst.memberships.set(membership.id, membership);
  inst.lastActiveOrganizations.set(userId, org.id);
  return membership;
}

export function findMembership(inst: InstanceState, organizationId: string, userId: string): MembershipRecord | undefined {
  for (const membership of inst.memberships.values()) {
    if (membership.organization_id === organizationId && membership.user_id === userId) return membership;
  }
  return undefined;
}

export function getMembership(inst: InstanceState, org: OrganizationRecord, userId: string): MembershipRecord {
  const membership = findMembership(inst, org.id, userId);
  if (!membership) throw clerkErrors.membershipNotFound(userId);
  return membership;
}

/** `PATCH /v1/organizations/{id}/memberships/{user_id}`: the role is the only thing that changes. */
export function updateMembershipRole(inst: InstanceState, org: OrganizationRecord, userId: string, params: ParsedParams<typeof UPDATE_MEMBERSHIP_PARAMS>, now = Date.now()): MembershipRecord {
  const membership = getMembership(inst, org, userId);
  if (!params.role) throw clerkErrors.paramMissing("role");
  assertRole(params.role);
  membership.role = params.role;
  membership.updated_at = now;
  return membership;
}

/** `PATCH .../memberships/{user_id}/metadata`: deep merge, `null` removes a key. */
export function mergeMembershipMetadata(inst: InstanceState, org: OrganizationRecord, userId: string, params: ParsedParams<typeof MEMBERSHIP_METADATA_PARAMS>, now = Date.now()): MembershipRecord {
  const membership = getMembership(inst, org, userId);
  for (const field of ["public_metadata", "private_metadata"] as const) {
    const patch = params[field];
    if (patch) membership[field] = mergeMetadata(membership[field], patch);
  }
  membership.updated_at = now;
  return membership;
}

/**
 * Removes one membership; the user's other memberships stay. Sessions that had
 * this organization active lose it, so their next token carries no
 * organization claims.
 */
export function removeMembership(inst: InstanceState, org: OrganizationRecord, userId: string, now = Date.now()): MembershipRecord {
  const membership = getMembership(inst, org, userId);
  inst.memberships.delete(membership.id);
  forgetActiveOrganization(inst, org.id, userId, now);
  return membership;
}

/** Every membership of a deleted organization goes with it, and no session keeps it active. */
export function removeOrganizationMemberships(inst: InstanceState, organizationId: string, now = Date.now()): void {
  for (const [id, membership] of inst.memberships) {
    if (membership.organization_id === organizationId) inst.memberships.delete(id);
  }
  forgetActiveOrganization(inst, organizationId, undefined, now);
}

/**
 * The session's active organization and the membership that entitles it, if
 * both still exist and the instance's Organizations are on (with them off,
 * Clerk's tokens carry no organization).
 */
export function activeMembership(inst: InstanceState, session: SessionRecord): { org: OrganizationRecord; membership: MembershipRecord } | undefined {
  const organizationId = session.last_active_organization_id;
  if (!organizationId || !inst.organizationSettings.enabled) return undefined;
  const org = inst.organizations.get(organizationId);
  const membership = org && findMembership(inst, org.id, session.user_id);
  return org && membership ? { org, membership } : undefined;
}

/** `GET /v1/organizations/{id}/memberships`: filtered like the user list, newest first by default. */
export function listOrganizationMemberships(inst: InstanceState, org: OrganizationRecord, query: URLSearchParams): ListJson<OrganizationMembershipJson> {
  const filter = parseMemberFilter(query);
  const members = [...inst.memberships.values()].filter((m) => m.organization_id === org.id && matchesMember(inst, m, filter));
  return page(inst, members, query);
}

/** `GET /v1/users/{user_id}/organization_memberships`. */
export function listUserMemberships(inst: InstanceState, userId: string, query: URLSearchParams): ListJson<OrganizationMembershipJson> {
  if (!inst.users.has(userId)) throw clerkErrors.resourceNotFound(`No user was found with id ${userId}`);
  return page(
    inst,
    [...inst.memberships.values()].filter((m) => m.user_id === userId),
    query,
  );
}

/** `GET /v1/organization_memberships`: every membership of the instance. */
export function listInstanceMemberships(inst: InstanceState, query: URLSearchParams): ListJson<OrganizationMembershipJson> {
  return page(inst, [...inst.memberships.values()], query);
}

function assertRole(role: string): void {
  if (!ROLES[role]) throw clerkErrors.roleNotFound();
}

function forgetActiveOrganization(inst: InstanceState, organizationId: string, userId: string | undefined, now: number): void {
  for (const session of inst.sessions.values()) {
    if (session.last_active_organization_id === organizationId && (userId === undefined || session.user_id === userId)) {
      session.last_active_organization_id = null;
      session.updated_at = now;
    }
  }
  for (const [user, organization] of inst.lastActiveOrganizations) {
    if (organization === organizationId && (userId === undefined || user === userId)) inst.lastActiveOrganizations.delete(user);
  }
}

interface MemberFilter {
  userIds: IncludeExclude;
  emails: Set<string>;
  roles: Set<string>;
  query: string | undefined;
  emailQuery: string | undefined;
  nameQuery: string | undefined;
}

function parseMemberFilter(query: URLSearchParams): MemberFilter {
  return {
    userIds: includeExclude(query.getAll("user_id")),
    emails: new Set(query.getAll("email_address").map(normalizeEmail)),
    roles: new Set(query.getAll("role")),
    query: query.get("query")?.toLowerCase() || undefined,
    emailQuery: query.get("email_address_query")?.toLowerCase() || undefined,
    nameQuery: query.get("name_query")?.toLowerCase() || undefined,
  };
}

function matchesMember(inst: InstanceState, membership: MembershipRecord, f: MemberFilter): boolean {
  const user = inst.users.get(membership.user_id);
  if (!user) return false;
  const emails = user.email_addresses.map((e) => e.email_address);
  const names = [user.first_name, user.last_name].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  const { emailQuery, nameQuery, query } = f;
  if (!passes(user.id, f.userIds)) return false;
  if (f.emails.size > 0 && !emails.some((e) => f.emails.has(e))) return false;
  if (f.roles.size > 0 && !f.roles.has(membership.role)) return false;
  if (emailQuery !== undefined && !emails.some((e) => e.includes(emailQuery))) return false;
  if (nameQuery !== undefined && !names.some((n) => n.includes(nameQuery))) return false;
  if (query !== undefined) return [...emails, ...names, user.id.toLowerCase()].some((h) => h.includes(query));
  return true;
}

/** Orders (default newest first), pages and renders; `total_count` counts before paging. */
function page(inst: InstanceState, memberships: MembershipRecord[], query: URLSearchParams): ListJson<OrganizationMembershipJson> {
  const { limit, offset } = parsePage(query);
  const userOf = (m: MembershipRecord) => inst.users.get(m.user_id);
  const keys: Record<string, (m: MembershipRecord) => SortValue> = {
    created_at: (m) => m.created_at,
    email_address: (m) => {
      const user = userOf(m);
      return user ? primaryEmail(user) : null;
    },
    first_name: (m) => userOf(m)?.first_name ?? null,
    last_name: (m) => userOf(m)?.last_name ?? null,
    // Identifiers the stand-in does not model: every membership ties.
    phone_number: () => null,
    username: () => null,
  };
  const ordered = sortByOrder(memberships, query.get("order_by") || "-created_at", keys);
  return { data: ordered.slice(offset, offset + limit).map((m) => membershipJson(inst, m)), total_count: memberships.length };
}
