import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { modeQuery } from "../../schemas";
import { getEvent } from "../../services/outbound-webhooks/events";
import { eventIdPath, parseEventId } from "../webhook-endpoints/params";

export const getWebhookEventOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/webhook-events/{eventId}",
  operationId: "webhooks.events.get",
  tag: "Webhooks",
  summary: "Get an event",
  description: "One event of the last 30 days, with its deliveries and every attempt.",
  auth: ["secretKey", "developerSession"],
  request: { params: eventIdPath, query: modeQuery },
  response: { status: 200, schema: webhookResponses.event, description: "The event." },
  errors: ["invalid_id", "invalid_request", "not_found"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    return respond(c, { event: await getEvent({ ctx: serviceContext(c), input: { eventId: parseEventId(c.req.param("eventId")) } }) });
  },
});
