import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { modeQuery } from "../../schemas";
import { getEndpoint } from "../../services/outbound-webhooks/endpoints";
import { endpointIdPath, parseEndpointId } from "./params";

export const getWebhookEndpointOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/webhook-endpoints/{endpointId}",
  operationId: "webhooks.endpoints.get",
  tag: "Webhooks",
  summary: "Get a webhook endpoint",
  description: "One endpoint of this mode.",
  auth: ["secretKey", "developerSession"],
  request: { params: endpointIdPath, query: modeQuery },
  response: { status: 200, schema: webhookResponses.endpoint, description: "The endpoint." },
  errors: ["invalid_id", "invalid_request", "not_found"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    return respond(c, { endpoint: await getEndpoint({ ctx: serviceContext(c), input: { endpointId: parseEndpointId(c.req.param("endpointId")) } }) });
  },
});
