import { readJsonBody, readQuery } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../context";
import { limitPerEndUser } from "../middleware/rate-limit";
import { endUserIdSchema, parseEndUserId, planSchema } from "../schemas";
import { createCustomer } from "../services/customers/create";
import { getCustomer } from "../services/customers/get";
import { listCustomers } from "../services/customers/list";
import { updateCustomerPlan } from "../services/customers/update";

export const createCustomerBody = z.strictObject({
  userId: endUserIdSchema.optional().meta({ description: "Your id for the end-user; defaults to its Clerk user id.", example: "user_42" }),
  email: z.email("must be a valid email address").max(254).meta({ example: "ada@example.com" }),
  plan: planSchema.optional().meta({ description: "A tier name; defaults to your cheapest tier." }),
});

export const updateCustomerBody = z.strictObject({ plan: planSchema.meta({ description: "The tier to move the end-user to.", example: "pro" }) });

export const listCustomersQuery = z.strictObject({
  limit: z.coerce.number("must be a number").int("must be a whole number").min(1).max(100).default(20).meta({ description: "Page size." }),
  cursor: z.string().max(512).optional().meta({ description: "`nextCursor` of the previous page." }),
  /** Prefix of a userId or email. */
  q: z.string().trim().min(1).max(128).optional().meta({ description: "Prefix of a userId or email." }),
});

export const customerRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    const input = await readJsonBody(c, createCustomerBody);
    const customer = await createCustomer({ ctx: serviceContext(c), input });
    return respond(c, { customer }, 201);
  })
  .get("/", async (c) => {
    const input = readQuery(c, listCustomersQuery);
    return respond(c, { ...(await listCustomers({ ctx: serviceContext(c), input })) });
  })
  .get("/:userId", async (c) => {
    const userId = parseEndUserId(c.req.param("userId"), "userId");
    await limitPerEndUser(c, userId);
    return respond(c, { customer: await getCustomer({ ctx: serviceContext(c), input: { userId } }) });
  })
  .patch("/:userId", async (c) => {
    const userId = parseEndUserId(c.req.param("userId"), "userId");
    const { plan } = await readJsonBody(c, updateCustomerBody);
    await limitPerEndUser(c, userId);
    return respond(c, { customer: await updateCustomerPlan({ ctx: serviceContext(c), input: { userId, plan } }) });
  });
