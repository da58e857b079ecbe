/**
 * The `/v1` request pipeline shared by every resource: API key →
 * `Stripe-Account` → form params (unknown ones refused) → `Idempotency-Key`
 * replay → handler → `expand[]` → JSON, with Stripe-shaped errors for
 * anything thrown.
 *
 * Idempotency follows Stripe: keys are scoped to the account and mode, only POSTs use
 * them, a reused key with other params or another endpoint is an
 * `idempotency_error`, and a request that failed validation is not saved (so
 * it can be retried with the same key after fixing it).
 */
import type { Context } from "hono";
import { apiKeyFrom, authenticate, resolveAccount } from "./auth.js";
import type { Deps } from "./deps.js";
import { idempotencyMismatch, invalidRequest, OAuthError, StripeApiError } from "./errors.js";
import type { RequestOrigin } from "./events.js";
import { expand } from "./expand.js";
import { canonicalForm, decodeForm, type FormObject } from "./form.js";
import { type ParamSpec, refuseUnknownParams } from "./known-params.js";
import { type RequestLog, requestLogUrl, startRequest } from "./request-log.js";
import { API_VERSION } from "./objects/event.js";
import { Params } from "./params.js";
import type { Scope } from "./store.js";

export interface ApiRequest {
  /** The account and mode whose objects this request reads and writes. */
  scope: Scope;
  params: Params;
  origin: RequestOrigin;
  /** A path parameter of the route (`:id`). */
  path(name: string): string;
}

export type ApiHandler = (request: ApiRequest) => object;

const JSON_TYPE = "application/json";

/** Query string plus (for non-GET) the form body, decoded together. */
export async function readForm(c: Context): Promise<FormObject> {
  const form = decodeForm(new URL(c.req.url).search.slice(1));
  if (c.req.method !== "GET" && c.req.method !== "HEAD") decodeForm(await c.req.text(), form);
  return form;
}

/**
 * Any error as Stripe answers it, with the request's `Request-Id` header and
 * (API errors; OAuth's shape has no room for it) its `request_log_url`.
 */
export function errorResponse(error: unknown, request: RequestLog, headers: Record<string, string> = {}): Response {
  if (!(error instanceof StripeApiError || error instanceof OAuthError)) console.error("[stripe-emulator] unexpected error", error);
  const responseHeaders = { ...headers, "request-id": request.id, "content-type": JSON_TYPE };
  if (error instanceof OAuthError) return new Response(JSON.stringify(error.toJSON(), null, 2), { status: error.status, headers: responseHeaders });
  const status = error instanceof StripeApiError ? error.status : 500;
  const body = error instanceof StripeApiError ? error.body : { type: "api_error", message: `The emulator failed to handle this request: ${String(error)}` };
  return new Response(JSON.stringify({ error: { ...body, request_log_url: requestLogUrl(request) } }, null, 2), { status, headers: responseHeaders });
}

type Route = (c: Context) => Promise<Response>;

/**
 * A `/v1` route. `known` lists the params Stripe takes on this endpoint
 * (known-params.ts); any other is refused with `parameter_unknown`, as Stripe
 * does. The form without it checks nothing and is left only for a route
 * whose params are not declared yet.
 */
export function api(deps: Deps, known: ParamSpec, handler: ApiHandler): Route;
export function api(deps: Deps, handler: ApiHandler): Route;
export function api(deps: Deps, knownOrHandler: ParamSpec | ApiHandler, maybeHandler?: ApiHandler): Route {
  const known = typeof knownOrHandler === "function" ? undefined : knownOrHandler;
  const handler = typeof knownOrHandler === "function" ? knownOrHandler : maybeHandler;
  if (!handler) throw new Error("api(): no handler");
  return async (c) => {
    const request = startRequest(deps, c);
    const requestId = request.id;
    const idempotencyKey = c.req.header("idempotency-key") ?? null;
    const headers: Record<string, string> = { "request-id": requestId, "stripe-version": API_VERSION };
    if (idempotencyKey) headers["idempotency-key"] = idempotencyKey;
    try {
      const key = apiKeyFrom(c.req.header("authorization"));
      const keyScope = authenticate(deps.store, deps.auth, key);
      request.livemode = keyScope.livemode;
      const scope = resolveAccount(deps.store, key ?? "", keyScope, c.req.header("stripe-account"));
      if (c.req.header("stripe-account")) headers["stripe-account"] = scope.account;
      const raw = await readForm(c);
      if (known) refuseUnknownParams(raw, known);
      const canonical = canonicalForm(raw);

      // Keys are scoped to the account and the mode; test-mode keys keep the pre-live-mode format.
      const savedKey = c.req.method === "POST" && idempotencyKey ? `${scope.account}${scope.livemode ? " live" : ""} ${idempotencyKey}` : undefined;
      const saved = savedKey ? deps.store.state.idempotency[savedKey] : undefined;
      if (saved && idempotencyKey) {
        if (saved.method !== c.req.method || saved.path !== c.req.path) throw idempotencyMismatch(idempotencyKey, "endpoint");
        if (saved.params !== canonical) throw idempotencyMismatch(idempotencyKey, "parameters");
        return new Response(saved.body, {
          status: saved.status,
          headers: { ...headers, "idempotent-replayed": "true", "content-type": JSON_TYPE },
        });
      }

      const params = new Params(raw);
      const result = handler({
        scope,
        params,
        origin: { id: requestId, idempotency_key: idempotencyKey },
        path: (name) => {
          const value = c.req.param(name);
          if (value === undefined) throw invalidRequest(`Missing path parameter ${name}`);
          return value;
        },
      });
      const body = JSON.stringify(expand(deps.store, scope, result, params.stringList("expand")), null, 2);
      if (savedKey) {
        deps.store.state.idempotency[savedKey] = { method: c.req.method, path: c.req.path, params: canonical, status: 200, body };
        deps.store.touch();
      }
      return new Response(body, { status: 200, headers: { ...headers, "content-type": JSON_TYPE } });
    } catch (error) {
      return errorResponse(error, request, headers);
    }
  };
}
