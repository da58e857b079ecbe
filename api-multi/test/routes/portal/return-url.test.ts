/** Where the billing portal sends an end-user back: the same rule as Checkout (routes/checkout/redirect-urls.test.ts), in both modes. */
import { env } from "cloudflare:test";
import type { KeyMode } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import { call, expectErrorShape, saveSettings, seedConnectedPlatform, standInStripe } from "../../harness";

/** A platform whose end-user "payer" has a Stripe customer on the connected account, so the portal opens. */
async function platformWithPayer(mode: KeyMode) {
  const platform = await seedConnectedPlatform({ mode, plan: "paid" });
  const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "payer", email: `payer.${crypto.randomUUID().slice(0, 8)}@example.com` } });
  expect(created.status).toBe(201);
  const customer = await standInStripe(mode).customers.create({ email: "payer@example.com" }, { stripeAccount: platform.account });
  await env.DB.prepare("UPDATE end_users SET stripe_customer_id = ?3, stripe_customer_account = ?4 WHERE platform_id = ?1 AND user_id = ?2")
    .bind(platform.platformId, "payer", customer.id, platform.account)
    .run();
  return platform;
}

const portal = (key: string, returnUrl?: string) => call("POST", "/api/portal", { key, body: { userId: "payer", ...(returnUrl ? { returnUrl } : {}) } });

describe("portal return URL", () => {
  it("test mode: refused outside the test origins, accepted inside, localhost only when ticked", async () => {
    const platform = await platformWithPayer("test");
    const unsaved = await portal(platform.secretKey, "https://app.example/account");
    expectErrorShape(unsaved, 400, "invalid_request");
    expect(unsaved.body.error.param).toBe("returnUrl");
    expect(unsaved.body.error.message).toContain("PATCH /settings");

    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"] });
    expect((await portal(platform.secretKey, "https://app.example/account")).status).toBe(201);
    expectErrorShape(await portal(platform.secretKey, "http://localhost:3000/account"), 400, "invalid_request");
    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"], allowLocalhost: true });
    expect((await portal(platform.secretKey, "http://localhost:3000/account")).status).toBe(201);
    // No returnUrl: the hosted pricing page, whatever the origins.
    expect((await portal(platform.secretKey)).status).toBe(201);
  });

  it("live mode: refused outside the live origins and on localhost, accepted inside", async () => {
    const platform = await platformWithPayer("live");
    await saveSettings(platform.platformId, { mode: "live", allowedOrigins: ["https://app.example"], allowLocalhost: true });
    expectErrorShape(await portal(platform.secretKey, "https://attacker.example/"), 400, "invalid_request");
    expectErrorShape(await portal(platform.secretKey, "http://localhost:3000/account"), 400, "invalid_request");
    expect((await portal(platform.secretKey, "https://app.example/account")).status).toBe(201);
  });
});
