import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { disconnect } from "../../services/connect/connect";

export const disconnectOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/connect/disconnect",
  operationId: "connect.disconnect",
  tag: "Connect",
  summary: "Disconnect Stripe",
  description: "Deauthorizes the platform on the developer's account and marks it disconnected at once; checkouts then answer 409 `stripe_not_connected` until Stripe is connected again.",
  auth: ["developerSession"],
  request: { body: { schema: z.strictObject({}), example: {} } },
  response: { status: 200, schema: responses.disconnected, description: "Disconnected." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "stripe_not_connected", "stripe_error"],
  handler: async (c) => {
    await readJsonBody(c, z.strictObject({}));
    return c.json(await disconnect({ ctx: serviceContext(c) }));
  },
});
