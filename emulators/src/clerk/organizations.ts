import { clerkErrors } from "./errors.js";
import { newId, randomBase62 } from "./ids.js";
import { addMembership, removeOrganizationMemberships } from "./memberships.js";
import { mergeMetadata } from "./metadata.js";
import type { ParamSpec, ParsedParams } from "./params.js";
import type { InstanceState } from "./state.js";
import type { OrganizationRecord } from "./types.js";

/** Body of `POST /v1/organizations`: every property of the spec's request schema. */
export const CREATE_ORGANIZATION_PARAMS = {
  name: "string",
  slug: "string",
  created_by: "string",
  public_metadata: "object",
  private_metadata: "object",
  max_allowed_memberships: "integer",
  created_at: "timestamp",
  role_set_key: "unsupported",
} as const satisfies ParamSpec;

/** Body of `PATCH /v1/organizations/{id}`. Metadata given here replaces the field whole. */
export const UPDATE_ORGANIZATION_PARAMS = {
  name: "string",
  slug: "string",
  public_metadata: "object",
  private_metadata: "object",
  max_allowed_memberships: "integer",
  admin_delete_enabled: "boolean",
  created_at: "timestamp",
  role_set_key: "unsupported",
} as const satisfies ParamSpec;

/** Body of `PATCH` and `PUT /v1/organizations/{id}/metadata`. */
export const ORGANIZATION_METADATA_PARAMS = {
  public_metadata: "object",
  private_metadata: "object",
} as const satisfies ParamSpec;

export type CreateOrganizationParams = ParsedParams<typeof CREATE_ORGANIZATION_PARAMS>;
export type UpdateOrganizationParams = ParsedParams<typeof UPDATE_ORGANIZATION_PARAMS>;
export type OrganizationMetadataParams = ParsedParams<typeof ORGANIZATION_METADATA_PARAMS>;

const METADATA_FIELDS = ["public_metadata", "private_metadata"] as const;
const MAX_NAME_LENGTH = 256;
/** "only lowercase alphanumeric characters and the dash" (the spec); no leading, trailing or double dash. */
const SLUG_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * `POST /v1/organizations`. Without a slug, one is made from the name (with a
 * random suffix if that one is taken). `created_by` gets the instance's
 * creator role (`org:admin` by default), so the organization is where that
 * user's next session starts. The membership limit and `admin_delete_enabled`
 * start from the instance's organization settings, as in Clerk: a limited
 * default caps every organization created without its own limit.
 */
export function createOrganization(inst: InstanceState, params: CreateOrganizationParams, now = Date.now()): OrganizationRecord {
  const name = checkedName(params.name);
  const slug = params.slug != null ? checkedSlug(inst, params.slug, undefined) : freeSlug(inst, name);
  const createdBy = params.created_by || null;
  if (createdBy !== null && !inst.users.has(createdBy)) throw clerkErrors.organizationCreatorNotFound(createdBy);
  const settings = inst.organizationSettings;
  const org: OrganizationRecord = {
    id: newId("org"),
    name,
    slug,
    max_allowed_memberships: checkedLimit(params.max_allowed_memberships) ?? settings.max_allowed_memberships,
    admin_delete_enabled: settings.admin_delete_enabled,
    public_metadata: params.public_metadata ?? {},
    private_metadata: params.private_metadata ?? {},
    created_by: createdBy,
    created_at: params.created_at ?? now,
    updated_at: now,
  };
  inst.organizations.set(org.id, org);
  if (createdBy !== null) addMembership(inst, org, { user_id: createdBy, role: settings.creator_role }, now);
  return org;
}

/** By id or by slug, as `GET /v1/organizations/{organization_id}` accepts either. */
export function findOrganization(inst: InstanceState, idOrSlug: string): OrganizationRecord | undefined {
  const byId = inst.organizations.get(idOrSlug);
  if (byId) return byId;
  for (const org of inst.organizations.values()) if (org.slug === idOrSlug) return org;
  return undefined;
}

/** `GET /v1/organizations/{organization_id}` takes an id or a slug. */
export function getOrganizationByIdOrSlug(inst: InstanceState, idOrSlug: string): OrganizationRecord {
  const org = findOrganization(inst, idOrSlug);
  if (!org) throw clerkErrors.organizationNotFound();
  return org;
}

