import { defineOperation, noteLogUserId, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { BODY_ERRORS, endUserIdSchema, planSchema } from "../../schemas";
import { createCustomer } from "../../services/customers/create";

export const createCustomerBody = z.strictObject({
  userId: endUserIdSchema.optional().meta({ description: "Your id for the end-user; defaults to its Clerk user id.", example: "user_42" }),
  email: z.email("must be a valid email address").max(254).meta({ example: "ada@example.com" }),
  plan: planSchema.optional().meta({ description: "A tier name; defaults to your cheapest tier." }),
});

export const createCustomerOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/customers",
  operationId: "customers.create",
  tag: "Customers",
  summary: "Create a customer",
  description: "Registers an end-user: a user in the shared end-user Clerk app, and a customer on `plan` (default: your cheapest tier). Without `userId`, the Clerk user id becomes the userId.",
  auth: ["secretKey"],
  request: { body: { schema: createCustomerBody, example: { userId: "user_42", email: "ada@example.com", plan: "free" } } },
  response: { status: 201, schema: responses.customer, description: "Created." },
  errors: [...BODY_ERRORS, "invalid_id", "unknown_plan", "customer_exists", "email_in_use", "no_tiers_configured", "preview_limit_reached", "clerk_error"],
  handler: async (c) => {
    const input = await readJsonBody(c, createCustomerBody);
    const customer = await createCustomer({ ctx: serviceContext(c), input });
    noteLogUserId(c, customer.userId);
    return respond(c, { customer }, 201);
  },
});
