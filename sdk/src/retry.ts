/** When to retry a failed attempt, and how long to wait first. */
import { DreamApiError, NetworkError, RateLimitError, parseRetryAfter } from "./errors.js";

/** First backoff step; each further retry doubles it. */
export const INITIAL_RETRY_DELAY_MS = 500;
/** Ceiling of the computed (non-`Retry-After`) backoff. */
export const MAX_BACKOFF_MS = 8_000;

/**
 * 429, 5xx, attempts that got no response (network error, timeout) and 409
 * `idempotency_key_in_progress` (an earlier attempt with the same key is
 * still running: its answer comes on retry) may succeed later; other 4xx will not.
 */
export function isRetryable(error: unknown): error is DreamApiError {
  if (error instanceof NetworkError) return true;
  if (!(error instanceof DreamApiError) || error.status === null) return false;
  return error.status === 429 || error.status >= 500 || error.code === "idempotency_key_in_progress";
}

/**
 * The wait before retry number `retry` (0 for the first): the server's
 * `Retry-After` when it sent one, else exponential backoff (500 ms, 1 s,
 * 2 s, … up to 8 s) with jitter (a random 50–100 % of the step), so many
 * clients failing together do not retry together.
 */
export function retryDelayMs(retry: number, error: DreamApiError, random: () => number = Math.random): number {
  const retryAfter = error instanceof RateLimitError ? error.retryAfterSeconds : parseRetryAfter(error.headers?.get("Retry-After") ?? null);
  if (retryAfter !== null) return retryAfter * 1000;
  const step = Math.min(MAX_BACKOFF_MS, INITIAL_RETRY_DELAY_MS * 2 ** retry);
  return Math.round(step * (0.5 + random() * 0.5));
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
