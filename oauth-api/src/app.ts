/** Wires oauth-api. Its routes land with their issue; the error model and health check are shared. */
import { createBaseApp, type RequestIdVariables } from "@dream-api/shared/hono";

export interface AppEnv {
  Bindings: Env;
  Variables: RequestIdVariables;
}

export function createApp() {
  return createBaseApp<AppEnv>("oauth-api");
}
