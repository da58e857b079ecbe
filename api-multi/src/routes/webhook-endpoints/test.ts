import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { modeQuery } from "../../schemas";
import { sendTestEvent } from "../../services/outbound-webhooks/endpoints";
import { endpointIdPath, parseEndpointId } from "./params";

export const testWebhookEndpointOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/webhook-endpoints/{endpointId}/test",
  operationId: "webhooks.endpoints.test",
  tag: "Webhooks",
  summary: "Send a test event",
  description: "Queues a `ping` event to this endpoint only (whatever types it subscribes to), signed and retried like any event. Its delivery appears in the event log.",
  auth: ["secretKey", "developerSession"],
  request: { params: endpointIdPath, query: modeQuery },
  response: { status: 202, schema: webhookResponses.event, description: "The ping, queued." },
  errors: ["invalid_id", "invalid_request", "not_found", "conflict"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    const event = await sendTestEvent({ ctx: serviceContext(c), input: { endpointId: parseEndpointId(c.req.param("endpointId")) } });
    return respond(c, { event }, 202);
  },
});
