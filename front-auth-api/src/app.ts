/**
 * Wires front-auth-api: the shared worker skeleton, with the route table
 * derived from the operation definitions (routes/, plus health and
 * /openapi.json); developer-session operations behind the session check and
 * the per-developer rate limit.
 */
import { systemClock, type Clock } from "@dream-api/shared";
import { createDeveloperWorkerApp } from "@dream-api/shared/hono";
import { config } from "./config";
import type { AppEnv } from "./context";
import { ALL_OPERATIONS } from "./openapi/document";

export interface AppDependencies {
  clock?: Clock;
}

export function createApp({ clock = systemClock }: AppDependencies = {}) {
  return createDeveloperWorkerApp<AppEnv>({ worker: "front-auth-api", clock, operations: ALL_OPERATIONS, config });
}
