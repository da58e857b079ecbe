import type { InstanceState } from "./state.js";
import type { ClerkUserJson, MembershipPublicUserDataJson, MembershipRecord, OrganizationJson, OrganizationMembershipJson, OrganizationRecord } from "./types.js";
import { primaryEmail } from "./users.js";

/**
 * The roles of Clerk's default role set, with the system permissions each
 * grants. The stand-in has no custom roles: any other key is refused.
 */
export const ROLES: Readonly<Record<string, { name: string; permissions: readonly string[] }>> = {
  "org:admin": {
    name: "Admin",
    permissions: ["org:sys_profile:manage", "org:sys_profile:delete", "org:sys_memberships:read", "org:sys_memberships:manage", "org:sys_domains:read", "org:sys_domains:manage"],
  },
  "org:member": { name: "Member", permissions: ["org:sys_memberships:read"] },
};

export function membersCount(inst: InstanceState, organizationId: string): number {
  let count = 0;
  for (const membership of inst.memberships.values()) if (membership.organization_id === organizationId) count++;
  return count;
}

/** The spec's `Organization`; the counts only when the caller asked (`include_members_count`), as in Clerk. */
export function organizationJson(inst: InstanceState, org: OrganizationRecord, { includeMembersCount = false } = {}): OrganizationJson {
  return {
    object: "organization",
    id: org.id,
    name: org.name,
    slug: org.slug,
    image_url: "",
    has_image: false,
    ...(includeMembersCount ? { members_count: membersCount(inst, org.id), pending_invitations_count: 0 } : {}),
    max_allowed_memberships: org.max_allowed_memberships,
    admin_delete_enabled: org.admin_delete_enabled,
    public_metadata: org.public_metadata,
    private_metadata: org.private_metadata,
    ...(org.created_by ? { created_by: org.created_by } : {}),
    created_at: org.created_at,
    updated_at: org.updated_at,
  };
}

/** The spec's `OrganizationMembership`: the organization and the member's public data as they are now. */
export function membershipJson(inst: InstanceState, membership: MembershipRecord): OrganizationMembershipJson {
  const org = inst.organizations.get(membership.organization_id);
  const user = inst.users.get(membership.user_id);
  // Memberships go with their organization and their user, so both exist.
  if (!org || !user) throw new Error(`Clerk emulator: membership ${membership.id} outlived its organization or user`);
  const role = ROLES[membership.role];
  return {
    id: membership.id,
    object: "organization_membership",
    role: membership.role,
    role_name: role?.name ?? membership.role,
    permissions: [...(role?.permissions ?? [])],
    public_metadata: membership.public_metadata,
    private_metadata: membership.private_metadata,
    organization: organizationJson(inst, org),
    public_user_data: publicUserData(user),
    created_at: membership.created_at,
    updated_at: membership.updated_at,
  };
}

function publicUserData(user: ClerkUserJson): MembershipPublicUserDataJson {
  return {
    user_id: user.id,
    first_name: user.first_name,
    last_name: user.last_name,
    profile_image_url: user.image_url,
    image_url: user.image_url,
    has_image: user.has_image,
    identifier: primaryEmail(user),
    username: user.username,
    banned: user.banned,
  };
}
