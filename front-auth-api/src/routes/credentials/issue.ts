import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { issueCredentials } from "../../services/credentials/issue";

export const issueCredentialsOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/credentials",
  operationId: "credentials.issue",
  tag: "Keys",
  summary: "Issue credentials",
  description:
    "The platform's key pairs: a test pair always, a live pair once the developer is on the paid plan. Idempotent: a pair that exists is returned as prefixes; a secret appears only in the response that created it.",
  auth: ["developerSession"],
  request: { body: { schema: z.strictObject({}), example: {} } },
  response: {
    status: 201,
    schema: responses.credentials,
    description: "A pair was created: its `secretKey` is in this response, and only here.",
    also: { status: 200, description: "Every pair the plan allows exists already: prefixes only." },
  },
  errors: ["invalid_json", "invalid_request", "body_too_large"],
  handler: async (c) => {
    await readJsonBody(c, z.strictObject({}));
    const { credentials, created } = await issueCredentials({ ctx: serviceContext(c) });
    return c.json(credentials, created ? 201 : 200);
  },
});
