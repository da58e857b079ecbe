/**
 * The brand of the hosted pages (front-auth-api's /settings, per mode): the
 * public tiers carry it for the pricing page, and Checkout sessions carry it
 * to Stripe as `branding_settings`.
 */
import { describe, expect, it } from "vitest";
import { call, saveSettings, seedConnectedPlatform, seedPlatform, stripe } from "../../harness";

const BRAND = { displayName: "Acme AI", logoUrl: "https://app.example/logo.png", accentColor: "#4f46e5", supportEmail: "support@app.example" };
const NO_BRAND = { displayName: null, logoUrl: null, accentColor: null, supportEmail: null };

describe("the brand on the public tiers", () => {
  it("is all nulls until set, then the brand of the key's own mode", async () => {
    const test = await seedPlatform({ mode: "test" });
    const before = await call("GET", `/api/public/tiers?pk=${test.publishableKey}`);
    expect(before.status).toBe(200);
    expect(before.body.brand).toEqual(NO_BRAND);

    await saveSettings(test.platformId, { mode: "live", ...BRAND, displayName: "Acme live" });
    expect((await call("GET", `/api/public/tiers?pk=${test.publishableKey}`)).body.brand, "the live brand is not the test key's").toEqual(NO_BRAND);
    await saveSettings(test.platformId, { mode: "test", ...BRAND });
    expect((await call("GET", `/api/public/tiers?pk=${test.publishableKey}`)).body.brand).toEqual(BRAND);
  });

  it("of a live key is the live brand", async () => {
    const live = await seedPlatform({ mode: "live", plan: "paid" });
    await saveSettings(live.platformId, { mode: "test", ...BRAND });
    await saveSettings(live.platformId, { mode: "live", displayName: "Acme live", supportEmail: "help@app.example" });
    expect((await call("GET", `/api/public/tiers?pk=${live.publishableKey}`)).body.brand).toEqual({ ...NO_BRAND, displayName: "Acme live", supportEmail: "help@app.example" });
  });
});

describe("the brand on Checkout", () => {
  it("sends Stripe's branding_settings when a brand is set, and none when not", async () => {
    const platform = await seedConnectedPlatform();
    const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "b", email: `b.${crypto.randomUUID().slice(0, 8)}@example.com` } });
    expect(created.status).toBe(201);

    const plain = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "b", tier: "ebook" } });
    expect(plain.status).toBe(201);
    expect((await stripe.checkout.sessions.retrieve(plain.body.id, {}, { stripeAccount: platform.account })).branding_settings).toBeUndefined();

    await saveSettings(platform.platformId, { mode: "test", ...BRAND });
    const branded = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "b", tier: "ebook" } });
    expect(branded.status).toBe(201);
    const session = await stripe.checkout.sessions.retrieve(branded.body.id, {}, { stripeAccount: platform.account });
    expect(session.branding_settings).toMatchObject({ display_name: "Acme AI", button_color: "#4f46e5", logo: { type: "url", url: "https://app.example/logo.png" } });
    const page = await (await fetch(branded.body.url)).text();
    expect(page).toContain("Acme AI");
    expect(page).toContain('src="https://app.example/logo.png"');
  });

  it("leaves an http logo (test mode allows it) off Stripe's https page, and keeps the rest", async () => {
    const platform = await seedConnectedPlatform();
    await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "h", email: `h.${crypto.randomUUID().slice(0, 8)}@example.com` } });
    await saveSettings(platform.platformId, { mode: "test", logoUrl: "http://localhost:5173/logo.png", accentColor: "#112233" });
    const branded = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: "h", tier: "ebook" } });
    expect(branded.status).toBe(201);
    const session = await stripe.checkout.sessions.retrieve(branded.body.id, {}, { stripeAccount: platform.account });
    expect(session.branding_settings).toMatchObject({ button_color: "#112233", logo: null });
  });
});
