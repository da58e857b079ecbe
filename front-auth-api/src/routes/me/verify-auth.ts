import { defineOperation } from "@dream-api/shared/hono";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { meterDeveloperCall } from "../../services/metering";

export const verifyAuthOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/verify-auth",
  operationId: "me.verifyAuth",
  tag: "Account",
  summary: "The metered call",
  description:
    "Verifies the session and counts one call against the plan's monthly allowance (free 5, paid 500 by default). At the limit: 403 `platform_limit_reached` with `usage` and, on the free plan, an `upgrade` hint. Only this call is metered.",
  auth: ["developerSession"],
  response: { status: 200, schema: responses.verifyAuth, description: "Counted." },
  errors: ["platform_limit_reached"],
  handler: async (c) => {
    const ctx = serviceContext(c);
    const usage = await meterDeveloperCall({ ctx });
    return c.json({ developerId: ctx.developerId, plan: ctx.platform.plan, usage });
  },
});
