/** Every tenant-scoped call of the dashboard names its mode; platform-wide calls name none. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { developerApi } from "../src/api/developer-api";
import type { SettingsChange } from "../src/api/models";
import { config } from "../src/config";

const sent: { url: URL; method: string; body: unknown; authorization: string | null }[] = [];

beforeEach(() => {
  sent.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string, init: RequestInit = {}) => {
      const headers = new Headers(init.headers);
      sent.push({ url: new URL(input), method: init.method ?? "GET", body: init.body === undefined ? undefined : JSON.parse(String(init.body)), authorization: headers.get("Authorization") });
      return new Response(JSON.stringify({ tiers: [], copied: [] }), { status: 200, headers: { "Content-Type": "application/json" } });
    }),
  );
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const api = developerApi(async () => "session-jwt");

async function only(call: () => Promise<unknown>) {
  await call();
  expect(sent).toHaveLength(1);
  const [request] = sent;
  expect(request?.authorization).toBe("Bearer session-jwt");
  return request!;
}

describe("the dashboard's calls", () => {
  const tier = { name: "pro", displayName: "Pro", kind: "subscription", price: 19, currency: "usd", limit: 1000 } as const;

  for (const mode of ["test", "live"] as const) {
    const scoped: [string, () => Promise<unknown>, string, string, string][] = [
      ["dashboard", () => api.dashboard(mode), "GET", config.apiMultiUrl, "/api/dashboard"],
      ["customers", () => api.customers(mode, {}), "GET", config.apiMultiUrl, "/api/customers"],
      ["customer", () => api.customer(mode, "user one"), "GET", config.apiMultiUrl, "/api/customers/user%20one"],
      ["credits", () => api.credits(mode, "user one"), "GET", config.apiMultiUrl, "/api/customers/user%20one/credits"],
      ["grantCredits", () => api.grantCredits(mode, "user one", { amount: 5, reason: "Gift" }, "key_1"), "POST", config.apiMultiUrl, "/api/customers/user%20one/credits"],
      ["tiers", () => api.tiers(mode), "GET", config.oauthApiUrl, "/products"],
      ["createTiers", () => api.createTiers(mode, [tier]), "POST", config.oauthApiUrl, "/products"],
      ["updateTier", () => api.updateTier(mode, "pro/x", { displayName: "Pro+" }), "PATCH", config.oauthApiUrl, "/products/pro%2Fx"],
      ["archiveTier", () => api.archiveTier(mode, "pro"), "DELETE", config.oauthApiUrl, "/products/pro"],
      ["settings", () => api.settings(mode), "GET", config.frontAuthApiUrl, "/settings"],
      ["webhookEndpoints", () => api.webhookEndpoints(mode), "GET", config.apiMultiUrl, "/api/webhook-endpoints"],
      ["createWebhookEndpoint", () => api.createWebhookEndpoint(mode, { url: "https://a.example/h" }), "POST", config.apiMultiUrl, "/api/webhook-endpoints"],
      ["updateWebhookEndpoint", () => api.updateWebhookEndpoint(mode, "we_1", { enabled: false }), "PATCH", config.apiMultiUrl, "/api/webhook-endpoints/we_1"],
      ["deleteWebhookEndpoint", () => api.deleteWebhookEndpoint(mode, "we_1"), "DELETE", config.apiMultiUrl, "/api/webhook-endpoints/we_1"],
      ["rotateWebhookSecret", () => api.rotateWebhookSecret(mode, "we_1"), "POST", config.apiMultiUrl, "/api/webhook-endpoints/we_1/rotate-secret"],
      ["testWebhookEndpoint", () => api.testWebhookEndpoint(mode, "we_1"), "POST", config.apiMultiUrl, "/api/webhook-endpoints/we_1/test"],
      ["webhookEvents", () => api.webhookEvents(mode), "GET", config.apiMultiUrl, "/api/webhook-events"],
      ["webhookEvent", () => api.webhookEvent(mode, "evt_1"), "GET", config.apiMultiUrl, "/api/webhook-events/evt_1"],
      ["resendWebhookEvent", () => api.resendWebhookEvent(mode, "evt_1"), "POST", config.apiMultiUrl, "/api/webhook-events/evt_1/resend"],
      ["logs", () => api.logs(mode), "GET", config.apiMultiUrl, "/api/logs"],
      ["log", () => api.log(mode, "req_1"), "GET", config.apiMultiUrl, "/api/logs/req_1"],
    ];
    for (const [name, call, method, base, path] of scoped) {
      it(`${name} sends ?mode=${mode}`, async () => {
        const request = await only(call);
        expect(request.method).toBe(method);
        expect(request.url.origin + request.url.pathname).toBe(`${base}${path}`);
        expect(request.url.searchParams.getAll("mode")).toEqual([mode]);
      });
    }
  }

  it("sends a webhook endpoint's fields as the body of create and update", async () => {
    const input = { url: "https://a.example/h", events: ["customer.created" as const], description: "Prod" };
    expect((await only(() => api.createWebhookEndpoint("live", input))).body).toEqual(input);
    sent.length = 0;
    expect((await only(() => api.updateWebhookEndpoint("live", "we_1", { events: null, enabled: true }))).body).toEqual({ events: null, enabled: true });
  });

  it("sends the tiers to create as { tiers }", async () => {
    expect((await only(() => api.createTiers("live", [tier]))).body).toEqual({ tiers: [tier] });
  });

  it("keeps the customers' page, search and cursor beside the mode", async () => {
    const request = await only(() => api.customers("live", { limit: 50, q: "ann@", cursor: "c_2" }));
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ mode: "live", limit: "50", q: "ann@", cursor: "c_2" });
  });

  it("asks the customers' first page with the default size and no empty search", async () => {
    const request = await only(() => api.customers("test", { q: "", cursor: null }));
    expect(Object.fromEntries(request.url.searchParams)).toEqual({ mode: "test", limit: "20" });
  });

  it("sends the settings' mode in the body of a change", async () => {
    const change: SettingsChange = { mode: "live", allowedOrigins: ["https://shop.example"], defaultSuccessUrl: null, defaultCancelUrl: null, defaultReturnUrl: null };
    const request = await only(() => api.updateSettings(change));
    expect(request.method).toBe("PATCH");
    expect(request.url.search).toBe("");
    expect(request.body).toEqual(change);
  });

  it("copies test tiers to live with POST /products/copy-to-live and an empty body", async () => {
    const request = await only(() => api.copyTiersToLive());
    expect(request.method).toBe("POST");
    expect(request.url.toString()).toBe(`${config.oauthApiUrl}/products/copy-to-live`);
    expect(request.body).toEqual({});
  });

  it("names no mode on the account, its keys, its plan and its Stripe connection", async () => {
    for (const call of [
      () => api.me(),
      () => api.issueCredentials(),
      () => api.rotateCredentials({ mode: "test", gracePeriodSeconds: 0 }),
      () => api.revokeKey("key_1"),
      () => api.subscribe(),
      () => api.manageSubscription(),
      () => api.connectStripe(),
      () => api.disconnectStripe(),
    ]) {
      sent.length = 0;
      expect((await only(call)).url.searchParams.has("mode")).toBe(false);
    }
  });
});
