import { ApiError } from "@dream-api/shared";
import { defineOperation, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../../context";
import { responses } from "../../models";
import { revokeKey } from "../../services/credentials/revoke";

/** Key ids as issued (newId("apiKey")): `key_` and base62. */
const KEY_ID_PATTERN = /^key_[0-9A-Za-z]{1,64}$/;

export const revokeKeyOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/credentials/{keyId}/revoke",
  operationId: "credentials.revoke",
  tag: "Keys",
  summary: "Revoke a key pair",
  description:
    "Revokes one working pair now — a current one, or one still in a rotation's grace period (a leaked key). api-multi refuses it within the revocation bound. A mode whose current pair is revoked has none until POST /credentials.",
  auth: ["developerSession"],
  request: {
    params: z.strictObject({ keyId: z.string().regex(KEY_ID_PATTERN).meta({ description: "The pair's keyId, from GET /me.", example: "key_8dJ2kQ4mN8rT1vW3yZ5b" }) }),
    body: { schema: z.strictObject({}), example: {} },
  },
  response: { status: 200, schema: responses.credentials, description: "The remaining working keys." },
  errors: ["invalid_json", "invalid_request", "body_too_large", "invalid_id", "not_found"],
  handler: async (c) => {
    const keyId = c.req.param("keyId") ?? "";
    if (!KEY_ID_PATTERN.test(keyId)) throw new ApiError("invalid_id", "keyId must be a key id (key_…) from GET /me.", { param: "keyId" });
    await readJsonBody(c, z.strictObject({}));
    return c.json(await revokeKey({ ctx: serviceContext(c), input: { keyId } }));
  },
});
