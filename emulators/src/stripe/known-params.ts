/**
 * The params Stripe knows, per endpoint, and the check that refuses the
 * rest. Stripe answers any param it does not know with 400
 * `parameter_unknown` ("Received unknown parameter: sucess_url"), top level
 * and nested alike; a stand-in that ignored them would let a typo pass
 * locally and fail in production. Each resource declares its endpoints'
 * specs from Stripe's API (stripe-node's `…CreateParams`, `…ListParams`, …):
 * every param Stripe takes, whether or not the stand-in models it.
 */
import { invalidRequest } from "./errors.js";
import type { FormObject, FormValue } from "./form.js";

/**
 * `true`: a param Stripe knows whose members, if it is a hash, are not
 * checked (free-form like `metadata`, or members the stand-in does not read).
 * A spec object: a hash whose members are checked. `[spec]`: an array of
 * such hashes (`line_items[0][price]`).
 */
export type Known = true | ParamSpec | readonly [ParamSpec];
export interface ParamSpec {
  readonly [name: string]: Known;
}

/** `limit`, `starting_after`, `ending_before`: every list endpoint's. */
export const PAGINATION = { limit: true, starting_after: true, ending_before: true } as const satisfies ParamSpec;

/** `/search` endpoints: the query, a page size and the `next_page` cursor. */
export const SEARCH = { query: true, limit: true, page: true } as const satisfies ParamSpec;

/** No params but `expand`, which every endpoint takes (retrieve, expire, delete without options). */
export const NO_PARAMS = {} as const satisfies ParamSpec;

function unknown(param: string): never {
  throw invalidRequest(`Received unknown parameter: ${param}`, { code: "parameter_unknown", param });
}

function check(value: FormValue, known: Known, path: string): void {
  if (known === true || typeof value === "string") return; // a scalar (or `hash=` unsetting it): nothing nested to check
  if (Array.isArray(known)) {
    const [element] = known as readonly [ParamSpec];
    for (const [index, entry] of Object.entries(value)) check(entry, element, `${path}[${index}]`);
    return;
  }
  checkHash(value, known as ParamSpec, path);
}

function checkHash(form: FormObject, spec: ParamSpec, prefix: string): void {
  for (const [name, value] of Object.entries(form)) {
    const param = prefix ? `${prefix}[${name}]` : name;
    const known = Object.hasOwn(spec, name) ? spec[name] : undefined;
    if (known === undefined) unknown(param);
    check(value, known, param);
  }
}

/** A spec of top-level names whose members are not checked. */
export function paramSpec(names: readonly string[]): ParamSpec {
  return Object.fromEntries(names.map((name) => [name, true as const]));
}

/** Refuses members of a hash a resource reads member by member (`features[subscription_update][…]`), named under `prefix`. */
export function refuseUnknownMembers(form: FormObject, names: readonly string[], prefix: string): void {
  checkHash(form, paramSpec(names), prefix);
}

/** Throws Stripe's `parameter_unknown` for the first param `spec` does not name; `expand` is known everywhere. */
export function refuseUnknownParams(form: FormObject, spec: ParamSpec): void {
  checkHash(form, { expand: true, ...spec }, "");
}
