import type { DeveloperAppEnv, DeveloperServiceContext } from "@dream-api/shared/hono";
import type { Context } from "hono";

export interface AppEnv extends DeveloperAppEnv<Env> {}

export type AppContext = Context<AppEnv>;

/** What services get instead of the HTTP context. */
export type ServiceContext = DeveloperServiceContext<Env>;

export { developerServiceContext as serviceContext } from "@dream-api/shared/hono";
