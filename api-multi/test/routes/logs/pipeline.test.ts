/**
 * How request-log lines travel: buffered per isolate after the response and
 * sent in batches (≤100 messages per sendBatch, one send per interval), never
 * awaited by a response nor able to fail one; written by the queue consumer
 * as one D1 batch that a redelivery leaves unchanged; pruned after 7 days by
 * the cron. And the track route's warm path still issues one D1 statement.
 */
import { createExecutionContext, createMessageBatch, env, getQueueResult, waitOnExecutionContext } from "cloudflare:test";
import { REQUEST_LOG_RETENTION_MS } from "@dream-api/shared/db";
import { describe, expect, it } from "vitest";
import { createApp } from "../../../src/app";
import worker from "../../../src/index";
import { runScheduled } from "../../../src/scheduled";
import type { RequestLogMessage } from "../../../src/services/logs/sink";
import { call, client, harnessClock, seedPlatform } from "../../harness";
import { landedLines, platformLines } from "./helpers";

/** A stand-in REQUEST_LOG_QUEUE that records each sendBatch (and can hold or fail them). */
function recordingQueue(options: { fail?: boolean; hold?: Promise<void> } = {}) {
  const sends: RequestLogMessage[][] = [];
  const queue = {
    send: async () => {
      throw new Error("the request log sends batches only");
    },
    sendBatch: async (messages: Iterable<MessageSendRequest<RequestLogMessage>>) => {
      sends.push([...messages].map((message) => message.body));
      await options.hold;
      if (options.fail) throw new Error("queue unavailable");
    },
  } as unknown as Queue;
  return { queue, sends };
}

describe("the sink", () => {
  it("sends the lines of concurrent requests in one sendBatch after the interval", async () => {
    const platform = await seedPlatform();
    const { queue, sends } = recordingQueue();
    const send = client();
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        send("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: `person.${index}@example.com` }, envOverrides: { REQUEST_LOG_QUEUE: queue, REQUEST_LOG_FLUSH_MS: "150" } }),
      ),
    );
    expect(results.map((result) => result.status)).toEqual([200, 200, 200, 200, 200]);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.map((message) => message.requestId).sort()).toEqual(results.map((result) => result.headers.get("X-Request-Id")).sort());
    // Email-shaped userIds are hashed before they leave the isolate.
    expect(JSON.stringify(sends)).not.toContain("@example.com");
    expect(sends[0]!.every((message) => /^hashed:[0-9a-f]{24}$/.test(message.userId ?? ""))).toBe(true);
  });

  it("sends at most 100 messages per sendBatch", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const { queue, sends } = recordingQueue();
    const send = client();
    const results = await Promise.all(
      Array.from({ length: 130 }, () => send("GET", "/api/tiers", { key: platform.secretKey, envOverrides: { REQUEST_LOG_QUEUE: queue, REQUEST_LOG_FLUSH_MS: "150" } })),
    );
    expect(results.every((result) => result.status === 200)).toBe(true);
    expect(sends.flat()).toHaveLength(130);
    expect(Math.max(...sends.map((batch) => batch.length))).toBeLessThanOrEqual(100);
    expect(sends.length).toBeLessThanOrEqual(3);
  });

  it("answers before anything is sent, and a failing queue costs no response", async () => {
    const platform = await seedPlatform();
    let release = () => {};
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const held = recordingQueue({ hold });
    const app = createApp({ clock: harnessClock });
    const ctx = createExecutionContext();
    const request = new Request("http://api.test/api/tiers", { headers: { Authorization: `Bearer ${platform.secretKey}` } });
    const response = await app.fetch(request, { ...env, REQUEST_LOG_QUEUE: held.queue, REQUEST_LOG_FLUSH_MS: "50" }, ctx);
    expect(response.status).toBe(200);
    expect(held.sends).toHaveLength(0);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held.sends).toHaveLength(1);
    release();
    await waitOnExecutionContext(ctx);

    const failing = recordingQueue({ fail: true });
    const answered = await client()("GET", "/api/tiers", { key: platform.secretKey, envOverrides: { REQUEST_LOG_QUEUE: failing.queue } });
    expect(answered.status).toBe(200);
    expect(failing.sends).toHaveLength(1);
  });
});

