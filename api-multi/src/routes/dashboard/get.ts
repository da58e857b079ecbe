import { defineOperation } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { getDashboard } from "../../services/dashboard";

export const getDashboardOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/dashboard",
  operationId: "dashboard.get",
  tag: "Dashboard",
  summary: "Get the dashboard",
  description: "Customers, usage, subscriptions, tiers, keys (prefixes only), MRR, active subscriptions and recent webhook events of your platform.",
  auth: ["secretKey", "developerSession"],
  response: { status: 200, schema: responses.dashboard, description: "The dashboard." },
  errors: ["not_found"],
  handler: async (c) => respond(c, { ...(await getDashboard({ ctx: serviceContext(c) })) }),
});
