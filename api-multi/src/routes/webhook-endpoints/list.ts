import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { modeQuery } from "../../schemas";
import { listEndpoints } from "../../services/outbound-webhooks/endpoints";

export const listWebhookEndpointsOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/webhook-endpoints",
  operationId: "webhooks.endpoints.list",
  tag: "Webhooks",
  summary: "List webhook endpoints",
  description: "Your endpoints in this mode, oldest first (secrets are never shown again, only their prefix).",
  auth: ["secretKey", "developerSession"],
  request: { query: modeQuery },
  response: { status: 200, schema: webhookResponses.endpoints, description: "The endpoints." },
  errors: ["invalid_request"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    return respond(c, { endpoints: await listEndpoints({ ctx: serviceContext(c) }) });
  },
});
