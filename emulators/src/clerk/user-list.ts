import { type IncludeExclude, includeExclude, parsePage, passes, type SortValue, sortByOrder } from "./list-params.js";
import type { InstanceState } from "./state.js";
import type { ClerkUserJson } from "./types.js";
import { normalizeEmail, primaryEmail } from "./users.js";

/** Filters shared by `GET /v1/users` and `GET /v1/users/count`. */
interface UserFilter {
  emails: Set<string>;
  externalIds: IncludeExclude;
  userIds: IncludeExclude;
  query: string | undefined;
  emailQuery: string | undefined;
  nameQuery: string | undefined;
  banned: boolean | undefined;
}

const SORT_KEYS: Record<string, (u: ClerkUserJson) => SortValue> = {
  created_at: (u) => u.created_at,
  updated_at: (u) => u.updated_at,
  email_address: (u) => primaryEmail(u),
  first_name: (u) => u.first_name,
  last_name: (u) => u.last_name,
  last_sign_in_at: (u) => u.last_sign_in_at,
  last_active_at: (u) => u.last_active_at,
  // Identifiers the emulator does not model: every user ties.
  username: () => null,
  phone_number: () => null,
  web3wallet: () => null,
};

/** `GET /v1/users`: filtered, ordered (default newest first) and paged. */
export function listUsers(inst: InstanceState, query: URLSearchParams): ClerkUserJson[] {
  const filter = parseFilter(query);
  const { limit, offset } = parsePage(query);
  const matching = [...inst.users.values()].filter((user) => matches(user, filter));
  return sortByOrder(matching, query.get("order_by") ?? "-created_at", SORT_KEYS).slice(offset, offset + limit);
}

/** `GET /v1/users/count`. */
export function countUsers(inst: InstanceState, query: URLSearchParams): number {
  const filter = parseFilter(query);
  let count = 0;
  for (const user of inst.users.values()) if (matches(user, filter)) count++;
  return count;
}

function parseFilter(query: URLSearchParams): UserFilter {
  const banned = query.get("banned");
  return {
    emails: new Set(query.getAll("email_address").map(normalizeEmail)),
    externalIds: includeExclude(query.getAll("external_id")),
    userIds: includeExclude(query.getAll("user_id")),
    query: query.get("query")?.toLowerCase() || undefined,
    emailQuery: query.get("email_address_query")?.toLowerCase() || undefined,
    nameQuery: query.get("name_query")?.toLowerCase() || undefined,
    banned: banned === null ? undefined : banned === "true",
  };
}

function matches(user: ClerkUserJson, f: UserFilter): boolean {
  const emails = user.email_addresses.map((e) => e.email_address);
  const names = [user.first_name, user.last_name].filter((n): n is string => n !== null).map((n) => n.toLowerCase());
  const { emailQuery, nameQuery, query } = f;
  if (f.emails.size > 0 && !emails.some((e) => f.emails.has(e))) return false;
  if (!passes(user.external_id, f.externalIds)) return false;
  if (!passes(user.id, f.userIds)) return false;
  if (f.banned !== undefined && user.banned !== f.banned) return false;
  if (emailQuery !== undefined && !emails.some((e) => e.includes(emailQuery))) return false;
  if (nameQuery !== undefined && !names.some((n) => n.includes(nameQuery))) return false;
  if (query !== undefined) return [...emails, ...names, user.id.toLowerCase()].some((h) => h.includes(query));
  return true;
}
