/**
 * Starts the platform exactly as `pnpm dev` does (scripts/dev.mjs, fresh
 * state dir), checks every service's health and the seeded demo key against
 * GET /api/usage, stops it with SIGINT, and starts it again to show the
 * second run reuses the state.
 */
import { afterAll, describe, expect, it } from "vitest";
import { URLS, matchOutput, newStateDir, removeStateDir, startStack, stopStack } from "../support/dev-stack";

const stateDir = newStateDir();
const HEALTH = {
  "front-auth-api": `${URLS.frontAuthApi}/health`,
  "api-multi": `${URLS.apiMulti}/health`,
  "oauth-api": `${URLS.oauthApi}/health`,
  "stripe stand-in": `${URLS.stripe}/health`,
  "clerk stand-in": `${URLS.clerk}/health`,
};

async function usageOf(secretKey: string, userId: string) {
  const response = await fetch("http://127.0.0.1:8788/api/usage", {
    headers: { Authorization: `Bearer ${secretKey}`, "X-User-Id": userId },
  });
  return { status: response.status, body: (await response.json()) as { usage: { count: number; plan: string; limit: number } } };
}

afterAll(() => removeStateDir(stateDir));

describe("pnpm dev", () => {
  let secretKey = "";
  let platformId = "";

  it("brings up every service, seeds the demo, and stops on Ctrl-C", async () => {
    const stack = await startStack(stateDir);
    try {
      for (const [name, url] of Object.entries(HEALTH)) {
        const response = await fetch(url);
        expect(response.status, name).toBe(200);
        expect(((await response.json()) as { ok: boolean }).ok, name).toBe(true);
      }
      const dashboard = await fetch("http://127.0.0.1:5173/");
      expect(dashboard.status).toBe(200);
      expect(await dashboard.text()).toContain('<div id="root">');

      secretKey = matchOutput(stack.output(), /secret key\s+(sk_test_[0-9A-Za-z]+)/);
      platformId = matchOutput(stack.output(), /demo platform\s+(plt_[0-9A-Za-z]+)/);
      const accountId = matchOutput(stack.output(), /stripe account\s+(acct_[0-9A-Za-z]+)/);
      const usage = await usageOf(secretKey, "demo-alice");
      expect(usage.status).toBe(200);
      expect(usage.body.usage).toMatchObject({ count: 42, plan: "pro", limit: 10000 });

      const account = await fetch(`http://127.0.0.1:12111/v1/accounts/${accountId}`, {
        headers: { Authorization: "Bearer sk_test_local_platform_00000000000000000000" },
      });
      expect(account.status).toBe(200);
      // The stand-in holds the workers' keys (from their .dev.vars) and no other, as Stripe would.
      const liveAccount = await fetch(`http://127.0.0.1:12111/v1/accounts/${accountId}`, { headers: { Authorization: "Bearer sk_live_local_platform_00000000000000000000" } });
      expect(liveAccount.status).toBe(200);
      const otherKey = await fetch(`http://127.0.0.1:12111/v1/accounts/${accountId}`, { headers: { Authorization: "Bearer sk_test_not_a_key_of_ours_0000000000000000" } });
      expect(otherKey.status).toBe(401);
      // Alice is a person of the end-user Clerk app; her plan is on her membership of the demo platform's organization.
      const endUserClerk = { headers: { Authorization: "Bearer sk_test_enduser_local_000000000000000" } };
      const clerkUsers = await fetch("http://127.0.0.1:12112/v1/users?email_address=alice@demo.dream-api.dev", endUserClerk);
      const [alice] = (await clerkUsers.json()) as { id: string }[];
      expect(alice).toBeDefined();
      const memberships = await fetch(`http://127.0.0.1:12112/v1/users/${alice?.id}/organization_memberships`, endUserClerk);
      const { data } = (await memberships.json()) as { data: { public_metadata: { plan?: string }; organization: { public_metadata: { platformId?: string; mode?: string } } }[] };
      expect(data.map((membership) => ({ ...membership.organization.public_metadata, plan: membership.public_metadata.plan }))).toEqual([{ platformId, mode: "test", plan: "pro" }]);
    } finally {
      await stopStack(stack);
    }
    await expect(fetch(HEALTH["api-multi"])).rejects.toThrow();
    await expect(fetch(HEALTH["stripe stand-in"])).rejects.toThrow();
  });

  it("reuses the local state on a second run", async () => {
    expect(secretKey).not.toBe("");
    const stack = await startStack(stateDir);
    try {
      expect(stack.output()).toContain(platformId);
      expect(stack.output()).not.toContain(secretKey);
      expect(stack.output()).toContain("shown on the first run only");
      const usage = await usageOf(secretKey, "demo-alice");
      expect(usage.status).toBe(200);
      expect(usage.body.usage.count).toBe(42);
    } finally {
      await stopStack(stack);
    }
  });
});
