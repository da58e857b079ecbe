/**
 * The end-user portal's configuration on the developer's connected account:
 * Stripe refuses a portal session on an account without one, and the
 * platform cannot make one there at deploy time — so the first portal makes
 * dream-api's "end-user" configuration, later ones reuse it, and one that
 * was deactivated since is replaced. It lets a subscriber switch among the
 * developer's subscription tiers, and follows when they change.
 */
import { env } from "cloudflare:test";
import { PORTAL_PURPOSE_METADATA_KEY } from "@dream-api/shared";
import { tierCacheKvKey } from "@dream-api/shared/caches";
import { insertTierStatement } from "@dream-api/shared/db";
import { describe, expect, it } from "vitest";
import { awaitDeliveries, call, deliverAll, harnessClock, inboxCursor, payCheckout, seedConnectedPlatform, standInStripe, tier } from "../../harness";

async function payerOn(account: string, platformId: string, secretKey: string): Promise<void> {
  const created = await call("POST", "/api/customers", { key: secretKey, body: { userId: "payer", email: `payer.${crypto.randomUUID().slice(0, 8)}@example.com` } });
  expect(created.status).toBe(201);
  const customer = await standInStripe().customers.create({ email: "payer@example.com" }, { stripeAccount: account });
  await env.DB.prepare("UPDATE end_users SET stripe_customer_id = ?3, stripe_customer_account = ?4 WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, "payer", customer.id, account).run();
}

async function endUserConfigurations(account: string) {
  const listed = await standInStripe().billingPortal.configurations.list({ limit: 100, expand: ["data.features.subscription_update.products"] }, { stripeAccount: account });
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

  it("lets a subscriber switch among the tiers, and lists a tier added since", async () => {
    const platform = await seedConnectedPlatform();
    const key = platform.secretKey;
    const onAccount = { stripeAccount: platform.account };
    const team = await standInStripe().products.create({ name: "Team" }, onAccount);
    const teamPrice = await standInStripe().prices.create({ product: team.id, unit_amount: 4900, currency: "usd", recurring: { interval: "month" } }, onAccount);
    const now = harnessClock().toISOString();
    await insertTierStatement(env.DB, { platformId: platform.platformId, mode: "test" }, tier({ name: "team", limit: 5000, price: 4900, priceId: teamPrice.id, productId: team.id }, 3), now).run();

    await call("POST", "/api/customers", { key, body: { userId: "switcher", email: `switcher.${crypto.randomUUID().slice(0, 8)}@example.com` } });
    const cursor = await inboxCursor("connect");
    const checkout = await call("POST", "/api/checkout", { key, body: { userId: "switcher", tier: "pro" } });
    await payCheckout(checkout.body.url);
    await deliverAll(await awaitDeliveries(cursor, ["checkout.session.completed", "customer.subscription.created", "invoice.paid"], "connect"));

    const portal = await call("POST", "/api/portal", { key, body: { userId: "switcher" } });
    expect(portal.status).toBe(201);
    const [configuration] = await endUserConfigurations(platform.account);
    expect(configuration?.features.subscription_update).toMatchObject({ enabled: true, default_allowed_updates: ["price"] });
    expect(configuration?.features.subscription_update.products?.map((product) => product.prices)).toEqual([[platform.proPriceId], [teamPrice.id]]);
    const page = await (await fetch(portal.body.url)).text();
    const form = /action="(\/portal\/[^"]+\/subscriptions\/[^"]+)"/.exec(page)?.[1];
    expect(page).toContain("Switch to Team");

    const switchCursor = await inboxCursor("connect");
    const switched = await fetch(new URL(String(form), portal.body.url), {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ action: "switch", price: teamPrice.id }),
    });
    expect(switched.status).toBe(303);
    await deliverAll(await awaitDeliveries(switchCursor, ["customer.subscription.updated"], "connect"));
    expect((await call("GET", "/api/customers/switcher", { key })).body.customer).toMatchObject({ plan: "team", usage: { limit: 5000 } });

    // A tier added since: the same configuration, updated to list it.
    const scale = await standInStripe().products.create({ name: "Scale" }, onAccount);
    const scalePrice = await standInStripe().prices.create({ product: scale.id, unit_amount: 9900, currency: "usd", recurring: { interval: "month" } }, onAccount);
    await insertTierStatement(env.DB, { platformId: platform.platformId, mode: "test" }, tier({ name: "scale", limit: 50000, price: 9900, priceId: scalePrice.id, productId: scale.id }, 4), now).run();
    await env.TIER_CACHE.delete(tierCacheKvKey({ platformId: platform.platformId, mode: "test" }));
    expect((await call("POST", "/api/portal", { key, body: { userId: "switcher" } })).status).toBe(201);
    const updated = await endUserConfigurations(platform.account);
    expect(updated.map((c) => c.id)).toEqual([configuration?.id]);
    expect(updated[0]?.features.subscription_update.products?.map((product) => product.product)).toEqual([expect.any(String), team.id, scale.id]);
  });
});
