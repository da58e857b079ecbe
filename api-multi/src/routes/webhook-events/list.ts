import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { WEBHOOK_EVENT_TYPES } from "../../events/catalog";
import { webhookResponses } from "../../models";
import { endUserIdSchema, modeQueryFields } from "../../schemas";
import { listEvents } from "../../services/outbound-webhooks/events";

export const listWebhookEventsQuery = z.strictObject({
  limit: z.coerce.number("must be a number").int("must be a whole number").min(1).max(100).default(20).meta({ description: "Page size." }),
  cursor: z.string().max(512).optional().meta({ description: "`nextCursor` of the previous page." }),
  type: z
    .enum(WEBHOOK_EVENT_TYPES as [string, ...string[]], { error: `must be one of ${WEBHOOK_EVENT_TYPES.join(", ")}` })
    .optional()
    .meta({ description: "Only events of this type." }),
  userId: endUserIdSchema.optional().meta({ description: "Only events about this end-user." }),
  ...modeQueryFields,
});

export const listWebhookEventsOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/webhook-events",
  operationId: "webhooks.events.list",
  tag: "Webhooks",
  summary: "List events",
  description: "The events of the last 30 days in this mode, newest first, each with its deliveries and every attempt. Follow `nextCursor` for the next page.",
  auth: ["secretKey", "developerSession"],
  request: { query: listWebhookEventsQuery },
  response: { status: 200, schema: webhookResponses.events, description: "A page of events." },
  errors: ["invalid_request"],
  handler: async (c) => {
    const { mode: _mode, ...input } = readQuery(c, listWebhookEventsQuery);
    return respond(c, await listEvents({ ctx: serviceContext(c), input }));
  },
});
