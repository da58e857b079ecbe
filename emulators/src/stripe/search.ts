/**
 * Stripe's Search API (`GET /v1/customers/search?query=…` and the other
 * resources Stripe offers it on) for the part of the search query language
 * dream-api needs: clauses `field:'value'` and `metadata['key']:'value'`
 * (either quote), joined by spaces or `AND`. A clause matches exactly, case
 * included. What the language has beyond that (`OR`, `-` negation, `~`
 * substring, `>`/`<` comparisons, `null`) is answered with a 400 saying the
 * stand-in does not implement it, rather than with a wrong result; a field
 * Stripe does not search on is refused as Stripe refuses it.
 *
 * Results are newest first, `limit` 1–100 (default 10), paged by the opaque
 * `next_page` cursor stripe-node's auto-pagination follows; `total_count`
 * only when expanded. Unlike Stripe, new objects are searchable at once.
 */
import { invalidRequest, parameterMissing } from "./errors.js";
import type { Metadata, StripeObject } from "./objects/common.js";
import type { Params } from "./params.js";

/** The value a query field has on an object; compared as a string (`active:'true'`, `created:1700000000`). */
export type SearchFields<T> = Record<string, (object: T) => string | number | boolean | null | undefined>;

export interface SearchResult<T> {
  object: "search_result";
  url: string;
  has_more: boolean;
  data: T[];
  next_page: string | null;
  total_count?: number;
}

interface Clause {
  field: string;
  metadataKey?: string;
  value: string;
}

const NOT_IMPLEMENTED_HINT = "it implements clauses field:'value' and metadata['key']:'value' joined by spaces or AND";

function notImplemented(what: string): never {
  throw invalidRequest(`The local Stripe stand-in does not implement ${what} in search queries; ${NOT_IMPLEMENTED_HINT}.`, { param: "query" });
}

function invalidQuery(query: string, detail: string): never {
  throw invalidRequest(`Invalid search query '${query}': ${detail}.`, { param: "query" });
}

/** Reads a quoted string starting at `at` (on its opening quote); returns the value and the index after it. */
function quoted(query: string, at: number): [string, number] {
  const quote = query[at];
  let value = "";
  for (let i = at + 1; i < query.length; i++) {
    const char = query[i];
    if (char === "\\" && i + 1 < query.length) {
      value += query[++i];
      continue;
    }
    if (char === quote) return [value, i + 1];
    value += char;
  }
  return invalidQuery(query, "unterminated string");
}

export function parseQuery(query: string): Clause[] {
  const clauses: Clause[] = [];
  let i = 0;
  const skipSpaces = () => {
    while (i < query.length && /\s/.test(query[i] ?? "")) i++;
  };
  skipSpaces();
  if (i === query.length) invalidQuery(query, "the query is empty");
  while (i < query.length) {
    if (clauses.length > 0) {
      const keyword = /^(AND|OR)\s/i.exec(query.slice(i));
      if (keyword?.[1]?.toUpperCase() === "OR") notImplemented("OR");
      if (keyword) {
        i += keyword[0].length;
        skipSpaces();
      }
    }
    if (query[i] === "-") notImplemented("negation (-)");
    const field = /^[a-z_][a-z0-9_.]*/i.exec(query.slice(i))?.[0];
    if (!field) invalidQuery(query, `expected a field at position ${i}`);
    i += field.length;
    let metadataKey: string | undefined;
    if (field === "metadata") {
      if (query[i] !== "[" || !["'", '"'].includes(query[i + 1] ?? "")) invalidQuery(query, "metadata takes a key: metadata['key']");
      [metadataKey, i] = quoted(query, i + 1);
      if (query[i] !== "]") invalidQuery(query, "expected ] after the metadata key");
      i++;
    }
    const operator = /^(>=|<=|:|~|>|<)/.exec(query.slice(i))?.[0];
    if (!operator) invalidQuery(query, `expected an operator after ${field}`);
    if (operator !== ":") notImplemented(`the ${operator} operator`);
    i += operator.length;
    let value: string;
    if (["'", '"'].includes(query[i] ?? "")) {
      [value, i] = quoted(query, i);
    } else {
      value = /^[^\s]+/.exec(query.slice(i))?.[0] ?? "";
      if (!value) invalidQuery(query, `expected a value after ${field}${operator}`);
      if (value === "null") notImplemented("null");
      i += value.length;
    }
    clauses.push({ field, value, ...(metadataKey === undefined ? {} : { metadataKey }) });
    if (i < query.length && !/\s/.test(query[i] ?? "")) invalidQuery(query, `unexpected '${query[i]}' at position ${i}`);
    skipSpaces();
  }
  return clauses;
}

function pageOffset(page: string | undefined): number {
  if (page === undefined) return 0;
  const match = /^page_(\d+)$/.exec(page);
  if (!match) throw invalidRequest(`Invalid page: ${page}`, { param: "page" });
  return Number(match[1]);
}

/**
 * Answers a search over `objects` (oldest first, as the store keeps them).
 * `resource` is Stripe's name in its error ("customers"); `fields` the
 * resource's query fields besides `metadata`.
 */
export function search<T extends StripeObject>(objects: T[], params: Params, url: string, resource: string, fields: SearchFields<T>): SearchResult<T> {
  const query = params.string("query");
  if (query === undefined || query === "") throw parameterMissing("query");
  const clauses = parseQuery(query);
  for (const clause of clauses) {
    if (clause.field !== "metadata" && !Object.hasOwn(fields, clause.field)) {
      throw invalidRequest(
        `Field \`${clause.field}\` is an unsupported search field for resource \`${resource}\`. See http://stripe.com/docs/search#query-fields-for-${resource} for a list of supported fields.`,
        { param: "query" },
      );
    }
  }
  const matches = (object: T) =>
    clauses.every((clause) => {
      if (clause.metadataKey !== undefined) return (object.metadata as Metadata | null | undefined)?.[clause.metadataKey] === clause.value;
      const value = fields[clause.field]?.(object);
      return value !== null && value !== undefined && String(value) === clause.value;
    });
  const limit = params.integer("limit", { min: 1, max: 100 }) ?? 10;
  const offset = pageOffset(params.string("page"));
  const found = [...objects].reverse().filter(matches);
  const data = found.slice(offset, offset + limit);
  const hasMore = found.length > offset + limit;
  const result: SearchResult<T> = { object: "search_result", url, has_more: hasMore, data, next_page: hasMore ? `page_${offset + limit}` : null };
  if (params.stringList("expand").includes("total_count")) result.total_count = found.length;
  return result;
}
