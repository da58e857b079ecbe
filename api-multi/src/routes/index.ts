/**
 * api-multi's operations: one file each, under routes/<resource>/<verb>.ts.
 * The route table (app.ts), the authentication each route requires
 * (middleware/authenticate.ts) and the OpenAPI document (openapi/) are all
 * derived from this list: adding an operation is one file and one line here.
 */
import type { OperationDefinition } from "@dream-api/shared/hono";
import type { AppEnv } from "../context";
import { createCheckoutOperation } from "./checkout/create";
import { createCustomerOperation } from "./customers/create";
import { listCreditsOperation } from "./customers/credits-list";
import { moveCreditsOperation } from "./customers/credits-move";
import { deleteCustomerOperation } from "./customers/delete";
import { getCustomerOperation } from "./customers/get";
import { listCustomersOperation } from "./customers/list";
import { updateCustomerOperation } from "./customers/update";
import { getDashboardOperation } from "./dashboard/get";
import { getPublicPlatformOperation } from "./platforms/get-public";
import { joinPlatformOperation } from "./platforms/join";
import { createPortalOperation } from "./portal/create";
import { listTiersOperation } from "./tiers/list";
import { listPublicTiersOperation } from "./tiers/list-public";
import { checkUsageOperation } from "./usage/check";
import { trackUsageOperation } from "./usage/track";
import { receiveStripeEventOperation } from "./webhooks/stripe";
import { createWebhookEndpointOperation } from "./webhook-endpoints/create";
import { deleteWebhookEndpointOperation } from "./webhook-endpoints/delete";
import { getWebhookEndpointOperation } from "./webhook-endpoints/get";
import { listWebhookEndpointsOperation } from "./webhook-endpoints/list";
import { rotateWebhookEndpointSecretOperation } from "./webhook-endpoints/rotate-secret";
import { testWebhookEndpointOperation } from "./webhook-endpoints/test";
import { updateWebhookEndpointOperation } from "./webhook-endpoints/update";
import { getWebhookEventOperation } from "./webhook-events/get";
import { listWebhookEventsOperation } from "./webhook-events/list";
import { resendWebhookEventOperation } from "./webhook-events/resend";
import { getLogOperation } from "./logs/get";
import { listLogsOperation } from "./logs/list";

export const OPERATIONS: readonly OperationDefinition<AppEnv>[] = [
  trackUsageOperation,
  checkUsageOperation,
  createCustomerOperation,
  listCustomersOperation,
  getCustomerOperation,
  updateCustomerOperation,
  deleteCustomerOperation,
  listCreditsOperation,
  moveCreditsOperation,
  listTiersOperation,
  listPublicTiersOperation,
  getPublicPlatformOperation,
  joinPlatformOperation,
  createCheckoutOperation,
  createPortalOperation,
  getDashboardOperation,
  receiveStripeEventOperation,
  createWebhookEndpointOperation,
  listWebhookEndpointsOperation,
  getWebhookEndpointOperation,
  updateWebhookEndpointOperation,
  deleteWebhookEndpointOperation,
  rotateWebhookEndpointSecretOperation,
  testWebhookEndpointOperation,
  listWebhookEventsOperation,
  getWebhookEventOperation,
  resendWebhookEventOperation,
  listLogsOperation,
  getLogOperation,
];
