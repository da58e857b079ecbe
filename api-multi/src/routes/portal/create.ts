import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { BODY_ERRORS, actingUserId, redirectUrlSchema } from "../../schemas";
import { createEndUserPortal } from "../../services/billing/portal";

export const portalBody = z.strictObject({
  userId: z.string("must be a string").optional().meta({ description: "Required with a secret key; with an end-user token it defaults to (and must be) the token's user." }),
  returnUrl: redirectUrlSchema.optional().meta({ description: "Where the portal's back link goes." }),
});

export const createPortalOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/portal",
  operationId: "portal.create",
  tag: "Billing",
  summary: "Create a billing portal session",
  description: "A Stripe billing portal session where an end-user with a subscription manages or cancels it.",
  auth: ["secretKey", "endUserSession"],
  request: { body: { schema: portalBody, example: { userId: "user_42", returnUrl: "https://app.example.com/account" } } },
  response: { status: 201, schema: responses.portal, description: "Created." },
  errors: [...BODY_ERRORS, "invalid_id", "forbidden", "customer_not_found", "no_billing_account", "conflict", "preview_limit_reached", "no_tiers_configured", "stripe_not_connected", "stripe_error"],
  handler: async (c) => {
    const body = await readJsonBody(c, portalBody);
    const userId = actingUserId(c.get("auth"), body.userId, "userId");
    await limitPerEndUser(c, userId);
    return respond(c, await createEndUserPortal({ ctx: serviceContext(c), input: { userId, returnUrl: body.returnUrl } }), 201);
  },
});
