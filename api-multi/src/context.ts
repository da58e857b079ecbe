import type { KeyMode } from "@dream-api/shared";
import type { RequestIdVariables } from "@dream-api/shared/hono";
import type { Context } from "hono";

/** Who is calling, as authentication established it. Tenant data is always filtered by `platformId`. */
export interface AuthContext {
  platformId: string;
  mode: KeyMode;
  /** What the per-credential rate limit and logs name: the key's id, `developer:<userId>` or `organization:<id>`. */
  keyId: string;
  /** A test key of a developer on the free plan: at most PREVIEW_MAX_END_USERS end-users. */
  preview: boolean;
  /** Who the request log says called (never a full key): the secret key's display prefix ("sk_test_AbCd…"), "dashboard" or "end-user session". */
  caller: string;
  /** Set when an end-user's own session JWT (end-user-api) authenticated the call: it may act only for this user. */
  endUserId?: string;
}

/** What every success response says about the key's mode: "preview", "test" or "live". */
export type ApiMode = "preview" | KeyMode;

export function apiMode(auth: Pick<AuthContext, "preview" | "mode">): ApiMode {
  return auth.preview ? "preview" : auth.mode;
}

/** A JSON success response carrying the key's mode next to the body's fields. */
export function respond<T extends Record<string, unknown>>(c: AppContext, body: T, status: 200 | 201 | 202 = 200) {
  return c.json({ ...body, mode: apiMode(c.get("auth")) }, status);
}

export interface AppEnv {
  Bindings: Env;
  Variables: RequestIdVariables & {
    auth: AuthContext;
    /** The request's clock reading; injected so tests can move time. */
    now: Date;
    /** The end-user whose per-end-user rate limit this request has already counted. */
    endUserLimited?: string;
  };
}

export type AppContext = Context<AppEnv>;

/** What an unauthenticated service needs: the bindings and the clock (no tenant: the input names it). */
export interface PublicContext {
  env: Env;
  waitUntil: (promise: Promise<unknown>) => void;
  now: Date;
}

/**
 * What services get instead of the HTTP context: the bindings, the tenant
 * authentication produced, and the clock. Services know nothing of HTTP.
 */
export interface ServiceContext {
  env: Env;
  waitUntil: (promise: Promise<unknown>) => void;
  platformId: string;
  mode: KeyMode;
  preview: boolean;
  /** What success bodies say the key's mode is ("preview", "test" or "live"): apiMode(auth). */
  apiMode: ApiMode;
  now: Date;
}

/** The context of a public operation: the bindings and the clock, no tenant. */
export function publicContext(c: AppContext): PublicContext {
  return { env: c.env, waitUntil: (promise) => c.executionCtx.waitUntil(promise), now: c.get("now") };
}

export function serviceContext(c: AppContext): ServiceContext {
  const auth = c.get("auth");
  return {
    env: c.env,
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    platformId: auth.platformId,
    mode: auth.mode,
    preview: auth.preview,
    apiMode: apiMode(auth),
    now: c.get("now"),
  };
}
