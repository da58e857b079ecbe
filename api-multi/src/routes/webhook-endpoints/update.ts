import { defineOperation, readJsonBody, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { BODY_ERRORS, modeQuery } from "../../schemas";
import { updateEndpoint } from "../../services/outbound-webhooks/endpoints";
import { endpointDescription, endpointEvents, endpointIdPath, endpointUrl, parseEndpointId } from "./params";

export const updateWebhookEndpointBody = z.strictObject({
  url: endpointUrl.optional(),
  events: endpointEvents.optional(),
  description: endpointDescription.optional(),
  enabled: z.boolean("must be true or false").optional().meta({ description: "false stops deliveries to it; true resumes them (and clears a 'failing' state)." }),
});

export const updateWebhookEndpointOperation = defineOperation<AppEnv>({
  method: "patch",
  path: "/api/webhook-endpoints/{endpointId}",
  operationId: "webhooks.endpoints.update",
  tag: "Webhooks",
  summary: "Change a webhook endpoint",
  description: "Changes the given fields: url, events (null = every type), description, enabled. A disabled endpoint is sent nothing.",
  auth: ["secretKey", "developerSession"],
  request: { params: endpointIdPath, query: modeQuery, body: { schema: updateWebhookEndpointBody, example: { enabled: false } } },
  response: { status: 200, schema: webhookResponses.endpoint, description: "The endpoint as changed." },
  errors: [...BODY_ERRORS, "invalid_id", "not_found"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    const endpointId = parseEndpointId(c.req.param("endpointId"));
    const change = await readJsonBody(c, updateWebhookEndpointBody);
    return respond(c, { endpoint: await updateEndpoint({ ctx: serviceContext(c), input: { endpointId, ...change } }) });
  },
});
