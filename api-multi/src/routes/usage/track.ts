import type { ErrorBody } from "@dream-api/shared";
import { defineOperation, noteErrorCode, readJsonBody } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { BODY_ERRORS, parseEndUserId, userIdHeader } from "../../schemas";
import { IDEMPOTENCY_KEY_PATTERN, idempotentTrack, parseIdempotencyKey } from "../../services/usage/idempotent-track";
import { trackEndUserUsage } from "../../services/usage/track";

/** `userId` is validated by parseEndUserId (so a bad one is 400 invalid_id), the rest here. */
export const trackBody = z.strictObject({
  userId: z.string("must be a string").optional().meta({ description: "Your id for the end-user (1–128 of A–Z a–z 0–9 _ . : @ + -); or send it as X-User-Id.", example: "user_42" }),
  amount: z.number("must be a number").int("must be a whole number").min(1, "must be at least 1").max(1000, "must be at most 1000").default(1).meta({ description: "Units to count." }),
});

export const trackUsageOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/usage/track",
  operationId: "usage.track",
  tag: "Usage",
  summary: "Track usage",
  description:
    "Counts `amount` for an end-user, atomically against the tier's monthly limit: either the whole amount is counted and the call answers 200 with the usage after it, or nothing is counted and it answers 403 `usage_limit_exceeded` with the usage that refused it. An unknown userId is registered on your cheapest tier. Send an `Idempotency-Key` to make retries safe: the same key within 24 hours replays the first answer (header `Idempotent-Replayed: true`) and counts nothing; a retry that arrives while the first call is still running waits briefly for its answer, else is 409 `idempotency_key_in_progress` with `Retry-After: 1`.",
  auth: ["secretKey"],
  request: {
    headers: z.strictObject({
      "X-User-Id": userIdHeader.optional(),
      "Idempotency-Key": z.string().regex(IDEMPOTENCY_KEY_PATTERN).optional().meta({ description: "1–255 visible ASCII characters, unique per logical call; kept 24 hours.", example: "job_7781" }),
    }),
    body: { schema: trackBody, example: { userId: "user_42", amount: 1 } },
  },
  response: {
    status: 200,
    schema: responses.usage,
    description: "Counted. The usage after this call.",
    headers: { "Idempotent-Replayed": "`true` when this is the stored answer of an earlier call with the same Idempotency-Key." },
  },
  errors: [...BODY_ERRORS, "invalid_id", "usage_limit_exceeded", "preview_limit_reached", "no_tiers_configured", "idempotency_key_reused", "idempotency_key_in_progress", "conflict"],
  handler: async (c) => {
    const body = await readJsonBody(c, trackBody);
    const userId = parseEndUserId(body.userId ?? c.req.header("X-User-Id"), "userId");
    const idempotencyKey = parseIdempotencyKey(c.req.header("Idempotency-Key"));
    await limitPerEndUser(c, userId);
    // X-User-Plan is accepted for compatibility and ignored: the stored plan decides.
    const ctx = serviceContext(c);
    if (!idempotencyKey) return respond(c, { usage: await trackEndUserUsage({ ctx, input: { userId, amount: body.amount, requestId: c.get("requestId") } }) });
    const result = await idempotentTrack({ ctx, input: { key: idempotencyKey, userId, amount: body.amount, requestId: c.get("requestId") } });
    if (result.replayed) c.header("Idempotent-Replayed", "true");
    // An error answered under the key (now or replayed) is in the shared shape: its code goes to the log line.
    if (result.status >= 400) noteErrorCode(c, (result.body as ErrorBody).error.code);
    return c.json(result.body as object, result.status as 200);
  },
});
