/** The backoff schedule and Retry-After parsing (pure functions; no server needed). */
import { describe, expect, it } from "vitest";
import { AlreadySubscribedError, ConflictError, DreamApiError, NetworkError, RateLimitError, ServerError, ValidationError } from "../src/index.js";
import { errorFromResponse, parseRetryAfter } from "../src/errors.js";
import { isRetryable, retryDelayMs } from "../src/retry.js";

const base = { message: "x", requestId: null };
const server = new ServerError({ ...base, code: "internal_error", status: 500, headers: new Headers() });

describe("retry policy", () => {
  it("doubles the step from 500 ms up to 8 s, with 50-100 % jitter", () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((retry) => retryDelayMs(retry, server, () => 1))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
    expect([0, 1, 2].map((retry) => retryDelayMs(retry, server, () => 0))).toEqual([250, 500, 1000]);
    const samples = new Set(Array.from({ length: 50 }, () => retryDelayMs(1, server)));
    expect(samples.size).toBeGreaterThan(1);
    for (const sample of samples) {
      expect(sample).toBeGreaterThanOrEqual(500);
      expect(sample).toBeLessThanOrEqual(1000);
    }
  });

  it("prefers the server's Retry-After (on 429 and on 5xx)", () => {
    const limited = new RateLimitError({ ...base, code: "rate_limited", status: 429, retryAfterSeconds: 3 });
    expect(retryDelayMs(0, limited, () => 0)).toBe(3000);
    const unavailable = new ServerError({ ...base, code: "database_error", status: 503, headers: new Headers({ "Retry-After": "2" }) });
    expect(retryDelayMs(4, unavailable, () => 0)).toBe(2000);
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("1")).toBe(1);
    expect(parseRetryAfter("0.5")).toBe(0.5);
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter("soon")).toBeNull();
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:00:10 GMT", now)).toBe(10);
    expect(parseRetryAfter("Tue, 01 Jan 2029 00:00:10 GMT", now)).toBe(0);
  });

  it("retries 429, 5xx and no-response errors only", () => {
    expect(isRetryable(server)).toBe(true);
    expect(isRetryable(new RateLimitError({ ...base, code: "rate_limited", status: 429, retryAfterSeconds: null }))).toBe(true);
    expect(isRetryable(new NetworkError({ ...base, code: "network_error", status: null }))).toBe(true);
    expect(isRetryable(new ValidationError({ ...base, code: "invalid_request", status: 400 }))).toBe(false);
    expect(isRetryable(new DreamApiError({ ...base, code: "conflict", status: 409 }))).toBe(false);
    expect(isRetryable(new Error("boom"))).toBe(false);
  });

  it("retries 409 idempotency_key_in_progress (the first attempt is still running) after its Retry-After, and no other 409", () => {
    const inProgress = errorFromResponse(409, new Headers({ "Retry-After": "1" }), { error: { code: "idempotency_key_in_progress", message: "x" }, requestId: "req_1" });
    expect(inProgress).toBeInstanceOf(ConflictError);
    expect(isRetryable(inProgress)).toBe(true);
    expect(retryDelayMs(0, inProgress, () => 0)).toBe(1000);
    expect(isRetryable(errorFromResponse(409, new Headers(), { error: { code: "idempotency_key_reused", message: "x" }, requestId: "req_2" }))).toBe(false);
  });

  it("turns 409 already_subscribed into an AlreadySubscribedError carrying the portal URL", () => {
    const body = { error: { code: "already_subscribed", message: "x", param: "tier" }, portalUrl: "https://billing.example/p/1", requestId: "req_3" };
    const error = errorFromResponse(409, new Headers(), body);
    expect(error).toBeInstanceOf(AlreadySubscribedError);
    expect((error as AlreadySubscribedError).portalUrl).toBe("https://billing.example/p/1");
    expect(isRetryable(error)).toBe(false);
  });
});
