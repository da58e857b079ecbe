import { readJsonBody } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../context";
import { limitPerEndUser } from "../middleware/rate-limit";
import { actingUserId, planSchema, redirectUrlSchema } from "../schemas";
import { createEndUserCheckout } from "../services/billing/checkout";
import { createEndUserPortal } from "../services/billing/portal";

/** userId is optional here only for end-user tokens (which name their user); actingUserId enforces it. */
const checkoutBody = z.strictObject({
  userId: z.string("must be a string").optional(),
  tier: planSchema,
  successUrl: redirectUrlSchema.optional(),
  cancelUrl: redirectUrlSchema.optional(),
});

const portalBody = z.strictObject({
  userId: z.string("must be a string").optional(),
  returnUrl: redirectUrlSchema.optional(),
});

export const billingRoutes = new Hono<AppEnv>()
  .post("/checkout", async (c) => {
    const body = await readJsonBody(c, checkoutBody);
    const userId = actingUserId(c.get("auth"), body.userId, "userId");
    await limitPerEndUser(c, userId);
    const session = await createEndUserCheckout({ ctx: serviceContext(c), input: { ...body, userId } });
    return respond(c, session, 201);
  })
  .post("/portal", async (c) => {
    const body = await readJsonBody(c, portalBody);
    const userId = actingUserId(c.get("auth"), body.userId, "userId");
    await limitPerEndUser(c, userId);
    return respond(c, await createEndUserPortal({ ctx: serviceContext(c), input: { userId, returnUrl: body.returnUrl } }), 201);
  });
