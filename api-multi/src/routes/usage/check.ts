import { defineOperation } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { actingUserId, userIdHeader } from "../../schemas";
import { checkEndUserUsage } from "../../services/usage/check";

export const checkUsageOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/usage",
  operationId: "usage.check",
  tag: "Usage",
  summary: "Check usage",
  description: "Reads an end-user's usage without counting. With an end-user session token the user is the token's; naming another is 403.",
  auth: ["secretKey", "endUserSession"],
  request: {
    query: z.strictObject({ userId: userIdHeader.optional() }),
    headers: z.strictObject({ "X-User-Id": userIdHeader.optional() }),
  },
  response: { status: 200, schema: responses.usage, description: "The usage in the current period." },
  errors: ["invalid_request", "invalid_id", "forbidden", "customer_not_found", "preview_limit_reached", "no_tiers_configured", "conflict"],
  handler: async (c) => {
    const userId = actingUserId(c.get("auth"), c.req.header("X-User-Id") ?? c.req.query("userId"), "userId");
    await limitPerEndUser(c, userId);
    return respond(c, { usage: await checkEndUserUsage({ ctx: serviceContext(c), input: { userId } }) });
  },
});
