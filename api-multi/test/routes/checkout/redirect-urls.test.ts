/** Where Checkout and the portal send an end-user back: the developer's settings of the key's mode (front-auth-api's /settings). */
import { describe, expect, it } from "vitest";
import { call, expectErrorShape, saveSettings, seedConnectedPlatform, stripe } from "../../harness";

async function livePlatformWithSettings() {
  const platform = await seedConnectedPlatform({ mode: "live", plan: "paid" });
  await saveSettings(platform.platformId, { mode: "live", allowedOrigins: ["https://app.example"], defaultSuccessUrl: "https://app.example/thanks" });
  const email = `live.${crypto.randomUUID().slice(0, 8)}@example.com`;
  expect((await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "liv", email } })).status).toBe(201);
  return platform;
}

describe("checkout redirect URLs in live mode", () => {
  it("accepts a URL on an allowed origin, refuses one outside, and falls back to the live defaults", async () => {
    const platform = await livePlatformWithSettings();
    const key = platform.secretKey;
    const inside = await call("POST", "/api/checkout", { key, body: { userId: "liv", tier: "pro", successUrl: "https://app.example/welcome" } });
    expect(inside.status).toBe(201);
    const outside = await call("POST", "/api/checkout", { key, body: { userId: "liv", tier: "pro", successUrl: "https://attacker.example/" } });
    expectErrorShape(outside, 400, "invalid_request");
    expect(outside.body.error.param).toBe("successUrl");

    const defaults = await call("POST", "/api/checkout", { key, body: { userId: "liv", tier: "pro" } });
    expect(defaults.status).toBe(201);
    const session = await stripe.checkout.sessions.retrieve(defaults.body.id, {}, { stripeAccount: platform.account });
    expect(session.success_url).toBe("https://app.example/thanks");
    expect(session.cancel_url).toContain(`/p/${platform.publishableKey}?checkout=canceled`);
  });

  it("takes nothing from the test settings: a live key with only test origins is refused", async () => {
    const platform = await seedConnectedPlatform({ mode: "live", plan: "paid" });
    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"] });
    await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "liv", email: `t.${crypto.randomUUID().slice(0, 8)}@example.com` } });
    expectErrorShape(await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "liv", tier: "pro", successUrl: "https://app.example/x" } }), 400, "invalid_request");
  });
});
