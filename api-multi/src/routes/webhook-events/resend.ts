import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { modeQuery } from "../../schemas";
import { resendEvent } from "../../services/outbound-webhooks/events";
import { eventIdPath, parseEventId } from "../webhook-endpoints/params";

export const resendWebhookEventOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/webhook-events/{eventId}/resend",
  operationId: "webhooks.events.resend",
  tag: "Webhooks",
  summary: "Resend an event",
  description: "Sends the event again, with the same id, to every enabled endpoint that takes it: one more attempt each, queued now.",
  auth: ["secretKey", "developerSession"],
  request: { params: eventIdPath, query: modeQuery },
  response: { status: 202, schema: webhookResponses.event, description: "The event, its deliveries pending again." },
  errors: ["invalid_id", "invalid_request", "not_found", "conflict"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    return respond(c, { event: await resendEvent({ ctx: serviceContext(c), input: { eventId: parseEventId(c.req.param("eventId")) } }) }, 202);
  },
});
