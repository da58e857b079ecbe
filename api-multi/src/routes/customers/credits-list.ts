import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { modeQueryFields, parseEndUserId, userIdPath } from "../../schemas";
import { listCredits } from "../../services/credits/grants";

export const listCreditsQuery = z.strictObject({
  limit: z.coerce.number("must be a number").int("must be a whole number").min(1).max(100).default(20).meta({ description: "Movements per page." }),
  cursor: z.string().max(512).optional().meta({ description: "`nextCursor` of the previous page." }),
  ...modeQueryFields,
});

export const listCreditsOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/customers/{userId}/credits",
  operationId: "customers.credits.list",
  tag: "Credits",
  summary: "Get a customer's credits",
  description:
    "The end-user's unexpired credit balance and its grants and deductions, newest first, each grant with what remains of it. Tracks spend credits only once the period's allowance is used up, from the grants that expire first.",
  auth: ["secretKey", "developerSession"],
  request: { params: userIdPath, query: listCreditsQuery },
  response: { status: 200, schema: responses.credits, description: "The balance and a page of movements." },
  errors: ["invalid_request", "invalid_id", "customer_not_found", "not_found"],
  handler: async (c) => {
    const userId = parseEndUserId(c.req.param("userId"), "userId");
    const { mode: _mode, ...query } = readQuery(c, listCreditsQuery);
    await limitPerEndUser(c, userId);
    return respond(c, await listCredits({ ctx: serviceContext(c), input: { userId, ...query } }));
  },
});
