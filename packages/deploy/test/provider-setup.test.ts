/**
 * The provider setup against the local stand-ins of Stripe and Clerk, which
 * speak the real APIs through the real `stripe` and `@clerk/backend`
 * clients: the first run creates the webhook endpoints, price, portal
 * configuration and organization settings; a second run creates nothing;
 * an endpoint whose worker lost its secret is replaced, a moved address is
 * updated in place.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Done } from "../src/cloudflare";
import { type ProviderClients, setUpProviders, startStandIns } from "../src/deploy";
import { STAND_IN_SETTINGS } from "./fixtures";

const NO_SECRETS = { "front-auth-api": new Set<string>(), "api-multi": new Set<string>(), "oauth-api": new Set<string>() };
const ALL_WEBHOOK_SECRETS = {
  "front-auth-api": new Set(["STRIPE_WEBHOOK_SECRET"]),
  "api-multi": new Set(["STRIPE_PREVIEW_WEBHOOK_SECRET", "STRIPE_CONNECT_WEBHOOK_SECRET_TEST", "STRIPE_CONNECT_WEBHOOK_SECRET_LIVE"]),
  "oauth-api": new Set<string>(),
};
const changes = (done: Done[]) => done.filter((step) => ["created", "updated", "replaced"].includes(step.action));

let standIns: Awaited<ReturnType<typeof startStandIns>>;
let clients: ProviderClients;
beforeEach(async () => {
  standIns = await startStandIns(STAND_IN_SETTINGS);
  clients = standIns.clients;
});
afterEach(() => standIns.close());

async function endpoints(mode: "test" | "live") {
  return (await clients.stripe[mode].webhookEndpoints.list({ limit: 100 })).data;
}

describe("provider setup", () => {
  it("creates the four webhook endpoints with the events each worker handles, and hands their secrets to the workers", async () => {
    const first = await setUpProviders(clients, STAND_IN_SETTINGS, NO_SECRETS);
    const live = await endpoints("live");
    const test = await endpoints("test");
    expect(live.map((endpoint) => endpoint.metadata["dream_api_endpoint"]).sort()).toEqual(["connect-live", "developer-plan"]);
    expect(test.map((endpoint) => endpoint.metadata["dream_api_endpoint"]).sort()).toEqual(["connect-test", "preview-checkouts"]);
    const developerPlan = live.find((endpoint) => endpoint.metadata["dream_api_endpoint"] === "developer-plan");
    expect(developerPlan?.url).toBe("https://auth.dream-api.dev/webhook/stripe");
    expect(developerPlan?.enabled_events.sort()).toEqual(["checkout.session.completed", "customer.subscription.created", "customer.subscription.deleted", "customer.subscription.updated"]);
    const connectTest = test.find((endpoint) => endpoint.metadata["dream_api_endpoint"] === "connect-test");
    expect(connectTest?.url).toBe("https://api.dream-api.dev/webhook/stripe");
    expect(connectTest?.enabled_events).toContain("account.application.deauthorized");
    // Listed endpoints never show their secret; the run got each once, at creation.
    expect(live.every((endpoint) => endpoint.secret === undefined)).toBe(true);
    const secrets = [first.webhookSecrets["front-auth-api"]["STRIPE_WEBHOOK_SECRET"], ...Object.values(first.webhookSecrets["api-multi"])];
    expect(secrets).toHaveLength(4);
    expect(new Set(secrets).size).toBe(4);
    for (const secret of secrets) expect(secret).toMatch(/^whsec_/);
  });

  it("creates the platform price in both modes and the developers' portal configuration, and enables organizations on end-user-api", async () => {
    await setUpProviders(clients, STAND_IN_SETTINGS, NO_SECRETS);
    for (const mode of ["test", "live"] as const) {
      const prices = await clients.stripe[mode].prices.list({ lookup_keys: ["dream_api_platform_monthly"] });
      expect(prices.data).toHaveLength(1);
      expect(prices.data[0]).toMatchObject({ unit_amount: 1500, currency: "usd", recurring: { interval: "month" } });
      const portal = await clients.stripe[mode].billingPortal.configurations.list({ limit: 100 });
      expect(portal.data.filter((configuration) => configuration.metadata?.["dream_api_portal"] === "platform")).toHaveLength(1);
    }
    const organizations = await clients.clerk.endUser.instance.getOrganizationSettings();
    expect(organizations.enabled).toBe(true);
  });

  it("a second run, with the workers holding the secrets, creates and changes nothing", async () => {
    await setUpProviders(clients, STAND_IN_SETTINGS, NO_SECRETS);
    const before = { test: await endpoints("test"), live: await endpoints("live") };
    const second = await setUpProviders(clients, STAND_IN_SETTINGS, ALL_WEBHOOK_SECRETS);
    expect(changes(second.done)).toEqual([]);
    expect(second.webhookSecrets).toEqual({ "front-auth-api": {}, "api-multi": {}, "oauth-api": {} });
    expect({ test: await endpoints("test"), live: await endpoints("live") }).toEqual(before);
  });

  it("replaces an endpoint whose worker lacks its secret, and only that one", async () => {
    await setUpProviders(clients, STAND_IN_SETTINGS, NO_SECRETS);
    const oldPreview = (await endpoints("test")).find((endpoint) => endpoint.metadata["dream_api_endpoint"] === "preview-checkouts");
    const lacking = { ...ALL_WEBHOOK_SECRETS, "api-multi": new Set(["STRIPE_CONNECT_WEBHOOK_SECRET_TEST", "STRIPE_CONNECT_WEBHOOK_SECRET_LIVE"]) };
    const run = await setUpProviders(clients, STAND_IN_SETTINGS, lacking);
    expect(changes(run.done).map((step) => step.action)).toEqual(["replaced"]);
    expect(Object.keys(run.webhookSecrets["api-multi"])).toEqual(["STRIPE_PREVIEW_WEBHOOK_SECRET"]);
    const previews = (await endpoints("test")).filter((endpoint) => endpoint.metadata["dream_api_endpoint"] === "preview-checkouts");
    expect(previews).toHaveLength(1);
    expect(previews[0]?.id).not.toBe(oldPreview?.id);
  });

  it("updates the endpoints in place when api-multi moves, keeping their secrets", async () => {
    await setUpProviders(clients, STAND_IN_SETTINGS, NO_SECRETS);
    const moved = await setUpProviders(clients, { ...STAND_IN_SETTINGS, API_MULTI_URL: "https://api2.dream-api.dev" }, ALL_WEBHOOK_SECRETS);
    expect(changes(moved.done).map((step) => step.action)).toEqual(["updated", "updated", "updated"]);
    expect(moved.webhookSecrets["api-multi"]).toEqual({});
    const urls = [...(await endpoints("test")), ...(await endpoints("live"))].filter((endpoint) => endpoint.metadata["dream_api_endpoint"] !== "developer-plan").map((endpoint) => endpoint.url);
    expect(urls).toEqual(["https://api2.dream-api.dev/webhook/stripe", "https://api2.dream-api.dev/webhook/stripe", "https://api2.dream-api.dev/webhook/stripe"]);
  });
});
