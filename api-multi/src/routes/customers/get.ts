import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { modeQuery, parseEndUserId, userIdPath } from "../../schemas";
import { getCustomer } from "../../services/customers/get";

export const getCustomerOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/customers/{userId}",
  operationId: "customers.get",
  tag: "Customers",
  summary: "Get a customer",
  description: "One end-user with plan, usage this period and latest subscription.",
  auth: ["secretKey", "developerSession"],
  request: { params: userIdPath, query: modeQuery },
  response: { status: 200, schema: responses.customer, description: "The customer." },
  errors: ["invalid_request", "invalid_id", "customer_not_found", "not_found"],
  handler: async (c) => {
    const userId = parseEndUserId(c.req.param("userId"), "userId");
    readQuery(c, modeQuery);
    await limitPerEndUser(c, userId);
    return respond(c, { customer: await getCustomer({ ctx: serviceContext(c), input: { userId } }) });
  },
});
