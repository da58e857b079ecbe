import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { modeQuery } from "../../schemas";
import { rotateEndpointSecret } from "../../services/outbound-webhooks/endpoints";
import { endpointIdPath, parseEndpointId } from "./params";

export const rotateWebhookEndpointSecretOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/webhook-endpoints/{endpointId}/rotate-secret",
  operationId: "webhooks.endpoints.rotateSecret",
  tag: "Webhooks",
  summary: "Rotate an endpoint's signing secret",
  description:
    "Issues a new signing secret, shown only in this answer. For 24 hours deliveries carry two signatures (the new secret's and the old one's), so you can deploy the new secret without missing a delivery.",
  auth: ["secretKey", "developerSession"],
  request: { params: endpointIdPath, query: modeQuery },
  response: { status: 200, schema: webhookResponses.endpointWithSecret, description: "The endpoint and its new secret (shown once)." },
  errors: ["invalid_id", "invalid_request", "not_found"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    return respond(c, await rotateEndpointSecret({ ctx: serviceContext(c), input: { endpointId: parseEndpointId(c.req.param("endpointId")) } }));
  },
});
