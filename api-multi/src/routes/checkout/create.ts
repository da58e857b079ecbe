import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { BODY_ERRORS, actingUserId, planSchema, redirectUrlSchema } from "../../schemas";
import { createEndUserCheckout } from "../../services/billing/checkout";

/** userId is optional here only for end-user tokens (which name their user); actingUserId enforces it. */
export const checkoutBody = z.strictObject({
  userId: z.string("must be a string").optional().meta({ description: "The paying end-user. Required with a secret key; with an end-user token it defaults to (and must be) the token's user." }),
  tier: planSchema.meta({ description: "A paid tier's name.", example: "pro" }),
  successUrl: redirectUrlSchema.optional().meta({ description: "Where Stripe sends the end-user after paying; with a live key, on one of your allowed origins." }),
  cancelUrl: redirectUrlSchema.optional().meta({ description: "Where Stripe sends the end-user who cancels." }),
});

export const createCheckoutOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/checkout",
  operationId: "checkout.create",
  tag: "Billing",
  summary: "Create a checkout session",
  description:
    "A Stripe Checkout session on your connected account for a paid tier. Send the end-user to `url`; Stripe's webhooks then move their plan. An end-user has at most one subscription per platform: while one is active, trialing or past due, checking out any subscription tier is 409 `already_subscribed`, whose body carries `portalUrl`, a billing-portal session where the end-user changes plan instead (one-off purchases stay open). With an end-user session token, `userId` defaults to (and must be) the token's user.",
  auth: ["secretKey", "endUserSession"],
  request: { body: { schema: checkoutBody, example: { userId: "user_42", tier: "pro", successUrl: "https://app.example.com/billing/done", cancelUrl: "https://app.example.com/pricing" } } },
  response: { status: 201, schema: responses.checkout, description: "Created." },
  errors: [
    ...BODY_ERRORS,
    "invalid_id",
    "forbidden",
    "unknown_tier",
    "sold_out",
    "already_subscribed",
    "conflict",
    "customer_not_found",
    "preview_limit_reached",
    "no_tiers_configured",
    "stripe_not_connected",
    "stripe_error",
  ],
  handler: async (c) => {
    const body = await readJsonBody(c, checkoutBody);
    const userId = actingUserId(c.get("auth"), body.userId, "userId");
    await limitPerEndUser(c, userId);
    return respond(c, await createEndUserCheckout({ ctx: serviceContext(c), input: { ...body, userId } }), 201);
  },
});
