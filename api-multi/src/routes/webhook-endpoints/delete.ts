import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { modeQuery } from "../../schemas";
import { deleteEndpoint } from "../../services/outbound-webhooks/endpoints";
import { endpointIdPath, parseEndpointId } from "./params";

export const deleteWebhookEndpointOperation = defineOperation<AppEnv>({
  method: "delete",
  path: "/api/webhook-endpoints/{endpointId}",
  operationId: "webhooks.endpoints.delete",
  tag: "Webhooks",
  summary: "Delete a webhook endpoint",
  description: "Deletes the endpoint and its delivery log; pending retries to it stop.",
  auth: ["secretKey", "developerSession"],
  request: { params: endpointIdPath, query: modeQuery },
  response: { status: 200, schema: webhookResponses.deletedEndpoint, description: "Deleted." },
  errors: ["invalid_id", "invalid_request", "not_found"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    const endpointId = parseEndpointId(c.req.param("endpointId"));
    await deleteEndpoint({ ctx: serviceContext(c), input: { endpointId } });
    return respond(c, { endpointId, deleted: true as const });
  },
});
