/**
 * Where Checkout sends an end-user back: the developer's settings of the
 * key's mode (front-auth-api's /settings), checked in both modes and for
 * every caller (secret key or end-user session); in test mode localhost
 * too when the developer ticked it, never in live mode.
 */
import { describe, expect, it } from "vitest";
import { call, expectErrorShape, mintToken, saveSettings, seedConnectedPlatform, standInStripe, type ConnectedPlatform } from "../../harness";
import type { KeyMode } from "@dream-api/shared";

async function platformWithCustomer(mode: KeyMode): Promise<ConnectedPlatform & { clerkUserId: string }> {
  const platform = await seedConnectedPlatform({ mode, plan: "paid" });
  const email = `${mode}.${crypto.randomUUID().slice(0, 8)}@example.com`;
  const created = await call("POST", "/api/customers", { key: platform.secretKey, body: { userId: "liv", email } });
  expect(created.status).toBe(201);
  return { ...platform, clerkUserId: created.body.customer.clerkUserId };
}

/** Checkout sessions on the platform's connected account (what a refused call must not have added to). */
async function sessionCount(platform: ConnectedPlatform): Promise<number> {
  return (await standInStripe(platform.mode).checkout.sessions.list({ limit: 100 }, { stripeAccount: platform.account })).data.length;
}

const checkout = (key: string, urls: { successUrl?: string; cancelUrl?: string }) => call("POST", "/api/checkout", { key, body: { userId: "liv", tier: "pro", ...urls } });

describe("checkout redirect URLs in live mode", () => {
  it("accepts a URL on an allowed origin, refuses one outside, and falls back to the live defaults", async () => {
    const platform = await platformWithCustomer("live");
    await saveSettings(platform.platformId, { mode: "live", allowedOrigins: ["https://app.example"], defaultSuccessUrl: "https://app.example/thanks" });
    const key = platform.secretKey;
    expect((await checkout(key, { successUrl: "https://app.example/welcome" })).status).toBe(201);
    const outside = await checkout(key, { successUrl: "https://attacker.example/" });
    expectErrorShape(outside, 400, "invalid_request");
    expect(outside.body.error.param).toBe("successUrl");

    const defaults = await checkout(key, {});
    expect(defaults.status).toBe(201);
    // A live key's checkout runs in live mode: the session exists for the platform's live key only.
    const session = await standInStripe("live").checkout.sessions.retrieve(defaults.body.id, {}, { stripeAccount: platform.account });
    await expect(standInStripe("test").checkout.sessions.retrieve(defaults.body.id, {}, { stripeAccount: platform.account })).rejects.toThrow();
    expect(session.livemode).toBe(true);
    expect(session.success_url).toBe("https://app.example/thanks");
    expect(session.cancel_url).toMatch(new RegExp(`/p/${platform.platformId}\\?checkout=canceled$`));
  });

  it("takes nothing from the test settings: a live key with only test origins is refused", async () => {
    const platform = await platformWithCustomer("live");
    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"], allowLocalhost: true });
    expectErrorShape(await checkout(platform.secretKey, { successUrl: "https://app.example/x" }), 400, "invalid_request");
    expectErrorShape(await checkout(platform.secretKey, { successUrl: "http://localhost:3000/x" }), 400, "invalid_request");
  });

  it("refuses localhost even when a live row says allowLocalhost (front-auth-api never saves that), and says what to do", async () => {
    const platform = await platformWithCustomer("live");
    await saveSettings(platform.platformId, { mode: "live", allowedOrigins: ["https://app.example"], allowLocalhost: true });
    const before = await sessionCount(platform);
    for (const url of ["http://localhost:3000/done", "http://127.0.0.1:8080/done"]) {
      const refused = await checkout(platform.secretKey, { cancelUrl: url });
      expectErrorShape(refused, 400, "invalid_request");
      expect(refused.body.error.param).toBe("cancelUrl");
      expect(refused.body.error.message).toContain("Live mode does not allow localhost");
    }
    expect(await sessionCount(platform)).toBe(before);
  });
});

