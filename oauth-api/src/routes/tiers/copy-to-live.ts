import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { type AppEnv, tierServiceContext } from "../../context";
import { responses } from "../../models";
import { copyTestTiersToLive } from "../../services/tiers/copy-to-live";

const copyBody = z.strictObject({});

export const copyTiersToLiveOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/products/copy-to-live",
  operationId: "tiers.copyToLive",
  tag: "Tiers",
  summary: "Copy test tiers to live",
  description:
    "Going live: each active test tier without a live tier of the same name is created in live mode, with its own product and price on the connected account in live mode. All land or none; running it again copies nothing twice. Needs the paid plan and a connected Stripe account.",
  auth: ["developerSession"],
  request: { body: { schema: copyBody, example: {} } },
  response: { status: 200, schema: responses.copiedTiers, description: "The live tiers after the copy, and the names copied now." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "conflict", "live_mode_unavailable", "stripe_not_connected", "stripe_error"],
  handler: async (c) => {
    await readJsonBody(c, copyBody);
    return c.json(await copyTestTiersToLive({ ctx: tierServiceContext(c, "live") }));
  },
});
