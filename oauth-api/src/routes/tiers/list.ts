import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { type AppEnv, tierModeQuery, tierServiceContext } from "../../context";
import { responses } from "../../models";
import { listAllTiers } from "../../services/tiers/list";

export const listTiersOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/products",
  operationId: "tiers.list",
  tag: "Tiers",
  summary: "List tiers",
  description: "Every tier of the platform, archived ones included (flagged), in display order.",
  auth: ["developerSession"],
  request: { query: tierModeQuery },
  response: { status: 200, schema: responses.tiers, description: "The tiers." },
  errors: ["invalid_request"],
  handler: async (c) => c.json({ tiers: await listAllTiers({ ctx: tierServiceContext(c, readQuery(c, tierModeQuery).mode) }) }),
});