describe("checkout redirect URLs in test mode", () => {
  it("refuses a URL outside the test origins before Stripe is called, naming the field and what to do", async () => {
    const platform = await platformWithCustomer("test");
    const before = await sessionCount(platform);
    const unsaved = await checkout(platform.secretKey, { successUrl: "https://app.example/thanks" });
    expectErrorShape(unsaved, 400, "invalid_request");
    expect(unsaved.body.error.param).toBe("successUrl");
    expect(unsaved.body.error.message).toContain("Add https://app.example to the test mode allowed origins in the dashboard's Settings, or with PATCH /settings");

    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"] });
    const outside = await checkout(platform.secretKey, { successUrl: "https://app.example/thanks", cancelUrl: "https://attacker.example/back" });
    expectErrorShape(outside, 400, "invalid_request");
    expect(outside.body.error.param).toBe("cancelUrl");
    expect(await sessionCount(platform)).toBe(before);
  });

  it("accepts URLs on a test origin", async () => {
    const platform = await platformWithCustomer("test");
    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example", "http://dev.app.example:8080"] });
    const inside = await checkout(platform.secretKey, { successUrl: "https://app.example/thanks", cancelUrl: "http://dev.app.example:8080/pricing" });
    expect(inside.status).toBe(201);
    const session = await standInStripe("test").checkout.sessions.retrieve(inside.body.id, {}, { stripeAccount: platform.account });
    expect(session).toMatchObject({ success_url: "https://app.example/thanks", cancel_url: "http://dev.app.example:8080/pricing" });
  });

  it("takes localhost on any port only when the developer ticked allowLocalhost", async () => {
    const platform = await platformWithCustomer("test");
    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"] });
    const before = await sessionCount(platform);
    const unticked = await checkout(platform.secretKey, { successUrl: "http://localhost:3000/thanks" });
    expectErrorShape(unticked, 400, "invalid_request");
    expect(unticked.body.error.message).toContain('tick "Allow http://localhost in test mode"');
    expect(await sessionCount(platform)).toBe(before);

    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"], allowLocalhost: true });
    expect((await checkout(platform.secretKey, { successUrl: "http://localhost:3000/thanks", cancelUrl: "http://127.0.0.1:5173/pricing" })).status).toBe(201);
    expect((await checkout(platform.secretKey, { successUrl: "http://localhost/thanks" })).status).toBe(201);
    // Only the loopback names: a host that merely starts with "localhost" is a stranger's.
    expectErrorShape(await checkout(platform.secretKey, { successUrl: "http://localhost.attacker.example/x" }), 400, "invalid_request");
  });

  it("checks an end-user session's URLs the same way as a secret key's", async () => {
    const platform = await platformWithCustomer("test");
    await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"] });
    const jwt = await mintToken(platform.clerkUserId, { instance: "end-user-api", azp: "https://app.example" });
    const refused = await call("POST", "/api/checkout", { key: jwt, body: { tier: "pro", successUrl: "https://attacker.example/" } });
    expectErrorShape(refused, 400, "invalid_request");
    expect(refused.body.error.param).toBe("successUrl");
    expect((await call("POST", "/api/checkout", { key: jwt, body: { tier: "pro", successUrl: "https://app.example/thanks" } })).status).toBe(201);
  });

  it("needs no settings for the defaults: the hosted pricing page, or the developer's own default URLs", async () => {
    const platform = await platformWithCustomer("test");
    const hosted = await checkout(platform.secretKey, {});
    expect(hosted.status).toBe(201);
    await saveSettings(platform.platformId, { mode: "test", defaultSuccessUrl: "https://staging.app.example/thanks" });
    const defaults = await checkout(platform.secretKey, {});
    expect(defaults.status).toBe(201);
    const session = await standInStripe("test").checkout.sessions.retrieve(defaults.body.id, {}, { stripeAccount: platform.account });
    expect(session.success_url).toBe("https://staging.app.example/thanks");
  });
});
