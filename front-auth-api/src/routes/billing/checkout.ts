import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { createPlatformCheckout } from "../../services/billing/checkout";

export const createCheckoutOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/checkout",
  operationId: "billing.checkout",
  tag: "Billing",
  summary: "Subscribe to the paid plan",
  description: "A Checkout session for the $15/month plan on the platform's Stripe account. While subscribed: 409 `already_subscribed` with `portalUrl`.",
  auth: ["developerSession"],
  request: { body: { schema: z.strictObject({}), example: {} } },
  response: { status: 201, schema: responses.checkout, description: "Created: send the developer to `url`." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "already_subscribed", "stripe_error"],
  handler: async (c) => {
    await readJsonBody(c, z.strictObject({}));
    return c.json(await createPlatformCheckout({ ctx: serviceContext(c) }), 201);
  },
});
