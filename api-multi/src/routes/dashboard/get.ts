import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { modeQuery } from "../../schemas";
import { getDashboard } from "../../services/dashboard";

export const getDashboardOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/dashboard",
  operationId: "dashboard.get",
  tag: "Dashboard",
  summary: "Get the dashboard",
  description:
    "Customers, usage, subscriptions, tiers, keys (prefixes only), MRR, active subscriptions and recent webhook events of your platform, in one mode: the key's, or the `mode` a dashboard session names.",
  auth: ["secretKey", "developerSession"],
  request: { query: modeQuery },
  response: { status: 200, schema: responses.dashboard, description: "The dashboard." },
  errors: ["invalid_request", "not_found"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    return respond(c, { ...(await getDashboard({ ctx: serviceContext(c) })) });
  },
});
