/**
 * oauth-api's operations: one file each, under routes/<resource>/<verb>.ts
 * (tiers are served at /products). The route table, the authentication each
 * route requires and the OpenAPI document (openapi/document.ts) are derived
 * from this list.
 */
import type { OperationDefinition } from "@dream-api/shared/hono";
import type { AppEnv } from "../context";
import { connectCallbackOperation } from "./connect/callback";
import { disconnectOperation } from "./connect/disconnect";
import { startConnectOperation } from "./connect/start";
import { archiveTierOperation } from "./tiers/archive";
import { copyTiersToLiveOperation } from "./tiers/copy-to-live";
import { createTiersOperation } from "./tiers/create";
import { listTiersOperation } from "./tiers/list";
import { updateTierOperation } from "./tiers/update";

export const OPERATIONS: readonly OperationDefinition<AppEnv>[] = [
  startConnectOperation,
  connectCallbackOperation,
  disconnectOperation,
  listTiersOperation,
  createTiersOperation,
  updateTierOperation,
  archiveTierOperation,
  copyTiersToLiveOperation,
];
