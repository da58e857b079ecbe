import { validate } from "@dream-api/shared";
import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { requestLogResponses } from "../../models";
import { modeQuery } from "../../schemas";
import { getRequestLogLine } from "../../services/logs/get";

export const requestIdPath = z.strictObject({
  requestId: z
    .string()
    .max(64)
    .regex(/^req_[A-Za-z0-9]+$/, "must be a request id (req_…)")
    .meta({ description: "The request's `X-Request-Id`.", example: "req_4fT9kQ2mN7rT1vW3xY5z" }),
});

export const getLogOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/logs/{requestId}",
  operationId: "logs.get",
  tag: "Logs",
  summary: "Get a request",
  description: "One request of the last 7 days by its `X-Request-Id` (404 for another mode's, another platform's or an unknown one).",
  auth: ["secretKey", "developerSession"],
  request: { params: requestIdPath, query: modeQuery },
  response: { status: 200, schema: requestLogResponses.entry, description: "The request's line." },
  errors: ["invalid_request", "not_found"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    const { requestId } = validate(requestIdPath, { requestId: c.req.param("requestId") });
    return respond(c, { log: await getRequestLogLine({ ctx: serviceContext(c), input: { requestId } }) });
  },
});
