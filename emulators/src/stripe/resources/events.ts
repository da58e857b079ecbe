import type { Hono } from "hono";
import { api } from "../api.js";
import type { Deps } from "../deps.js";
import { NO_PARAMS, PAGINATION, type ParamSpec } from "../known-params.js";
import { paginate } from "../list.js";
import { mustGet } from "./lookup.js";

/** Stripe's params for `GET /v1/events` (stripe-node's `EventListParams`). */
const LIST = { ...PAGINATION, created: true, delivery_success: true, type: true, types: true } as const satisfies ParamSpec;

/** `customer.*` matches every type under `customer.`, as Stripe's type filter does. */
function typeMatches(pattern: string, type: string): boolean {
  return pattern.endsWith(".*") ? type.startsWith(pattern.slice(0, -1)) : pattern === type;
}

export function registerEvents(app: Hono, deps: Deps): void {
  const { store } = deps;

  app.get(
    "/v1/events/:id",
    api(deps, NO_PARAMS, ({ scope, path }) => mustGet(store, scope, "events", path("id"))),
  );

  app.get(
    "/v1/events",
    api(deps, LIST, ({ scope, params }) => {
      const type = params.string("type");
      const types = params.stringList("types");
      const events = store.all(scope, "events").filter((e) => (type === undefined || typeMatches(type, e.type)) && (types.length === 0 || types.some((pattern) => typeMatches(pattern, e.type))));
      return paginate(events, params, "/v1/events", "event");
    }),
  );
}
