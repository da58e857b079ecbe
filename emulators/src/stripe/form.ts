/**
 * Decoding of Stripe's form encoding: `metadata[plan]=pro`,
 * `line_items[0][price]=price_1`, `expand[]=customer`. stripe-node sends every
 * request body (and GET query) this way, so this is the only input format the
 * `/v1` API accepts.
 *
 * Arrays are decoded as objects keyed "0", "1", … (`a[]` appends the next
 * index); `Params.list` reads them back in index order. Keeping a single
 * node type avoids guessing whether `metadata[0]` is an array or a key.
 */
import { invalidRequest } from "./errors.js";

export type FormValue = string | FormObject;
export interface FormObject {
  [key: string]: FormValue;
}

const KEY_PATTERN = /^([^[\]]+)((?:\[[^[\]]*\])*)$/;

/** Splits `a[b][]` into `["a", "b", ""]`; a key Stripe would reject throws. */
function segments(key: string): string[] {
  const match = KEY_PATTERN.exec(key);
  if (!match?.[1]) throw invalidRequest(`Invalid parameter name: ${key}`, { code: "parameter_unknown", param: key });
  const rest = match[2] ?? "";
  return [match[1], ...[...rest.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1] ?? "")];
}

export function emptyForm(): FormObject {
  return Object.create(null) as FormObject;
}

function assign(target: FormObject, path: string[], value: string, fullKey: string): void {
  let node = target;
  for (let i = 0; i < path.length; i++) {
    let segment = path[i] ?? "";
    if (segment === "") segment = String(Object.keys(node).length);
    if (i === path.length - 1) {
      if (typeof node[segment] === "object") throw invalidRequest(`Invalid hash: ${fullKey}`, { param: fullKey });
      node[segment] = value;
      return;
    }
    const existing = node[segment];
    if (typeof existing === "string") {
      // `metadata=` (clear all) followed by `metadata[k]=v`: the nested value wins.
      if (existing !== "") throw invalidRequest(`Invalid hash: ${fullKey}`, { param: fullKey });
    }
    if (existing === undefined || typeof existing === "string") {
      const child = emptyForm();
      node[segment] = child;
      node = child;
    } else {
      node = existing;
    }
  }
}

/** Decodes an `application/x-www-form-urlencoded` string (body or query). */
export function decodeForm(encoded: string, into: FormObject = emptyForm()): FormObject {
  for (const [key, value] of new URLSearchParams(encoded)) {
    assign(into, segments(key), value, key);
  }
  return into;
}

/** Stable JSON of decoded params, used to compare idempotent requests. */
export function canonicalForm(form: FormObject): string {
  const sort = (value: FormValue): unknown =>
    typeof value === "string"
      ? value
      : Object.fromEntries(
          Object.keys(value)
            .sort()
            .map((k) => [k, sort(value[k] as FormValue)]),
        );
  return JSON.stringify(sort(form));
}
