import { tierNameSchema, validate } from "@dream-api/shared";
import { defineOperation, readQuery } from "@dream-api/shared/hono";
import { type AppEnv, tierModeQuery, tierServiceContext } from "../../context";
import { responses } from "../../models";
import { archiveTier } from "../../services/tiers/update";
import { tierNamePath } from "./update";

export const archiveTierOperation = defineOperation<AppEnv>({
  method: "delete",
  path: "/products/{name}",
  operationId: "tiers.archive",
  tag: "Tiers",
  summary: "Archive a tier",
  description: "Stops offering the tier: its Stripe product and price are archived, its subscribers keep their plan and limit, and its name stays taken.",
  auth: ["developerSession"],
  request: { query: tierModeQuery, params: tierNamePath },
  response: { status: 200, schema: responses.tier, description: "The archived tier." },
  errors: ["invalid_request", "not_found", "conflict", "stripe_not_connected", "stripe_error", "live_mode_unavailable"],
  handler: async (c) => {
    const name = validate(tierNameSchema, c.req.param("name"));
    return c.json({ tier: await archiveTier({ ctx: tierServiceContext(c, readQuery(c, tierModeQuery).mode), input: { name } }) });
  },
});
