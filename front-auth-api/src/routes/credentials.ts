import { readJsonBody } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { z } from "zod";
import { serviceContext, type AppEnv } from "../context";
import { issueCredentials } from "../services/credentials/issue";
import { rotateCredentials } from "../services/credentials/rotate";

const MAX_GRACE_SECONDS = 7 * 24 * 3600;

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
  });
