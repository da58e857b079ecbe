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
export const trackBody = z.strictObject({
  userId: z.string("must be a string").optional().meta({ description: "Your id for the end-user (1–128 of A–Z a–z 0–9 _ . : @ + -); or send it as X-User-Id.", example: "user_42" }),
  amount: z.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(1).meta({ description: "Units to count." }),
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
