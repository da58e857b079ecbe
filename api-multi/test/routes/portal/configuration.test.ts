/**
 * The end-user portal's configuration on the developer's connected account:
 * Stripe refuses a portal session on an account without one, and the
 * platform cannot make one there at deploy time — so the first portal makes
 * dream-api's "end-user" configuration, later ones reuse it, and one that
 * was deactivated since is replaced.
 */
import { env } from "cloudflare:test";
import { PORTAL_PURPOSE_METADATA_KEY } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import { call, seedConnectedPlatform, standInStripe } from "../../harness";

async function payerOn(account: string, platformId: string, secretKey: string): Promise<void> {
  const created = await call("POST", "/api/customers", { key: secretKey, body: { userId: "payer", email: `payer.${crypto.randomUUID().slice(0, 8)}@example.com` } });
  expect(created.status).toBe(201);
  const customer = await standInStripe().customers.create({ email: "payer@example.com" }, { stripeAccount: account });
  await env.DB.prepare("UPDATE end_users SET stripe_customer_id = ?3, stripe_customer_account = ?4 WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, "payer", customer.id, account).run();
}

async function endUserConfigurations(account: string) {
  const listed = await standInStripe().billingPortal.configurations.list({ limit: 100 }, { stripeAccount: account });
  return listed.data.filter((configuration) => configuration.metadata?.[PORTAL_PURPOSE_METADATA_KEY] === "end-user");
}

describe("end-user portal configuration", () => {
  it("is made on the connected account by the first portal, then reused; the page cancels at period end only", async () => {
    const platform = await seedConnectedPlatform();
    await payerOn(platform.account, platform.platformId, platform.secretKey);
    expect(await endUserConfigurations(platform.account)).toEqual([]);

    const first = await call("POST", "/api/portal", { key: platform.secretKey, body: { userId: "payer" } });
    expect(first.status).toBe(201);
    const made = await endUserConfigurations(platform.account);
    expect(made).toHaveLength(1);
    expect(made[0]?.features).toMatchObject({
      subscription_cancel: { enabled: true, mode: "at_period_end" },
      invoice_history: { enabled: true },
      payment_method_update: { enabled: true },
      customer_update: { enabled: true, allowed_updates: ["email", "address"] },
    });
    const page = await (await fetch(first.body.url)).text();
    expect(page).toContain('aria-label="Invoice history"');
    expect(page).not.toContain("Cancel now");

    expect((await call("POST", "/api/portal", { key: platform.secretKey, body: { userId: "payer" } })).status).toBe(201);
    expect(await endUserConfigurations(platform.account)).toHaveLength(1);
  });

  it("replaces a configuration deactivated since this isolate remembered it", async () => {
    const platform = await seedConnectedPlatform();
    await payerOn(platform.account, platform.platformId, platform.secretKey);
    expect((await call("POST", "/api/portal", { key: platform.secretKey, body: { userId: "payer" } })).status).toBe(201);
    const [old] = await endUserConfigurations(platform.account);
    await standInStripe().billingPortal.configurations.update(String(old?.id), { active: false }, { stripeAccount: platform.account });

    expect((await call("POST", "/api/portal", { key: platform.secretKey, body: { userId: "payer" } })).status).toBe(201);
    const now = await endUserConfigurations(platform.account);
    expect(now.map((configuration) => configuration.active)).toEqual([true, false]);
  });
});
