/**
 * idempotentTrack as a service: it answers `{ status, body, replayed }` —
 * the body the client must get, parsed — and knows nothing of HTTP; the
 * route turns that into the response and the Idempotent-Replayed header.
 */
import { env } from "cloudflare:test";
import { ApiError } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import type { ServiceContext } from "../../../src/context";
import { idempotentTrack } from "../../../src/services/usage/idempotent-track";
import { midMonthClock, seedPlatform, type SeededPlatform } from "../../harness";

function serviceContextFor(platform: SeededPlatform, preview: boolean): { ctx: ServiceContext; settle: () => Promise<unknown> } {
  const pending: Promise<unknown>[] = [];
  const ctx: ServiceContext = {
    env,
    waitUntil: (promise) => void pending.push(promise),
    platformId: platform.platformId,
    mode: "test",
    preview,
    apiMode: preview ? "preview" : "test",
    now: midMonthClock(),
  };
  return { ctx, settle: () => Promise.all(pending) };
}

describe("idempotentTrack({ ctx, input })", () => {
  it("answers the usage with the key's mode, then replays exactly that body with replayed: true", async () => {
    const platform = await seedPlatform({ plan: "free", tiers: [{ name: "free", limit: 10 }] });
    const { ctx, settle } = serviceContextFor(platform, true);
    const input = { key: "job-1", userId: "u", amount: 2 };
    const first = await idempotentTrack({ ctx, input: { ...input, requestId: "req_first" } });
    expect(first).toMatchObject({ status: 200, replayed: false, body: { mode: "preview", usage: { count: 2, limit: 10, remaining: 8, plan: "free" } } });
    const again = await idempotentTrack({ ctx, input: { ...input, requestId: "req_again" } });
    expect(again).toEqual({ status: 200, body: first.body, replayed: true });
    await settle();
  });

  it("stores and replays a refusal as its status and error body (with the first request's id)", async () => {
    const platform = await seedPlatform({ plan: "paid", tiers: [{ name: "free", limit: 1 }] });
    const { ctx, settle } = serviceContextFor(platform, false);
    await idempotentTrack({ ctx, input: { key: "fill", userId: "u", amount: 1, requestId: "req_fill" } });
    const refused = await idempotentTrack({ ctx, input: { key: "over", userId: "u", amount: 1, requestId: "req_over" } });
    expect(refused).toMatchObject({ status: 403, replayed: false, body: { error: { code: "usage_limit_exceeded" }, requestId: "req_over", usage: { count: 1, limit: 1 } } });
    expect(await idempotentTrack({ ctx, input: { key: "over", userId: "u", amount: 1, requestId: "req_retry" } })).toEqual({ ...refused, replayed: true });
    await settle();
  });

  it("throws (stores nothing) for the same key with another request", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const { ctx, settle } = serviceContextFor(platform, false);
    await idempotentTrack({ ctx, input: { key: "k", userId: "u", amount: 1, requestId: "req_1" } });
    const error = await idempotentTrack({ ctx, input: { key: "k", userId: "u", amount: 3, requestId: "req_2" } }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe("idempotency_key_reused");
    await settle();
  });
});
