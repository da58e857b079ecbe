import { readJsonBody } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../context";
import { limitPerEndUser } from "../middleware/rate-limit";
import { actingUserId, planSchema, redirectUrlSchema } from "../schemas";
import { createEndUserCheckout } from "../services/billing/checkout";
import { createEndUserPortal } from "../services/billing/portal";

/** userId is optional here only for end-user tokens (which name their user); actingUserId enforces it. */
export const checkoutBody = z.strictObject({
  userId: z.string("must be a string").optional().meta({ description: "The paying end-user. Required with a secret key; with an end-user token it defaults to (and must be) the token's user." }),
  tier: planSchema.meta({ description: "A paid tier's name.", example: "pro" }),
  successUrl: redirectUrlSchema.optional().meta({ description: "Where Stripe sends the end-user after paying; with a live key, on one of your allowed origins." }),
  cancelUrl: redirectUrlSchema.optional().meta({ description: "Where Stripe sends the end-user who cancels." }),
});

export const portalBody = z.strictObject({
  userId: z.string("must be a string").optional().meta({ description: "Required with a secret key; with an end-user token it defaults to (and must be) the token's user." }),
  returnUrl: redirectUrlSchema.optional().meta({ description: "Where the portal's back link goes." }),
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
