import { ApiError } from "@dream-api/shared";
import { readJsonBody } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../context";
import { issueCredentials } from "../services/credentials/issue";
import { revokeKey } from "../services/credentials/revoke";
import { rotateCredentials } from "../services/credentials/rotate";

const MAX_GRACE_SECONDS = 7 * 24 * 3600;

/** Key ids as issued (newId("apiKey")): `key_` and base62. */
const KEY_ID_PATTERN = /^key_[0-9A-Za-z]{1,64}$/;

const rotateBody = z.strictObject({
  mode: z.enum(["test", "live"]).optional(),
  gracePeriodSeconds: z.number("must be a number").int("must be a whole number").min(0).max(MAX_GRACE_SECONDS, "must be at most 7 days (604800)").default(0),
});

export const credentialRoutes = new Hono<AppEnv>()
  .post("/", async (c) => {
    await readJsonBody(c, z.strictObject({}));
    const { credentials, created } = await issueCredentials({ ctx: serviceContext(c) });
    return c.json(credentials, created ? 201 : 200);
  })
  .post("/rotate", async (c) => {
    const input = await readJsonBody(c, rotateBody);
    return c.json(await rotateCredentials({ ctx: serviceContext(c), input }), 201);
  })
  .post("/:keyId/revoke", async (c) => {
    const keyId = c.req.param("keyId");
    if (!KEY_ID_PATTERN.test(keyId)) throw new ApiError("invalid_id", "keyId must be a key id (key_…) from GET /me.", { param: "keyId" });
    await readJsonBody(c, z.strictObject({}));
    return c.json(await revokeKey({ ctx: serviceContext(c), input: { keyId } }));
  });
