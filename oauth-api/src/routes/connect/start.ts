import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { startConnect } from "../../services/connect/connect";

export const startConnectOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/connect/start",
  operationId: "connect.start",
  tag: "Connect",
  summary: "Start connecting Stripe",
  description: "The URL of Stripe's authorize page (Connect Standard, `scope=read_write`) with a signed, expiring (10 minutes), single-use `state` bound to the developer.",
  auth: ["developerSession"],
  request: { body: { schema: z.strictObject({}), example: {} } },
  response: { status: 201, schema: responses.connectStart, description: "Send the developer's browser to `url`." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "conflict"],
  handler: async (c) => {
    await readJsonBody(c, z.strictObject({}));
    return c.json(await startConnect({ ctx: serviceContext(c) }), 201);
  },
});
