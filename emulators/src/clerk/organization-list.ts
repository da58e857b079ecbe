import { includeExclude, parsePage, passes, type SortValue, sortByOrder } from "./list-params.js";
import { membersCount, organizationJson } from "./organization-json.js";
import type { InstanceState } from "./state.js";
import type { ListJson, OrganizationJson, OrganizationRecord } from "./types.js";

/**
 * `GET /v1/organizations`: `query` (exact id, partial name or slug),
 * `user_id` and `organization_id` (each with `+`/`-`), `order_by` name,
 * created_at or members_count (default newest first), paged;
 * `include_members_count=true` adds the counts to each organization.
 */
export function listOrganizations(inst: InstanceState, query: URLSearchParams): ListJson<OrganizationJson> {
  const { limit, offset } = parsePage(query);
  const raw = query.get("query") || undefined;
  const text = raw?.toLowerCase();
  const ids = includeExclude(query.getAll("organization_id"));
  const users = includeExclude(query.getAll("user_id"));
  const memberIds = (org: OrganizationRecord) => [...inst.memberships.values()].filter((m) => m.organization_id === org.id).map((m) => m.user_id);

  const matching = [...inst.organizations.values()].filter((org) => {
    if (!passes(org.id, ids)) return false;
    if (users.include.size > 0 || users.exclude.size > 0) {
      const members = memberIds(org);
      if (users.include.size > 0 && !members.some((id) => users.include.has(id))) return false;
      if (members.some((id) => users.exclude.has(id))) return false;
    }
    // Ids are case-sensitive and match exactly; names and slugs match in part, ignoring case.
    return text === undefined || org.id === raw || org.name.toLowerCase().includes(text) || org.slug.includes(text);
  });
  const keys: Record<string, (org: OrganizationRecord) => SortValue> = {
    name: (org) => org.name,
    created_at: (org) => org.created_at,
    members_count: (org) => membersCount(inst, org.id),
  };
  const includeMembersCount = query.get("include_members_count") === "true";
  const ordered = sortByOrder(matching, query.get("order_by") || "-created_at", keys);
  return {
    data: ordered.slice(offset, offset + limit).map((org) => organizationJson(inst, org, { includeMembersCount })),
    total_count: matching.length,
  };
}
