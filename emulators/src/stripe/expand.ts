/**
 * `expand[]` support: dotted paths (`subscription`, `data.customer`,
 * `items.data.price.product`) replace id strings with the objects they name,
 * looked up in the same account and mode. Arrays along the path expand element-wise,
 * as Stripe does. Works on a copy; stored objects are never modified.
 */
import { invalidRequest } from "./errors.js";
import { listOf } from "./objects/common.js";
import type { Collection, Store, Scope } from "./store.js";

const ID_PREFIXES: ReadonlyArray<[string, Collection]> = [
  ["cus_", "customers"],
  ["prod_", "products"],
  ["price_", "prices"],
  ["sub_", "subscriptions"],
  ["in_", "invoices"],
  ["pi_", "payment_intents"],
  ["cs_", "checkout_sessions"],
];

function notExpandable(path: string) {
  return invalidRequest(`This property cannot be expanded (${path}).`, { param: "expand" });
}

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function expand(store: Store, scope: Scope, value: unknown, paths: string[]): unknown {
  if (paths.length === 0) return value;
  let result = structuredClone(value);
  for (const path of paths) result = expandAt(store, scope, result, path.split("."), path);
  return result;
}

function resolveId(store: Store, scope: Scope, id: string, path: string): unknown {
  const collection = ID_PREFIXES.find(([prefix]) => id.startsWith(prefix))?.[1];
  if (!collection) throw notExpandable(path);
  return structuredClone(store.get(scope, collection, id)) ?? id;
}

/** Properties Stripe omits unless expanded (`line_items` on a checkout session). */
function includable(store: Store, scope: Scope, node: Node, field: string): unknown {
  if (node.object === "checkout.session" && field === "line_items" && typeof node.id === "string") {
    const extras = store.extras(scope)[node.id];
    return listOf(structuredClone(extras?.lineItems ?? []), `/v1/checkout/sessions/${node.id}/line_items`);
  }
  return undefined;
}

function expandAt(store: Store, scope: Scope, node: unknown, segments: string[], path: string): unknown {
  if (node === null) return null;
  if (Array.isArray(node)) return node.map((element) => expandAt(store, scope, element, segments, path));
  const [head, ...rest] = segments;
  if (head === undefined) {
    if (typeof node === "string") return resolveId(store, scope, node, path);
    return node;
  }
  if (!isNode(node)) throw notExpandable(path);
  if (!(head in node)) {
    const included = includable(store, scope, node, head);
    if (included === undefined) throw notExpandable(path);
    node[head] = included;
  }
  node[head] = expandAt(store, scope, node[head], rest, path);
  return node;
}