describe("the consumer", () => {
  const message = (overrides: Partial<RequestLogMessage> = {}): RequestLogMessage => ({
    requestId: `req_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`,
    platformId: "plt_consumerTest0000001",
    mode: "test",
    time: harnessClock().toISOString(),
    method: "GET",
    route: "/api/tiers",
    status: 200,
    errorCode: null,
    userId: null,
    latencyMs: 3,
    caller: "sk_test_AbCd…",
    ...overrides,
  });

  it("writes a batch once, however often it is delivered, and drops what is not a line", async () => {
    const platformId = `plt_${crypto.randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const lines = [message({ platformId }), message({ platformId, status: 403, errorCode: "usage_limit_exceeded", userId: "u1" }), message({ platformId, mode: "live" })];
    const deliver = async (bodies: unknown[]) => {
      const batch = createMessageBatch(
        "dream-api-request-logs",
        bodies.map((body, index) => ({ id: `m${index}`, timestamp: new Date(), attempts: 1, body })),
      );
      const ctx = createExecutionContext();
      await worker.queue(batch as MessageBatch<unknown>, env, ctx);
      return getQueueResult(batch, ctx);
    };
    const first = await deliver([...lines, { requestId: "req_x", platformId, note: "not a line" }]);
    expect(first.ackAll).toBe(true);
    const stored = await platformLines(platformId);
    expect(stored).toHaveLength(3);
    // A redelivery, with a changed copy of one line: nothing changes.
    await deliver([...lines.slice(0, 2), { ...lines[2]!, status: 500 }]);
    expect(await platformLines(platformId)).toEqual(stored);
  });

  it("refuses a batch of a queue it does not consume, so it is retried", async () => {
    const batch = createMessageBatch("dream-api-unknown", [{ id: "m0", timestamp: new Date(), attempts: 1, body: {} }]);
    await expect(worker.queue(batch as MessageBatch<unknown>, env, createExecutionContext())).rejects.toThrow(/consumes no queue named dream-api-unknown/);
  });
});

describe("the cron", () => {
  it("deletes lines older than 7 days and keeps the rest", async () => {
    const platform = await seedPlatform();
    const now = harnessClock().getTime();
    const at = (ms: number) => client(() => new Date(ms));
    const old = await at(now - REQUEST_LOG_RETENTION_MS - 60_000)("GET", "/api/tiers", { key: platform.secretKey });
    const kept = await at(now - REQUEST_LOG_RETENTION_MS + 60_000)("GET", "/api/tiers", { key: platform.secretKey });
    const fresh = await call("GET", "/api/tiers", { key: platform.secretKey });
    const sent = [old, kept, fresh].map((result) => result.headers.get("X-Request-Id") ?? "");
    await landedLines(sent);
    await runScheduled({ scheduledTime: now, cron: "17 * * * *" }, env);
    expect((await platformLines(platform.platformId)).map((line) => line.request_id).sort()).toEqual(sent.slice(1).sort());
  });
});

describe("the hot path", () => {
  it("a warm track still issues one D1 statement before its response", async () => {
    const platform = await seedPlatform();
    const app = createApp({ clock: harnessClock });
    let statements = 0;
    const counted = (statement: D1PreparedStatement): D1PreparedStatement =>
      new Proxy(statement, {
        get(target, property) {
          const value = Reflect.get(target, property);
          if (typeof value !== "function") return value;
          if (property === "bind") return (...args: unknown[]) => counted(value.apply(target, args));
          if (["first", "run", "all", "raw"].includes(String(property))) {
            return (...args: unknown[]) => {
              statements++;
              return value.apply(target, args);
            };
          }
          return value.bind(target);
        },
      });
    const db = new Proxy(env.DB, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (property === "prepare") return (sql: string) => counted(target.prepare(sql));
        if (property === "batch" || property === "exec") {
          return (...args: unknown[]) => {
            statements++;
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        }
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const track = async () => {
      const ctx = createExecutionContext();
      const request = new Request("http://api.test/api/usage/track", {
        method: "POST",
        headers: { Authorization: `Bearer ${platform.secretKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({ userId: "warm" }),
      });
      statements = 0;
      const response = await app.fetch(request, { ...env, DB: db }, ctx);
      const before = statements;
      await waitOnExecutionContext(ctx);
      return { status: response.status, before };
    };
    await track(); // registers the end-user, caches the key
    const warm = await track();
    expect(warm.status).toBe(200);
    expect(warm.before).toBe(1);
  });
});
