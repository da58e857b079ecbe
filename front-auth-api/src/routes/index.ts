/**
 * front-auth-api's operations: one file each, under routes/<resource>/<verb>.ts.
 * The route table, the authentication each route requires and the OpenAPI
 * document (openapi/document.ts) are derived from this list.
 */
import type { OperationDefinition } from "@dream-api/shared/hono";
import type { AppEnv } from "../context";
import { createCheckoutOperation } from "./billing/checkout";
import { createPortalOperation } from "./billing/portal";
import { issueCredentialsOperation } from "./credentials/issue";
import { revokeKeyOperation } from "./credentials/revoke";
import { rotateCredentialsOperation } from "./credentials/rotate";
import { getMeOperation } from "./me/get";
import { verifyAuthOperation } from "./me/verify-auth";
import { getSettingsOperation } from "./settings/get";
import { updateSettingsOperation } from "./settings/update";
import { receiveStripeEventOperation } from "./webhooks/stripe";

export const OPERATIONS: readonly OperationDefinition<AppEnv>[] = [
  getMeOperation,
  verifyAuthOperation,
  issueCredentialsOperation,
  rotateCredentialsOperation,
  revokeKeyOperation,
  createCheckoutOperation,
  createPortalOperation,
  getSettingsOperation,
  updateSettingsOperation,
  receiveStripeEventOperation,
];
