/**
 * The one registration rule (services/customers/register.ts), called as a
 * service: registerEndUser's outcomes — registered on the starting tier, or
 * why not (no tier, the preview cap, a taken userId or email). Joining on a
 * pricing page, which registers through it, is tested in
 * routes/platforms/join.test.ts.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { ServiceContext } from "../src/context";
import { registerEndUser, startingTier } from "../src/services/customers/register";
import { harnessClock, seedPlatform, type SeededPlatform } from "./harness";

/** A service context for `platform` (a test key), with config overrides; `settle` awaits what it handed to waitUntil. */
function serviceContextFor(platform: SeededPlatform, options: { preview: boolean; vars?: Partial<Env> }): { ctx: ServiceContext; settle: () => Promise<unknown> } {
  const pending: Promise<unknown>[] = [];
  const ctx: ServiceContext = {
    env: { ...env, ...options.vars } as Env,
    waitUntil: (promise) => void pending.push(promise),
    platformId: platform.platformId,
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

  it("says conflict for an email another end-user of the tenant has, and registers it in another tenant", async () => {
    const platform = await seedPlatform({ plan: "paid" });
    const other = await seedPlatform({ plan: "paid" });
    const { ctx, settle } = serviceContextFor(platform, { preview: false });
    const elsewhere = serviceContextFor(other, { preview: false });
    expect(await registerEndUser({ ctx, input: { userId: "carol", clerkUserId: null, email: "carol@example.com" } })).toMatchObject({ registered: true });
    expect(await registerEndUser({ ctx, input: { userId: "carol-2", clerkUserId: null, email: "carol@example.com" } })).toEqual({ registered: false, reason: "conflict" });
    expect(await endUserRow(platform.platformId, "carol-2")).toBeNull();
    expect(await registerEndUser({ ctx: elsewhere.ctx, input: { userId: "carol", clerkUserId: null, email: "carol@example.com" } })).toMatchObject({ registered: true });
    await settle();
    await elsewhere.settle();
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
