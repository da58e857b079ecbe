import { defineOperation, readJsonBody, readQuery } from "@dream-api/shared/hono";
import { z } from "zod";
import { respond, serviceContext, type AppEnv } from "../../context";
import { limitPerEndUser } from "../../middleware/rate-limit";
import { responses } from "../../models";
import { BODY_ERRORS, modeQuery, parseEndUserId, userIdPath } from "../../schemas";
import { moveCredits } from "../../services/credits/grants";
import { IDEMPOTENCY_KEY_PATTERN, parseIdempotencyKey } from "../../services/usage/idempotent-track";

export const MAX_CREDIT_MOVEMENT = 10_000_000;

export const moveCreditsBody = z.strictObject({
  amount: z
    .number("must be a number")
    .int("must be a whole number")
    .min(-MAX_CREDIT_MOVEMENT, `must be at least -${MAX_CREDIT_MOVEMENT}`)
    .max(MAX_CREDIT_MOVEMENT, `must be at most ${MAX_CREDIT_MOVEMENT}`)
    .refine((amount) => amount !== 0, "must not be 0")
    .meta({ description: "Credits to add (> 0) or take away (< 0; never below a zero balance).", example: 500 }),
  reason: z
    .string("must be a string")
    .trim()
    .min(1, "must not be empty")
    .max(200, "must be at most 200 characters")
    .meta({ description: "Why, for your records and the customer's history.", example: "Support credit for the outage of Dec 1" }),
  expiresAt: z.iso
    .datetime({ offset: true, error: "must be an ISO 8601 date-time, like 2027-01-31T00:00:00Z" })
    .transform((value) => new Date(value).toISOString())
    .optional()
    .meta({ description: "When a grant's credits expire (in the future); omit for credits that never expire. Not for deductions." }),
});

export const moveCreditsOperation = defineOperation<AppEnv>({
  method: "post",
  path: "/api/customers/{userId}/credits",
  operationId: "customers.credits.grant",
  tag: "Credits",
  summary: "Grant or deduct credits",
  description:
    "Adds credits to an end-user's balance (amount > 0), or takes them away (amount < 0) from the credits that expire first — refused whole with 409 `insufficient_credits` if the balance does not cover it. Send an `Idempotency-Key` to make retries safe: the same key with the same request answers the first result again (header `Idempotent-Replayed: true`) and moves nothing; with another request it is 409 `idempotency_key_reused`.",
  auth: ["secretKey", "developerSession"],
  request: {
    params: userIdPath,
    query: modeQuery,
    headers: z.strictObject({
      "Idempotency-Key": z.string().regex(IDEMPOTENCY_KEY_PATTERN).optional().meta({ description: "1–255 visible ASCII characters, unique per logical grant.", example: "grant_7781" }),
    }),
    body: { schema: moveCreditsBody, example: { amount: 500, reason: "Support credit for the outage of Dec 1" } },
  },
  response: {
    status: 201,
    schema: responses.creditMovement,
    description: "The movement and the balance after it.",
    headers: { "Idempotent-Replayed": "`true` when this is the result of an earlier call with the same Idempotency-Key." },
  },
  errors: [...BODY_ERRORS, "invalid_id", "customer_not_found", "insufficient_credits", "idempotency_key_reused"],
  handler: async (c) => {
    const userId = parseEndUserId(c.req.param("userId"), "userId");
    readQuery(c, modeQuery);
    const body = await readJsonBody(c, moveCreditsBody);
    const idempotencyKey = parseIdempotencyKey(c.req.header("Idempotency-Key"));
    await limitPerEndUser(c, userId);
    const source = c.get("auth").caller === "dashboard" ? "dashboard" : "api";
    const { replayed, ...result } = await moveCredits({
      ctx: serviceContext(c),
      input: { userId, amount: body.amount, reason: body.reason, expiresAt: body.expiresAt ?? null, source, idempotencyKey },
    });
    if (replayed) c.header("Idempotent-Replayed", "true");
    return respond(c, result, 201);
  },
});
