import type { KeyMode } from "@dream-api/shared";
import type { RequestIdVariables } from "@dream-api/shared/hono";
import type { Context } from "hono";

/** Who is calling, as authentication established it. Tenant data is always filtered by `platformId`. */
export interface AuthContext {
  platformId: string;
  publishableKey: string;
  mode: KeyMode;
  keyId: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: RequestIdVariables & {
    auth: AuthContext;
    /** The request's clock reading; injected so tests can move time. */
    now: Date;
  };
}

export type AppContext = Context<AppEnv>;

/**
 * What services get instead of the HTTP context: the bindings, the tenant
 * authentication produced, and the clock. Services know nothing of HTTP.
 */
export interface ServiceContext {
  env: Env;
  waitUntil: (promise: Promise<unknown>) => void;
  platformId: string;
  publishableKey: string;
  now: Date;
}

export function serviceContext(c: AppContext): ServiceContext {
  const auth = c.get("auth");
  return {
    env: c.env,
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    platformId: auth.platformId,
    publishableKey: auth.publishableKey,
    now: c.get("now"),
  };
}
