import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { createPlatformPortal } from "../../services/billing/portal";

export const createPortalOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/portal",
  operationId: "billing.portal",
  tag: "Billing",
  summary: "Manage the subscription",
  description: "A billing-portal session for the developer's $15/month subscription; 404 `no_billing_account` before a subscription.",
  auth: ["developerSession"],
  request: { body: { schema: z.strictObject({}), example: {} } },
  response: { status: 201, schema: responses.portal, description: "Created: send the developer to `url`." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "no_billing_account", "stripe_error"],
  handler: async (c) => {
    await readJsonBody(c, z.strictObject({}));
    return c.json(await createPlatformPortal({ ctx: serviceContext(c) }), 201);
  },
});