/** Every other organization route names the organization by id only (the spec: "The ID of the organization"). */
export function getOrganization(inst: InstanceState, organizationId: string): OrganizationRecord {
  const org = inst.organizations.get(organizationId);
  if (!org) throw clerkErrors.organizationNotFound();
  return org;
}

/** `PATCH /v1/organizations/{id}`: sets what is given; `null` leaves a field as it is. */
export function updateOrganization(inst: InstanceState, organizationId: string, params: UpdateOrganizationParams, now = Date.now()): OrganizationRecord {
  const org = getOrganization(inst, organizationId);
  if (params.name != null) org.name = checkedName(params.name);
  if (params.slug != null) org.slug = checkedSlug(inst, params.slug, org.id);
  const limit = checkedLimit(params.max_allowed_memberships);
  if (limit != null) org.max_allowed_memberships = limit;
  if (params.admin_delete_enabled != null) org.admin_delete_enabled = params.admin_delete_enabled;
  if (params.created_at != null) org.created_at = params.created_at;
  for (const field of METADATA_FIELDS) {
    if (params[field] !== undefined) org[field] = params[field] ?? {};
  }
  org.updated_at = now;
  return org;
}

/** `PATCH /v1/organizations/{id}/metadata`: deep merge, `null` removes a key (as for users). */
export function mergeOrganizationMetadata(inst: InstanceState, organizationId: string, params: OrganizationMetadataParams, now = Date.now()): OrganizationRecord {
  const org = getOrganization(inst, organizationId);
  for (const field of METADATA_FIELDS) {
    const patch = params[field];
    if (patch) org[field] = mergeMetadata(org[field], patch);
  }
  org.updated_at = now;
  return org;
}

/** `PUT /v1/organizations/{id}/metadata`: each given field is replaced whole; omitted fields stay. */
export function replaceOrganizationMetadata(inst: InstanceState, organizationId: string, params: OrganizationMetadataParams, now = Date.now()): OrganizationRecord {
  const org = getOrganization(inst, organizationId);
  for (const field of METADATA_FIELDS) {
    if (params[field] !== undefined) org[field] = params[field] ?? {};
  }
  org.updated_at = now;
  return org;
}

/** Deletes the organization with all its memberships; sessions that had it active lose it. */
export function deleteOrganization(inst: InstanceState, organizationId: string): { object: "organization"; id: string; slug: string; deleted: true } {
  const org = getOrganization(inst, organizationId);
  inst.organizations.delete(org.id);
  removeOrganizationMemberships(inst, org.id);
  return { object: "organization", id: org.id, slug: org.slug, deleted: true };
}

/** "May not contain URLs or HTML. Max length: 256" (the spec). */
function checkedName(raw: string | null | undefined): string {
  const name = raw?.trim() ?? "";
  if (name === "") throw clerkErrors.paramMissing("name");
  if (name.length > MAX_NAME_LENGTH) throw clerkErrors.organizationNameInvalid(name, `it must be at most ${MAX_NAME_LENGTH} characters long`);
  if (/[<>]/.test(name) || /(https?:\/\/|www\.)/i.test(name)) throw clerkErrors.organizationNameInvalid(name, "it may not contain URLs or HTML");
  return name;
}

function checkedSlug(inst: InstanceState, slug: string, ownerId: string | undefined): string {
  if (!SLUG_PATTERN.test(slug)) {
    throw clerkErrors.paramFormatInvalid("slug", 'slug can contain only lowercase alphanumeric characters (letters and digits) and the dash "-".');
  }
  for (const other of inst.organizations.values()) {
    if (other.id !== ownerId && other.slug === slug) throw clerkErrors.identifierExists("slug");
  }
  return slug;
}

function checkedLimit(limit: number | null | undefined): number | null | undefined {
  if (limit != null && limit < 0) throw clerkErrors.paramValueInvalid("max_allowed_memberships", "max_allowed_memberships must be greater than or equal to 0.");
  return limit;
}

/** A slug from the name ("Acme, Inc." → "acme-inc"), suffixed at random while it is taken. */
function freeSlug(inst: InstanceState, name: string): string {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "organization";
  const taken = (slug: string) => [...inst.organizations.values()].some((o) => o.slug === slug);
  let slug = base;
  while (taken(slug)) slug = `${base}-${randomBase62(10).toLowerCase()}`;
  return slug;
}
