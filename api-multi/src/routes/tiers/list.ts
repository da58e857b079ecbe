import { defineOperation } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { listActiveTiers } from "../../services/tiers/list";

export const listTiersOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/tiers",
  operationId: "tiers.list",
  tag: "Tiers",
  summary: "List tiers",
  description: "Your active tiers in display order, with their Stripe price ids.",
  auth: ["secretKey", "developerSession"],
  response: { status: 200, schema: responses.tiers, description: "The active tiers." },
  errors: ["not_found"],
  handler: async (c) => respond(c, { tiers: await listActiveTiers({ ctx: serviceContext(c) }) }),
});
