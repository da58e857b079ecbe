/** GET and PATCH /settings: one set per mode, validated field by field, saved for the next checkout. */
import { env } from "cloudflare:test";
import { getPlatformSettings } from "@dream-api/shared/db";
import { describe, expect, it } from "vitest";
import { call, createDeveloper, expectError } from "../../harness";

async function developerWithPlatform() {
  const dev = await createDeveloper();
  const me = await call("GET", "/me", { token: dev.token });
  expect(me.status).toBe(200);
  return { token: dev.token, platformId: me.body.platformId as string };
}

describe("developer settings", () => {
  it("starts empty, saves each mode on its own, and merges a change into what was saved", async () => {
    const { token, platformId } = await developerWithPlatform();
    const empty = await call("GET", "/settings?mode=live", { token });
    expect(empty.body.settings).toEqual({
      mode: "live",
      allowedOrigins: [],
      allowLocalhost: false,
      defaultSuccessUrl: null,
      defaultCancelUrl: null,
      defaultReturnUrl: null,
      displayName: null,
      logoUrl: null,
      accentColor: null,
      supportEmail: null,
      usageAlertThresholds: [0.8, 1],
      updatedAt: null,
    });

    const live = await call("PATCH", "/settings", {
      token,
      body: { mode: "live", allowedOrigins: ["https://app.example", "https://www.app.example"], defaultSuccessUrl: "https://app.example/thanks" },
    });
    expect(live.status).toBe(200);
    expect(live.body.settings).toMatchObject({
      mode: "live",
      allowedOrigins: ["https://app.example", "https://www.app.example"],
      defaultSuccessUrl: "https://app.example/thanks",
      defaultCancelUrl: null,
    });
    const test = await call("PATCH", "/settings", { token, body: { mode: "test", allowedOrigins: ["http://localhost:3000"] } });
    expect(test.body.settings).toMatchObject({ mode: "test", allowedOrigins: ["http://localhost:3000"], defaultSuccessUrl: null });

    const merged = await call("PATCH", "/settings", { token, body: { mode: "live", defaultReturnUrl: "https://www.app.example/account" } });
    expect(merged.body.settings).toMatchObject({
      allowedOrigins: ["https://app.example", "https://www.app.example"],
      defaultSuccessUrl: "https://app.example/thanks",
      defaultReturnUrl: "https://www.app.example/account",
    });
    const cleared = await call("PATCH", "/settings", { token, body: { mode: "live", defaultSuccessUrl: null } });
    expect(cleared.body.settings.defaultSuccessUrl).toBeNull();

    expect(await getPlatformSettings(env.DB, platformId, "live")).toMatchObject({
      allowedOrigins: ["https://app.example", "https://www.app.example"],
      defaultReturnUrl: "https://www.app.example/account",
    });
    expect((await call("GET", "/settings?mode=test", { token })).body.settings.allowedOrigins).toEqual(["http://localhost:3000"]);
  });

  it("refuses what a browser could not send back to, with the field at fault, and saves nothing", async () => {
    const { token, platformId } = await developerWithPlatform();
    const refusals: [Record<string, unknown>, string][] = [
      [{ mode: "live", allowedOrigins: ["http://app.example"] }, "allowedOrigins.0"],
      [{ mode: "test", allowedOrigins: ["https://app.example/path"] }, "allowedOrigins.0"],
      [{ mode: "test", allowedOrigins: ["https://app.example/"] }, "allowedOrigins.0"],
      [{ mode: "test", allowedOrigins: ["javascript:alert(1)"] }, "allowedOrigins.0"],
      [{ mode: "live", allowedOrigins: ["https://app.example"], defaultSuccessUrl: "https://elsewhere.example/thanks" }, "defaultSuccessUrl"],
      [{ mode: "test", defaultCancelUrl: "ftp://app.example/x" }, "defaultCancelUrl"],
      [{ mode: "staging" }, "mode"],
      [{ mode: "test", allowedOrigins: Array.from({ length: 21 }, (_, i) => `https://a${i}.example`) }, "allowedOrigins"],
    ];
    for (const [body, param] of refusals) {
      const refused = await call("PATCH", "/settings", { token, body });
      expectError(refused, 400, "invalid_request");
      expect(refused.body.error.param, JSON.stringify(body)).toBe(param);
    }
    expectError(await call("GET", "/settings?mode=staging", { token }), 400, "invalid_request");
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM platform_settings WHERE platform_id = ?1").bind(platformId).first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("saves the brand and allowLocalhost per mode, trims the display name, and clears a field with null", async () => {
    const { token, platformId } = await developerWithPlatform();
    const brand = { displayName: "  Acme AI  ", logoUrl: "https://app.example/logo.png", accentColor: "#4F46E5", supportEmail: "support@app.example" };
    const live = await call("PATCH", "/settings", { token, body: { mode: "live", ...brand } });
    expect(live.status).toBe(200);
    expect(live.body.settings).toMatchObject({
      mode: "live",
      displayName: "Acme AI",
      logoUrl: "https://app.example/logo.png",
      accentColor: "#4F46E5",
      supportEmail: "support@app.example",
      allowLocalhost: false,
    });

    const test = await call("PATCH", "/settings", { token, body: { mode: "test", allowLocalhost: true, logoUrl: "http://localhost:5173/logo.png", displayName: "Acme (test)" } });
    expect(test.status).toBe(200);
    expect(test.body.settings).toMatchObject({ allowLocalhost: true, logoUrl: "http://localhost:5173/logo.png", displayName: "Acme (test)", accentColor: null });
    expect((await call("GET", "/settings?mode=live", { token })).body.settings).toMatchObject({ displayName: "Acme AI", allowLocalhost: false });

    const cleared = await call("PATCH", "/settings", { token, body: { mode: "live", logoUrl: null, supportEmail: null } });
    expect(cleared.body.settings).toMatchObject({ displayName: "Acme AI", logoUrl: null, accentColor: "#4F46E5", supportEmail: null });
    const unticked = await call("PATCH", "/settings", { token, body: { mode: "test", allowLocalhost: false } });
    expect(unticked.body.settings).toMatchObject({ allowLocalhost: false, displayName: "Acme (test)" });
    expect(await getPlatformSettings(env.DB, platformId, "test")).toMatchObject({ allowLocalhost: false, logoUrl: "http://localhost:5173/logo.png" });
  });

  it("refuses a bad brand field or localhost in live mode with the field at fault, and saves nothing", async () => {
    const { token, platformId } = await developerWithPlatform();
    const refusals: [Record<string, unknown>, string, string][] = [
      [{ mode: "live", allowLocalhost: true }, "allowLocalhost", "tick it in test mode only"],
      [{ mode: "test", allowLocalhost: "yes" }, "allowLocalhost", "must be true or false"],
      [{ mode: "test", displayName: "   " }, "displayName", "1 to 60 characters"],
      [{ mode: "test", displayName: "x".repeat(61) }, "displayName", "1 to 60 characters"],
      [{ mode: "test", displayName: 42 }, "displayName", ""],
      [{ mode: "test", logoUrl: "not a url" }, "logoUrl", "https URL"],
      [{ mode: "test", logoUrl: "javascript:alert(1)" }, "logoUrl", "https URL"],
      [{ mode: "test", logoUrl: `https://app.example/${"a".repeat(2048)}` }, "logoUrl", "2048"],
      [{ mode: "live", logoUrl: "http://app.example/logo.png" }, "logoUrl", "https logo only"],
      [{ mode: "test", accentColor: "indigo" }, "accentColor", "#4f46e5"],
      [{ mode: "test", accentColor: "#fff" }, "accentColor", "hex colour"],
      [{ mode: "test", supportEmail: "support" }, "supportEmail", "valid email"],
      [{ mode: "test", brand: { displayName: "Acme" } }, "brand", "Unknown field"],
    ];
    for (const [body, param, message] of refusals) {
      const refused = await call("PATCH", "/settings", { token, body });
      expectError(refused, 400, "invalid_request");
      expect(refused.body.error.param, JSON.stringify(body)).toBe(param);
      expect(refused.body.error.message, JSON.stringify(body)).toContain(message);
    }
    const rows = await env.DB.prepare("SELECT COUNT(*) AS n FROM platform_settings WHERE platform_id = ?1").bind(platformId).first<{ n: number }>();
    expect(rows?.n).toBe(0);
  });

  it("is the caller's own: another developer's settings are neither read nor written", async () => {
    const a = await developerWithPlatform();
    const b = await developerWithPlatform();
    await call("PATCH", "/settings", { token: a.token, body: { mode: "live", allowedOrigins: ["https://a.example"] } });
    expect((await call("GET", "/settings?mode=live", { token: b.token })).body.settings.allowedOrigins).toEqual([]);
    expect((await getPlatformSettings(env.DB, b.platformId, "live")).updatedAt).toBeNull();
  });

  it("saves usage-alert thresholds per mode, sorted, [] turning alerts off, and refuses bad ones saving nothing", async () => {
    const { token, platformId } = await developerWithPlatform();
    const saved = await call("PATCH", "/settings", { token, body: { mode: "test", usageAlertThresholds: [1, 0.5, 0.9] } });
    expect(saved.status).toBe(200);
    expect(saved.body.settings.usageAlertThresholds).toEqual([0.5, 0.9, 1]);
    expect((await call("GET", "/settings?mode=live", { token })).body.settings.usageAlertThresholds).toEqual([0.8, 1]);
    expect((await call("PATCH", "/settings", { token, body: { mode: "live", usageAlertThresholds: [] } })).body.settings.usageAlertThresholds).toEqual([]);
    for (const bad of [[0], [1.5], [0.5, 0.5], [0.123], [0.1, 0.2, 0.3, 0.4, 0.5, 0.6], ["0.8"]]) {
      const refused = await call("PATCH", "/settings", { token, body: { mode: "test", usageAlertThresholds: bad } });
      expect(refused.status, JSON.stringify(bad)).toBe(400);
      expect(refused.body.error.param).toMatch(/^usageAlertThresholds/);
    }
    expect((await getPlatformSettings(env.DB, platformId, "test")).usageAlertThresholds).toEqual([0.5, 0.9, 1]);
  });
});
