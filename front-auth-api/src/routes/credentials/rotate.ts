import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { rotateCredentials } from "../../services/credentials/rotate";

const MAX_GRACE_SECONDS = 7 * 24 * 3600;

const rotateBody = z.strictObject({
  mode: z.enum(["test", "live"]).optional().meta({ description: "Which pair to rotate; both when omitted." }),
  gracePeriodSeconds: z
    .number("must be a number")
    .int("must be a whole number")
    .min(0)
    .max(MAX_GRACE_SECONDS, "must be at most 7 days (604800)")
    .default(0)
    .meta({ description: "How long the old pair keeps working (0: revoked now; at most 7 days)." }),
});

export const rotateCredentialsOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/credentials/rotate",
  operationId: "credentials.rotate",
  tag: "Keys",
  summary: "Rotate keys",
  description: "New pair(s) for the same platformId; the old pair works for the grace period, then is refused (within the revocation bound when the grace period is shorter than it).",
  auth: ["developerSession"],
  request: { body: { schema: rotateBody, example: { mode: "test", gracePeriodSeconds: 3600 } } },
  response: { status: 201, schema: responses.credentials, description: "The new pair's `secretKey` is in this response, and only here." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "not_found", "conflict"],
  handler: async (c) => {
    const input = await readJsonBody(c, rotateBody);
    return c.json(await rotateCredentials({ ctx: serviceContext(c), input }), 201);
  },
});
