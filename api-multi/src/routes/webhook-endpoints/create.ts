import { defineOperation, readJsonBody, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { webhookResponses } from "../../models";
import { BODY_ERRORS, modeQuery } from "../../schemas";
import { createEndpoint } from "../../services/outbound-webhooks/endpoints";
import { endpointDescription, endpointEvents, endpointUrl } from "./params";

export const createWebhookEndpointBody = z.strictObject({
  url: endpointUrl,
  events: endpointEvents.optional(),
  description: endpointDescription.optional(),
});

export const createWebhookEndpointOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/webhook-endpoints",
  operationId: "webhooks.endpoints.create",
  tag: "Webhooks",
  summary: "Add a webhook endpoint",
  description:
    "Registers a URL to receive your events in this mode, signed as Standard Webhooks prescribe. The answer holds the signing secret (`whsec_…`) — the only time it is shown. Live endpoints must be https; at most 20 per mode.",
  auth: ["secretKey", "developerSession"],
  request: { query: modeQuery, body: { schema: createWebhookEndpointBody, example: { url: "https://api.example.com/webhooks/dream", events: ["usage.threshold_reached"] } } },
  response: { status: 201, schema: webhookResponses.endpointWithSecret, description: "The endpoint and its signing secret (shown once)." },
  errors: [...BODY_ERRORS, "conflict"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    const body = await readJsonBody(c, createWebhookEndpointBody);
    const created = await createEndpoint({ ctx: serviceContext(c), input: { url: body.url, events: body.events ?? null, description: body.description ?? null } });
    return respond(c, created, 201);
  },
});
