/**
 * POST /api/usage/track with an `Idempotency-Key` header: within 24 h the
 * same key with the same request gets the first response again (header
 * `Idempotent-Replayed: true`) and counts nothing; with a different request
 * it is refused (409 `idempotency_key_reused`). So a client may retry a
 * track whose response it never saw without counting twice.
 *
 * A retry that arrives while the first request is still working (say,
 * registering a new end-user) waits briefly for its response; if the first
 * is not done by then, the retry is 409 `idempotency_key_in_progress` with
 * `Retry-After: 1` — never an answer the first request did not give.
 */
import { ApiError, sha256Hex } from "@dream-api/shared";
import { IDEMPOTENCY_WINDOW_MS, readIdempotencyKey, releaseIdempotencyKey, storeIdempotentResponse, type StoredIdempotentResponse } from "@dream-api/shared/db";
import type { ServiceContext } from "../../context";
import { IdempotencyKeyTaken, trackEndUserUsage } from "./track";

export const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** How long a retry waits for a first request still in progress (the waits between reads of its stored response). */
const IN_PROGRESS_WAITS_MS = [50, 100, 200, 400];

export function parseIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (!IDEMPOTENCY_KEY_PATTERN.test(header)) {
    throw new ApiError("invalid_request", "Idempotency-Key must be 1-255 visible ASCII characters.", { param: "Idempotency-Key" });
  }
  return header;
}

export interface IdempotentTrackInput {
  key: string;
  userId: string;
  amount: number;
  /** This request's id: it holds the key while it runs, and error bodies carry it. */
  requestId: string;
}

/**
 * The answer the client gets: `status` and JSON `body` (the usage with the
 * key's mode, or the error body), and whether it is the stored answer of an
 * earlier request with this key (`replayed`: the caller adds the header
 * `Idempotent-Replayed: true`). Errors that are not stored against the key
 * (reused, in progress, or a failure that counted nothing) are thrown.
 */
export interface IdempotentTrackResult {
  status: number;
  body: unknown;
  replayed: boolean;
}

export async function idempotentTrack({ ctx, input }: { ctx: ServiceContext; input: IdempotentTrackInput }): Promise<IdempotentTrackResult> {
  const { requestId } = input;
  const requestHash = await sha256Hex(JSON.stringify([input.userId, input.amount]));
  const replay = await replayIfTaken(ctx, input.key, requestHash);
  if (replay) return replay;

  let status: 200 | number;
  let body: unknown;
  try {
    const usage = await trackEndUserUsage({ ctx, input: { userId: input.userId, amount: input.amount, requestId, idempotency: { key: input.key, requestId, requestHash } } });
    status = 200;
    body = { usage, mode: ctx.apiMode };
  } catch (error) {
    if (error instanceof IdempotencyKeyTaken) {
      // A concurrent request with the same key reserved it first: its answer is this one's.
      const taken = await replayIfTaken(ctx, input.key, requestHash);
      if (taken) return taken;
      throw inProgress(); // ...and gave it up again meanwhile (it failed): the client's retry takes it.
    }
    if (!(error instanceof ApiError)) {
      // Nothing was counted under the key (see releaseIdempotencyKey): let a retry run afresh.
      await releaseIdempotencyKey(ctx.env.DB, { platformId: ctx.platformId, mode: ctx.mode, key: input.key, requestId }).catch(() => undefined);
      throw error;
    }
    status = error.status;
    body = error.toBody(requestId);
  }
  await storeIdempotentResponse(ctx.env.DB, { platformId: ctx.platformId, mode: ctx.mode, key: input.key, requestId, status, body: JSON.stringify(body) });
  return { status, body, replayed: false };
}

/**
 * The stored answer of an earlier request with this key, if the key is live
 * (null: take it); 409 when the request differs, or when the earlier one is
 * still working after a short wait.
 */
async function replayIfTaken(ctx: ServiceContext, key: string, requestHash: string): Promise<IdempotentTrackResult | null> {
  let stored = await liveKey(ctx, key);
  for (const waitMs of IN_PROGRESS_WAITS_MS) {
    if (!stored || stored.requestHash !== requestHash || stored.status !== null) break;
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    stored = await liveKey(ctx, key);
  }
  if (!stored) return null;
  if (stored.requestHash !== requestHash) {
    throw new ApiError("idempotency_key_reused", "This Idempotency-Key was already used with a different request in the last 24 hours.", {
      param: "Idempotency-Key",
    });
  }
  if (stored.status === null || stored.body === null) throw inProgress();
  return { status: stored.status, body: JSON.parse(stored.body) as unknown, replayed: true };
}

function inProgress(): ApiError {
  return new ApiError("idempotency_key_in_progress", "A request with this Idempotency-Key is still being processed. Retry after 1 second to get its response.", {
    param: "Idempotency-Key",
    headers: { "Retry-After": "1" },
  });
}

async function liveKey(ctx: ServiceContext, key: string): Promise<StoredIdempotentResponse | null> {
  const stored = await readIdempotencyKey(ctx.env.DB, ctx, key);
  return stored && stored.createdAt > new Date(ctx.now.getTime() - IDEMPOTENCY_WINDOW_MS).toISOString() ? stored : null;
}
