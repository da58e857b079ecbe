import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { BODY_ERRORS, parseEndUserId, planSchema, userIdPath } from "../../schemas";
import { updateCustomerPlan } from "../../services/customers/update";

export const updateCustomerBody = z.strictObject({ plan: planSchema.meta({ description: "The tier to move the end-user to.", example: "pro" }) });

export const updateCustomerOperation = defineOperation<AppEnv>({
  method: "patch",
  path: "/api/customers/{userId}",
  operationId: "customers.update",
  tag: "Customers",
  summary: "Change a customer's plan",
  description: "Moves an end-user to another tier (an admin override: no payment is taken). Usage counted this period is kept.",
  auth: ["secretKey"],
  request: { params: userIdPath, body: { schema: updateCustomerBody, example: { plan: "pro" } } },
  response: { status: 200, schema: responses.customer, description: "The customer on its new plan." },
  errors: [...BODY_ERRORS, "invalid_id", "unknown_plan", "customer_not_found"],
  handler: async (c) => {
    const userId = parseEndUserId(c.req.param("userId"), "userId");
    const { plan } = await readJsonBody(c, updateCustomerBody);
    await limitPerEndUser(c, userId);
    return respond(c, { customer: await updateCustomerPlan({ ctx: serviceContext(c), input: { userId, plan } }) });
  },
});
