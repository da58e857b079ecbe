import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { requestLogResponses } from "../../models";
import { endUserIdSchema, modeQueryFields } from "../../schemas";
import { listRequestLogLines, type StatusFilter } from "../../services/logs/list";

export const listLogsQuery = z.strictObject({
  limit: z.coerce.number("must be a number").int("must be a whole number").min(1).max(100).default(50).meta({ description: "Page size." }),
  cursor: z.string().max(512).optional().meta({ description: "`nextCursor` of the previous page." }),
  status: z
    .string()
    .regex(/^[1-5](\d\d|xx)$/, "must be a status code (e.g. 404) or a class: 2xx, 4xx or 5xx")
    .optional()
    .meta({ description: "One status code (`429`) or a class (`2xx`, `4xx`, `5xx`).", example: "4xx" }),
  userId: endUserIdSchema.optional().meta({ description: "Only requests that acted for this end-user.", example: "user_42" }),
  route: z.string().min(1).max(256).optional().meta({ description: "Only this route pattern, exactly as the lines show it.", example: "/api/usage/track" }),
  ...modeQueryFields,
});

export const listLogsOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/logs",
  operationId: "logs.list",
  tag: "Logs",
  summary: "List requests",
  description:
    "Your platform's requests in this mode over the last 7 days, newest first: time, method, route pattern, status, error code, userId, latency and caller — never a body, a query string, a secret or an email. Lines are written off the request's path, so a request shows a few seconds after it was answered. Follow `nextCursor` for older ones.",
  auth: ["secretKey", "developerSession"],
  request: { query: listLogsQuery },
  response: { status: 200, schema: requestLogResponses.page, description: "A page of request-log lines." },
  errors: ["invalid_request", "invalid_id", "not_found"],
  handler: async (c) => {
    const { mode: _mode, status, ...input } = readQuery(c, listLogsQuery);
    return respond(c, await listRequestLogLines({ ctx: serviceContext(c), input: { ...input, status: status === undefined ? undefined : statusFilter(status) } }));
  },
});

function statusFilter(status: string): StatusFilter {
  return status.endsWith("xx") ? { class: Number(status[0]) as 1 | 2 | 3 | 4 | 5 } : { code: Number(status) };
}
