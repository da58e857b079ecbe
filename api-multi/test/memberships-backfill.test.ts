/**
 * Migration 0015's second half, run by api-multi's cron: every end-user who
 * belonged to a developer before organizations (linked to a Clerk user,
 * marked `membership_pending`) becomes a member of its tenant's
 * organization, so their next session on the developer's page names the
 * tenant. A Clerk user deleted meanwhile is skipped; a Clerk failure leaves
 * the mark for the next run.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { runScheduled } from "../src/scheduled";
import { clerkJson, harnessClock, joinedEndUser, organizationsOf, seedPlatform, tenantOrganizationOf } from "./harness";

async function legacyEndUser(platformId: string, userId: string, clerkUserId: string): Promise<void> {
  const now = harnessClock().toISOString();
  await env.DB.prepare(
    `INSERT INTO end_users (platform_id, mode, user_id, clerk_user_id, email, plan, created_at, updated_at, membership_pending)
     VALUES (?1, 'test', ?2, ?3, NULL, 'free', ?4, ?4, 1)`,
  )
    .bind(platformId, userId, clerkUserId, now)
    .run();
}

async function pending(platformId: string): Promise<string[]> {
  const { results } = await env.DB.prepare("SELECT user_id FROM end_users WHERE platform_id = ?1 AND membership_pending = 1 ORDER BY user_id").bind(platformId).all<{ user_id: string }>();
  return results.map((row) => row.user_id);
}

async function newPerson(): Promise<string> {
  return (await clerkJson<{ id: string }>("/v1/users", { method: "POST", app: "end-user-api", body: JSON.stringify({ email_address: [`legacy.${crypto.randomUUID().slice(0, 8)}@example.com`] }) })).id;
}

const cron = (vars: Partial<Env> = {}) => runScheduled({ scheduledTime: harnessClock().getTime(), cron: "17 * * * *" }, { ...env, ...vars } as Env);

describe("the membership backfill (cron)", () => {
  it("makes each marked end-user a member of its tenant's organization and clears the mark; a deleted Clerk user is skipped", async () => {
    const platform = await seedPlatform();
    const alice = await newPerson();
    const bob = await newPerson();
    await legacyEndUser(platform.platformId, "alice", alice);
    await legacyEndUser(platform.platformId, "bob", bob);
    await legacyEndUser(platform.platformId, "gone", "user_deleted_long_ago");
    // Bob joined on the pricing page meanwhile (his membership exists, his row is found): adding it again is not an error.
    expect((await joinedEndUser(platform, { clerkUserId: bob })).userId).toBe("bob");
    await cron();
    const organizationId = await tenantOrganizationOf(platform);
    expect(organizationId).toMatch(/^org_/);
    expect(await organizationsOf(alice)).toEqual([organizationId]);
    expect(await organizationsOf(bob)).toEqual([organizationId]);
    expect(await pending(platform.platformId)).toEqual([]);
    await cron();
    expect(await organizationsOf(alice)).toEqual([organizationId]);
  });

  it("leaves the mark when Clerk fails, and the next run completes it", async () => {
    const platform = await seedPlatform();
    const carol = await newPerson();
    await legacyEndUser(platform.platformId, "carol", carol);
    await cron({ CLERK_API_URL: "http://127.0.0.1:9" } as Partial<Env>);
    expect(await pending(platform.platformId)).toEqual(["carol"]);
    expect(await organizationsOf(carol)).toEqual([]);
    await cron();
    expect(await pending(platform.platformId)).toEqual([]);
    expect(await organizationsOf(carol)).toEqual([await tenantOrganizationOf(platform)]);
  });
});
