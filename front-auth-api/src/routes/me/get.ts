import { defineOperation } from "@dream-api/shared/hono";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { describeDeveloper } from "../../services/me";

export const getMeOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/me",
  operationId: "me.get",
  tag: "Account",
  summary: "The signed-in developer",
  description: "Plan, metered usage this month, keys (prefixes only), Stripe connection and the $15/month subscription. The developer's platform is created on the first authenticated call.",
  auth: ["developerSession"],
  response: { status: 200, schema: responses.me, description: "The developer." },
  errors: [],
  handler: async (c) => c.json(await describeDeveloper({ ctx: serviceContext(c) })),
});
