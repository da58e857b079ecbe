import { readJsonBody } from "@dream-api/shared/hono";
import { Hono } from "hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../context";
import { limitPerEndUser } from "../middleware/rate-limit";
import { actingUserId, parseEndUserId } from "../schemas";
import { checkEndUserUsage } from "../services/usage/check";
import { idempotentTrack, parseIdempotencyKey } from "../services/usage/idempotent-track";
import { trackEndUserUsage } from "../services/usage/track";

/** `userId` is validated by parseEndUserId (so a bad one is 400 invalid_id), the rest here. */
const trackBody = z.strictObject({
  userId: z.string("must be a string").optional(),
  amount: z.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(1),
});

export const usageRoutes = new Hono<AppEnv>()
  .post("/track", async (c) => {
    const body = await readJsonBody(c, trackBody);
    const userId = parseEndUserId(body.userId ?? c.req.header("X-User-Id"), "userId");
    const idempotencyKey = parseIdempotencyKey(c.req.header("Idempotency-Key"));
    await limitPerEndUser(c, userId);
    // X-User-Plan is accepted for compatibility and ignored: the stored plan decides.
    const ctx = serviceContext(c);
    if (!idempotencyKey) return respond(c, { usage: await trackEndUserUsage({ ctx, input: { userId, amount: body.amount } }) });
    return idempotentTrack(c, { key: idempotencyKey, userId, amount: body.amount });
  })
  .get("/", async (c) => {
    const userId = actingUserId(c.get("auth"), c.req.header("X-User-Id") ?? c.req.query("userId"), "userId");
    await limitPerEndUser(c, userId);
    return respond(c, { usage: await checkEndUserUsage({ ctx: serviceContext(c), input: { userId } }) });
  });
