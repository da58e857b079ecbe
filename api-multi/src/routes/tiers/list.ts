import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { respond, serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { modeQuery } from "../../schemas";
import { listActiveTiers } from "../../services/tiers/list";

export const listTiersOperation = defineOperation<AppEnv>({
  method: "get",
  path: "/api/tiers",
  operationId: "tiers.list",
  tag: "Tiers",
  summary: "List tiers",
  description: "Your active tiers of the key's mode (or the `mode` a dashboard session names) in display order, with their Stripe price ids.",
  auth: ["secretKey", "developerSession"],
  request: { query: modeQuery },
  response: { status: 200, schema: responses.tiers, description: "The active tiers." },
  errors: ["invalid_request", "not_found"],
  handler: async (c) => {
    readQuery(c, modeQuery);
    return respond(c, { tiers: await listActiveTiers({ ctx: serviceContext(c) }) });
  },
});
