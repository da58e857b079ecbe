import { tierNameSchema, tierPatchSchema, validate } from "@dream-api/shared";
import { defineOperation, readJsonBody, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { type AppEnv, tierModeQuery, tierServiceContext } from "../../context";
import { responses } from "../../models";
import { updateTier } from "../../services/tiers/update";

export const tierNamePath = z.strictObject({ name: tierNameSchema.meta({ description: "The tier's name.", example: "pro" }) });

export const updateTierOperation = defineOperation<AppEnv>({
  method: "patch",
  path: "/products/{name}",
  operationId: "tiers.update",
  tag: "Tiers",
  summary: "Change a tier",
  description:
    "Any field but `name` and `kind`. A price change makes a new Stripe price and archives the old one (existing subscribers go on). Applies only to the tier as it was read: a concurrent change makes it 409 `conflict` with nothing changed.",
  auth: ["developerSession"],
  request: { query: tierModeQuery, params: tierNamePath, body: { schema: tierPatchSchema, example: { price: 2900, features: ["25k calls"] } } },
  response: { status: 200, schema: responses.tier, description: "The tier as stored." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "not_found", "conflict", "stripe_not_connected", "stripe_error", "live_mode_unavailable"],
  handler: async (c) => {
    const name = validate(tierNameSchema, c.req.param("name"));
    const patch = await readJsonBody(c, tierPatchSchema);
    return c.json({ tier: await updateTier({ ctx: tierServiceContext(c, readQuery(c, tierModeQuery).mode), input: { name, patch } }) });
  },
});
