import { clerkErrors } from "./errors.js";
import type { InstanceState } from "./state.js";
import type { ClerkUserJson } from "./types.js";
import { normalizeEmail } from "./users.js";

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

/** Clerk lets `external_id` and `user_id` values carry `+` (include) or `-` (exclude). */
interface IncludeExclude {
  include: Set<string>;
  exclude: Set<string>;
}

type SortValue = string | number | null;

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

const MAX_LIMIT = 500;

/** `GET /v1/users`: filtered, ordered (default newest first) and paged. */
export function listUsers(inst: InstanceState, query: URLSearchParams): ClerkUserJson[] {
  const filter = parseFilter(query);
  const limit = parseIntParam(query, "limit", 10, 1, MAX_LIMIT);
  const offset = parseIntParam(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER);
  const { key, direction } = parseOrderBy(query.get("order_by") ?? "-created_at");

  const matching = [...inst.users.values()].map((user, index) => ({ user, index })).filter(({ user }) => matches(user, filter));
  matching.sort((a, b) => compareOrdered(key(a.user), key(b.user), direction) || direction * (a.index - b.index));
  return matching.slice(offset, offset + limit).map(({ user }) => user);
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

function includeExclude(values: string[]): IncludeExclude {
  const result: IncludeExclude = { include: new Set(), exclude: new Set() };
  for (const value of values) {
    if (value.startsWith("-")) result.exclude.add(value.slice(1));
    else result.include.add(value.startsWith("+") ? value.slice(1) : value);
  }
  return result;
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

function passes(value: string | null, rule: IncludeExclude): boolean {
  if (rule.include.size > 0 && (value === null || !rule.include.has(value))) return false;
  return value === null || !rule.exclude.has(value);
}

function parseIntParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw clerkErrors.paramValueInvalid(name, `${name} must be an integer between ${min} and ${max}.`);
  }
  return value;
}

function parseOrderBy(raw: string): { key: (u: ClerkUserJson) => SortValue; direction: 1 | -1 } {
  const direction = raw.startsWith("-") ? -1 : 1;
  const name = raw.replace(/^[+-]/, "");
  const key = SORT_KEYS[name];
  if (!key) {
    throw clerkErrors.paramValueInvalid("order_by", `${raw} does not match the allowed values for parameter order_by. Allowed values: ${Object.keys(SORT_KEYS).join(", ")}`);
  }
  return { key, direction };
}

/** Orders by value in `direction`; users without a value come last either way. */
function compareOrdered(a: SortValue, b: SortValue, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -direction : direction;
}

function primaryEmail(user: ClerkUserJson): string | null {
  return user.email_addresses.find((e) => e.id === user.primary_email_address_id)?.email_address ?? null;
}
