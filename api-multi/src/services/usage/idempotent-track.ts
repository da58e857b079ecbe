/**
 * POST /api/usage/track with an `Idempotency-Key` header: within 24 h the
 * same key with the same request gets the first response again (header
 * `Idempotent-Replayed: true`) and counts nothing; with a different request
 * it is refused (409 `idempotency_key_reused`). So a client may retry a
 * track whose response it never saw without counting twice.
 */
import { ApiError, sha256Hex } from "@dream-api/shared";
import { IDEMPOTENCY_WINDOW_MS, readIdempotencyKey, storeIdempotentResponse } from "@dream-api/shared/db";
import { apiMode, serviceContext, type AppContext } from "../../context";
import { checkEndUserUsage } from "./check";
import { IdempotencyKeyTaken, trackEndUserUsage } from "./track";

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export function parseIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new ApiError("invalid_request", "Idempotency-Key must be 1-255 visible ASCII characters.", { param: "Idempotency-Key" });
  }
  return header;
}

export async function idempotentTrack(c: AppContext, input: { key: string; userId: string; amount: number }): Promise<Response> {
  const ctx = serviceContext(c);
  const requestId = c.get("requestId");
  const requestHash = await sha256Hex(JSON.stringify([input.userId, input.amount]));
  const replay = await replayIfTaken(c, input, requestHash);
  if (replay) return replay;

  let status: 200 | number;
  let body: unknown;
  try {
    const usage = await trackEndUserUsage({ ctx, input: { userId: input.userId, amount: input.amount, idempotency: { key: input.key, requestId, requestHash } } });
    status = 200;
    body = { usage, mode: apiMode(c.get("auth")) };
  } catch (error) {
    if (error instanceof IdempotencyKeyTaken) {
      // A concurrent request with the same key reserved it first.
      const taken = await replayIfTaken(c, input, requestHash);
      if (taken) return taken;
    }
    if (!(error instanceof ApiError)) throw error;
    status = error.status;
    body = error.toBody(requestId);
  }
  const text = JSON.stringify(body);
  await storeIdempotentResponse(ctx.env.DB, { platformId: ctx.platformId, key: input.key, requestId, status, body: text });
  return new Response(text, { status, headers: { "Content-Type": "application/json" } });
}

/** The stored outcome of an earlier request with this key, if it is live; 409 when the request differs. */
async function replayIfTaken(c: AppContext, input: { key: string; userId: string }, requestHash: string): Promise<Response | null> {
  const ctx = serviceContext(c);
  const stored = await readIdempotencyKey(ctx.env.DB, ctx.platformId, input.key);
  if (!stored || stored.createdAt <= new Date(ctx.now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString()) return null;
  if (stored.requestHash !== requestHash) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was already used with a different request in the last 24 hours.", {
      param: "Idempotency-Key",
    });
  }
  const headers = { "Content-Type": "application/json", "Idempotent-Replayed": "true" };
  if (stored.status !== null && stored.body !== null) return new Response(stored.body, { status: stored.status, headers });
  // The first request counted but has not stored its answer yet: answer with the usage as it stands, counting nothing.
  const usage = await checkEndUserUsage({ ctx, input: { userId: input.userId } });
  return new Response(JSON.stringify({ usage, mode: apiMode(c.get("auth")) }), { status: 200, headers });
}
