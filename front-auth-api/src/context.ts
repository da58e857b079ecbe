import type { PlatformRecord } from "@dream-api/shared/db";
import type { RequestIdVariables } from "@dream-api/shared/hono";
import type { Context } from "hono";

export interface AppEnv {
  Bindings: Env;
  Variables: RequestIdVariables & {
    /** The developer's Clerk user id ("dream-api" app), from the verified session JWT. */
    developerId: string;
    /** The developer's platform row (created on the first authenticated call). */
    platform: PlatformRecord;
    now: Date;
  };
}

export type AppContext = Context<AppEnv>;

/** What services get instead of the HTTP context. */
export interface ServiceContext {
  env: Env;
  waitUntil: (promise: Promise<unknown>) => void;
  developerId: string;
  platform: PlatformRecord;
  now: Date;
}

export function serviceContext(c: AppContext): ServiceContext {
  return {
    env: c.env,
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    developerId: c.get("developerId"),
    platform: c.get("platform"),
    now: c.get("now"),
  };
}
