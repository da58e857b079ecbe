import type { PlatformRecord } from "@dream-api/shared/db";
import type { DeveloperVariables, RequestIdVariables } from "@dream-api/shared/hono";
import type { Context } from "hono";

export interface AppEnv {
  Bindings: Env;
  Variables: RequestIdVariables & DeveloperVariables;
}

export type AppContext = Context<AppEnv>;

/** What services get instead of the HTTP context. */
export interface ServiceContext {
  env: Env;
  developerId: string;
  platform: PlatformRecord;
  now: Date;
}

export function serviceContext(c: AppContext): ServiceContext {
  return { env: c.env, developerId: c.get("developerId"), platform: c.get("platform"), now: c.get("now") };
}
