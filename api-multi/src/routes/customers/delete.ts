import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { modeQuery, parseEndUserId, userIdPath } from "../../schemas";
import { deleteCustomer } from "../../services/customers/delete";

export const deleteCustomerOperation = defineOperation<AppEnv>({
  method: "delete",
  path: "/api/customers/{userId}",
  operationId: "customers.delete",
  tag: "Customers",
  summary: "Delete a customer",
  description:
    "Deletes one of your customers and their usage counter, and removes the person from your app in the shared end-user Clerk app — only from yours: they stay a customer of any other app. Their payments and events stay on record. A customer whose subscription is still running is refused (409): cancel it first.",
  auth: ["secretKey"],
  request: { params: userIdPath, query: modeQuery },
  response: { status: 200, schema: responses.deletedCustomer, description: "The customer is gone." },
  errors: ["invalid_request", "invalid_id", "customer_not_found", "conflict", "clerk_error"],
  handler: async (c) => {
    const userId = parseEndUserId(c.req.param("userId"), "userId");
    readQuery(c, modeQuery);
    await limitPerEndUser(c, userId);
    return respond(c, await deleteCustomer({ ctx: serviceContext(c), input: { userId } }));
  },
});
