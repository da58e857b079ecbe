/**
 * Retries, backoff and timeouts, with a misbehaving proxy in front of the
 * real api-multi: 429 with Retry-After, 5xx, dropped connections, stalls.
 */
import { afterEach, describe, expect, it } from "vitest";
import { NetworkError, NotFoundError, RateLimitError, ServerError, TimeoutError, UsageLimitError } from "../src/index.js";
import { errorBody, startProxy, type ProxyAction, type ProxiedRequest, type RunningProxy } from "./support/proxy.js";
import { client, rejectionOf, stack, uniqueId } from "./support/stack.js";

let proxy: RunningProxy | undefined;
afterEach(async () => {
  await proxy?.close();
  proxy = undefined;
});

async function viaProxy(decide: (request: ProxiedRequest, index: number) => ProxyAction) {
  proxy = await startProxy(stack.apiUrl, decide);
  return proxy;
}

const rateLimited = (retryAfter: string): ProxyAction => ({
  kind: "respond",
  status: 429,
  headers: { "Retry-After": retryAfter },
  body: errorBody("rate_limited", "Too many requests for this end-user."),
});

describe("429 rate_limited", () => {
  it("waits Retry-After, then retries the track with the same Idempotency-Key and succeeds", async () => {
    const p = await viaProxy((_, index) => (index === 0 ? rateLimited("1") : { kind: "forward" }));
    const userId = uniqueId("rl");
    const started = Date.now();
    const { usage } = await client({ baseUrl: p.url }).usage.track({ userId });
    const elapsed = Date.now() - started;

    expect(usage.count).toBe(1);
    expect(elapsed).toBeGreaterThanOrEqual(1000);
    expect(p.requests).toHaveLength(2);
    expect(p.requests[1]!.at - p.requests[0]!.at).toBeGreaterThanOrEqual(1000);
    expect(p.requests[1]!.headers["idempotency-key"]).toBe(p.requests[0]!.headers["idempotency-key"]);
  });

  it("gives up after maxRetries with RateLimitError carrying retryAfterSeconds and the request id", async () => {
    const p = await viaProxy(() => rateLimited("1"));
    const error = await rejectionOf(client({ baseUrl: p.url, maxRetries: 1 }).tiers.list());
    expect(error).toBeInstanceOf(RateLimitError);
    const limited = error as RateLimitError;
    expect(limited).toMatchObject({ status: 429, code: "rate_limited", retryAfterSeconds: 1, kind: "rate_limited" });
    expect(limited.requestId).toMatch(/^req_proxy_/);
    expect(p.requests).toHaveLength(2);
  });

  it("fails at once when Retry-After is longer than maxRetryDelayMs", async () => {
    const p = await viaProxy(() => rateLimited("120"));
    const started = Date.now();
    const error = await rejectionOf(client({ baseUrl: p.url }).tiers.list());
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 120 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(p.requests).toHaveLength(1);
  });
});

describe("5xx", () => {
  it("retries with backoff and succeeds on the third attempt", async () => {
    const p = await viaProxy((_, index) => (index < 2 ? { kind: "respond", status: 503, body: errorBody("database_error", "D1 is unavailable.") } : { kind: "forward" }));
    const started = Date.now();
    const { tiers } = await client({ baseUrl: p.url }).tiers.list();
    expect(tiers.length).toBeGreaterThan(0);
    expect(p.requests).toHaveLength(3);
    // 500 ms then 1 s steps, each at least half (jitter): ≥ 750 ms in all.
    expect(Date.now() - started).toBeGreaterThanOrEqual(750);
  });

  it("throws ServerError after the retries, also for a non-JSON body", async () => {
    const p = await viaProxy(() => ({ kind: "respond", status: 502, headers: { "Content-Type": "text/html" } }));
    const error = await rejectionOf(client({ baseUrl: p.url, maxRetries: 1 }).tiers.list());
    expect(error).toBeInstanceOf(ServerError);
    expect(error).toMatchObject({ status: 502, code: "http_502", requestId: null, kind: "server" });
    expect(p.requests).toHaveLength(2);
  });
});

describe("4xx other than 429", () => {
  it("is never retried", async () => {
    const p = await viaProxy(() => ({ kind: "forward" }));
    const dream = client({ baseUrl: p.url });
    expect(await rejectionOf(dream.customers.get(uniqueId("ghost")))).toBeInstanceOf(NotFoundError);
    expect(p.requests).toHaveLength(1);

    const userId = uniqueId("cap");
    await dream.usage.track({ userId, amount: 5 });
    expect(await rejectionOf(dream.usage.track({ userId }))).toBeInstanceOf(UsageLimitError);
    expect(p.requests).toHaveLength(3);
  });
});

describe("network errors and timeouts", () => {
  it("retries a dropped connection", async () => {
    const p = await viaProxy((_, index) => (index === 0 ? { kind: "drop" } : { kind: "forward" }));
    const { tiers } = await client({ baseUrl: p.url }).tiers.list();
    expect(tiers.length).toBeGreaterThan(0);
    expect(p.requests).toHaveLength(2);
  });

  it("throws NetworkError when nothing answers, after the retries", async () => {
    const p = await viaProxy(() => ({ kind: "drop" }));
    const error = await rejectionOf(client({ baseUrl: p.url, maxRetries: 1 }).tiers.list());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "network_error", status: null, requestId: null, kind: "network" });
    expect(p.requests).toHaveLength(2);
  });

  it("times out an attempt after timeoutMs (TimeoutError)", async () => {
    const p = await viaProxy(() => ({ kind: "delay", ms: 3000 }));
    const started = Date.now();
    const error = await rejectionOf(client({ baseUrl: p.url, timeoutMs: 300, maxRetries: 0 }).tiers.list());
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: "timeout", status: null, kind: "timeout" });
    expect(elapsed).toBeGreaterThanOrEqual(300);
    expect(elapsed).toBeLessThan(1500);
  });

  it("retries a timed-out attempt", async () => {
    const p = await viaProxy((_, index) => (index === 0 ? { kind: "delay", ms: 3000 } : { kind: "forward" }));
    const { tiers } = await client({ baseUrl: p.url, timeoutMs: 500 }).tiers.list();
    expect(tiers.length).toBeGreaterThan(0);
    expect(p.requests).toHaveLength(2);
  });

  it("stops at once, retries included, when the caller's signal aborts", async () => {
    const p = await viaProxy(() => rateLimited("5"));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    const error = await rejectionOf(client({ baseUrl: p.url }).tiers.list({ signal: controller.signal }));
    expect((error as Error).name).toBe("AbortError");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(p.requests).toHaveLength(1);
  });
});
