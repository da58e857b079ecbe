import { clerkErrors } from "./errors.js";

/** Clerk lets id filters (`user_id`, `external_id`, `organization_id`) carry `+` (include) or `-` (exclude). */
export interface IncludeExclude {
  include: Set<string>;
  exclude: Set<string>;
}

export type SortValue = string | number | null;

/** The spec's `LimitParameter` and `OffsetParameter`. */
export interface Page {
  limit: number;
  offset: number;
}

const MAX_LIMIT = 500;

export function parsePage(query: URLSearchParams): Page {
  return {
    limit: parseIntParam(query, "limit", 10, 1, MAX_LIMIT),
    offset: parseIntParam(query, "offset", 0, 0, Number.MAX_SAFE_INTEGER),
  };
}

export function includeExclude(values: string[]): IncludeExclude {
  const result: IncludeExclude = { include: new Set(), exclude: new Set() };
  for (const value of values) {
    if (value.startsWith("-")) result.exclude.add(value.slice(1));
    else result.include.add(value.startsWith("+") ? value.slice(1) : value);
  }
  return result;
}

/** Whether a value passes an include/exclude rule (no includes means everything not excluded). */
export function passes(value: string | null, rule: IncludeExclude): boolean {
  if (rule.include.size > 0 && (value === null || !rule.include.has(value))) return false;
  return value === null || !rule.exclude.has(value);
}

export function parseIntParam(query: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const raw = query.get(name);
  if (raw === null || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw clerkErrors.paramValueInvalid(name, `${name} must be an integer between ${min} and ${max}.`);
  }
  return value;
}

/** `order_by` as Clerk reads it: `+name` or `name` ascending, `-name` descending, one of `keys`. */
export function parseOrderBy<T>(raw: string, keys: Record<string, (item: T) => SortValue>): { key: (item: T) => SortValue; direction: 1 | -1 } {
  const direction = raw.startsWith("-") ? -1 : 1;
  const name = raw.replace(/^[+-]/, "");
  const key = keys[name];
  if (!key) {
    throw clerkErrors.paramValueInvalid("order_by", `${raw} does not match the allowed values for parameter order_by. Allowed values: ${Object.keys(keys).join(", ")}`);
  }
  return { key, direction };
}

/** Orders by value in `direction`; items without a value come last either way. */
export function compareOrdered(a: SortValue, b: SortValue, direction: 1 | -1): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -direction : direction;
}

/**
 * Sorts `items` (in creation order) by `order_by`, breaking ties by creation
 * order in the requested direction, as the stand-in's lists all do.
 */
export function sortByOrder<T>(items: T[], orderBy: string, keys: Record<string, (item: T) => SortValue>): T[] {
  const { key, direction } = parseOrderBy(orderBy, keys);
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => compareOrdered(key(a.item), key(b.item), direction) || direction * (a.index - b.index))
    .map(({ item }) => item);
}
