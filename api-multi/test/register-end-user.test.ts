/**
 * The one registration rule (services/customers/register.ts), called as a
 * service: registerEndUser's outcomes and endUserOfSession, the session
 * case authentication relies on (find or link, else register under the
 * preview cap, 409 when the id belongs to another Clerk user).
 */
import { env } from "cloudflare:test";
import { ApiError } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import type { ServiceContext } from "../src/context";
import { endUserOfSession, registerEndUser, startingTier } from "../src/services/customers/register";
import { harnessClock, seedPlatform, type SeededPlatform } from "./harness";

/** A service context for `platform` (a test key), with config overrides; `settle` awaits what it handed to waitUntil. */
function serviceContextFor(platform: SeededPlatform, options: { preview: boolean; vars?: Partial<Env> }): { ctx: ServiceContext; settle: () => Promise<unknown> } {
  const pending: Promise<unknown>[] = [];
  const ctx: ServiceContext = {
    env: { ...env, ...options.vars } as Env,
    waitUntil: (promise) => void pending.push(promise),
    platformId: platform.platformId,
    publishableKey: platform.publishableKey,
    mode: "test",
    preview: options.preview,
    apiMode: options.preview ? "preview" : "test",
    now: harnessClock(),
  };
  return { ctx, settle: () => Promise.all(pending) };
}

async function endUserRow(platformId: string, userId: string) {
  return env.DB.prepare("SELECT user_id, clerk_user_id, email, plan FROM end_users WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, userId).first();
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).code;
}

describe("registerEndUser", () => {
  it("registers on the starting tier (the cheapest subscription tier) when no plan is given, then says conflict for the same userId", async () => {
    const platform = await seedPlatform({
      plan: "paid",
      tiers: [
        { name: "pro", price: 900, limit: 100 },
        { name: "starter", price: 0, limit: 10 },
      ],
    });
    const { ctx, settle } = serviceContextFor(platform, { preview: false });
    expect((await startingTier(ctx))?.name).toBe("starter");
    expect(await registerEndUser({ ctx, input: { userId: "u1", clerkUserId: null, email: "u1@example.com" } })).toEqual({ registered: true, plan: "starter" });
    expect(await endUserRow(platform.platformId, "u1")).toEqual({ user_id: "u1", clerk_user_id: null, email: "u1@example.com", plan: "starter" });
    expect(await registerEndUser({ ctx, input: { userId: "u1", clerkUserId: null, email: null, plan: "pro" } })).toEqual({ registered: false, reason: "conflict" });
    expect(await endUserRow(platform.platformId, "u1")).toMatchObject({ plan: "starter" });
    await settle();
  });

  it("says no_tiers_configured when the platform has no tier to start on", async () => {
    const platform = await seedPlatform({ plan: "paid", tiers: [] });
    const { ctx, settle } = serviceContextFor(platform, { preview: false });
    expect(await registerEndUser({ ctx, input: { userId: "u1", clerkUserId: null, email: null } })).toEqual({ registered: false, reason: "no_tiers_configured" });
    expect(await endUserRow(platform.platformId, "u1")).toBeNull();
    await settle();
  });

  it("under a preview key, stops at the cap (preview_limit_reached) and still says conflict for an existing userId", async () => {
    const platform = await seedPlatform({ plan: "free", tiers: [{ name: "free", limit: 10 }] });
    const { ctx, settle } = serviceContextFor(platform, { preview: true, vars: { PREVIEW_MAX_END_USERS: "1" } as Partial<Env> });
    expect(await registerEndUser({ ctx, input: { userId: "first", clerkUserId: null, email: null } })).toMatchObject({ registered: true });
    expect(await registerEndUser({ ctx, input: { userId: "second", clerkUserId: null, email: null } })).toEqual({ registered: false, reason: "preview_limit_reached" });
    expect(await registerEndUser({ ctx, input: { userId: "first", clerkUserId: null, email: null } })).toEqual({ registered: false, reason: "conflict" });
    expect(await endUserRow(platform.platformId, "second")).toBeNull();
    await settle();
  });
});

describe("endUserOfSession", () => {
  it("registers a Clerk user never seen on the platform under its own id, linked, on the starting tier, and finds it again", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const { ctx, settle } = serviceContextFor(platform, { preview: false });
    expect(await endUserOfSession({ ctx, input: { clerkUserId: "user_clerk_1" } })).toBe("user_clerk_1");
    expect(await endUserRow(platform.platformId, "user_clerk_1")).toEqual({ user_id: "user_clerk_1", clerk_user_id: "user_clerk_1", email: null, plan: "free" });
    expect(await endUserOfSession({ ctx, input: { clerkUserId: "user_clerk_1" } })).toBe("user_clerk_1");
    await settle();
  });

  it("answers with the customer already linked to the Clerk user, whatever its userId", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const { ctx, settle } = serviceContextFor(platform, { preview: false });
    expect(await registerEndUser({ ctx, input: { userId: "customer_7", clerkUserId: "user_clerk_7", email: null } })).toMatchObject({ registered: true });
    expect(await endUserOfSession({ ctx, input: { clerkUserId: "user_clerk_7" } })).toBe("customer_7");
    expect(await endUserRow(platform.platformId, "user_clerk_7")).toBeNull();
    await settle();
  });

  it("links the customer the backend registered under the Clerk id", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const { ctx, settle } = serviceContextFor(platform, { preview: false });
    await registerEndUser({ ctx, input: { userId: "user_clerk_8", clerkUserId: null, email: null } });
    expect(await endUserOfSession({ ctx, input: { clerkUserId: "user_clerk_8" } })).toBe("user_clerk_8");
    expect(await endUserRow(platform.platformId, "user_clerk_8")).toMatchObject({ clerk_user_id: "user_clerk_8" });
    await settle();
  });

  it("refuses with no_tiers_configured, preview_limit_reached and conflict", async () => {
    const empty = await seedPlatform({ plan: "paid", tiers: [] });
    const noTiers = serviceContextFor(empty, { preview: false });
    expect(await codeOf(endUserOfSession({ ctx: noTiers.ctx, input: { clerkUserId: "user_a" } }))).toBe("no_tiers_configured");
    await noTiers.settle();

    const preview = await seedPlatform({ plan: "free" });
    const capped = serviceContextFor(preview, { preview: true, vars: { PREVIEW_MAX_END_USERS: "1" } as Partial<Env> });
    expect(await endUserOfSession({ ctx: capped.ctx, input: { clerkUserId: "user_b" } })).toBe("user_b");
    expect(await codeOf(endUserOfSession({ ctx: capped.ctx, input: { clerkUserId: "user_c" } }))).toBe("preview_limit_reached");
    await capped.settle();

    const taken = await seedPlatform({ plan: "paid" });
    const { ctx, settle } = serviceContextFor(taken, { preview: false });
    await registerEndUser({ ctx, input: { userId: "user_d", clerkUserId: "user_someone_else", email: null } });
    expect(await codeOf(endUserOfSession({ ctx, input: { clerkUserId: "user_d" } }))).toBe("conflict");
    await settle();
  });
});
