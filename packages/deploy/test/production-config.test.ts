/**
 * The production wrangler configurations the deploy hands to wrangler: made
 * from each worker's committed wrangler.jsonc, with nothing left pointing at
 * this machine (today's wrangler.jsonc would ship
 * STRIPE_API_BASE=http://127.0.0.1:12111), the production ids, and
 * observability on.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type DeploySettings, dashboardWorkerConfig, dryRunResources, productionConfig, publicAddress, readWranglerConfig, WORKERS, type WranglerConfig } from "../src";
import { REAL_SETTINGS } from "./fixtures";

const ROOT = fileURLToPath(new URL("../../..", import.meta.url));

const SETTINGS: DeploySettings = REAL_SETTINGS;

const resources = { d1DatabaseId: "d1-production-id", kvNamespaceIds: { KEY_CACHE: "kv-keys", TIER_CACHE: "kv-tiers", ACCOUNT_CACHE: "kv-accounts" } };

describe("productionConfig", () => {
  const configs = WORKERS.map((worker) => ({
    worker,
    base: readWranglerConfig(ROOT, worker),
    config: productionConfig({ root: ROOT, worker, base: readWranglerConfig(ROOT, worker), settings: SETTINGS, resources }),
  }));

  it("turns observability on whatever the committed file says, keeping its other settings", () => {
    const base = readWranglerConfig(ROOT, "api-multi");
    const made = (observability: unknown) => productionConfig({ root: ROOT, worker: "api-multi", base: { ...base, observability }, settings: SETTINGS, resources }).observability;
    expect(made(undefined)).toEqual({ enabled: true });
    expect(made({ enabled: false })).toEqual({ enabled: true });
    expect(made({ enabled: true, head_sampling_rate: 0.5 })).toEqual({ enabled: true, head_sampling_rate: 0.5 });
  });

  it.each(WORKERS)("%s: no var points at this machine, and Stripe and Clerk are their real services", (worker) => {
    const { base, config } = configs.find((entry) => entry.worker === worker)!;
    expect(JSON.stringify(base.vars)).toMatch(/127\.0\.0\.1/);
    expect(JSON.stringify(config)).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(config.vars).not.toHaveProperty("STRIPE_API_BASE");
    expect(config.vars).not.toHaveProperty("CLERK_API_URL");
    expect(config.vars?.["DASHBOARD_URL"]).toBe("https://app.dream-api.dev");
    expect(config.vars?.["CORS_ORIGINS"]).toBe("https://app.dream-api.dev");
  });

  it("keeps every binding, limit and cron of the committed configuration, with the production ids and observability, and drops the local dev settings", () => {
    for (const { base, config } of configs) {
      expect(config.name).toBe(base.name);
      expect(config.ratelimits).toEqual(base.ratelimits);
      expect(config.triggers).toEqual(base.triggers);
      expect(config.queues).toEqual(base.queues);
      expect(config.d1_databases?.map((database) => [database.binding, database.database_id])).toEqual(base.d1_databases?.map((database) => [database.binding, "d1-production-id"]));
      expect(config.kv_namespaces?.map((namespace) => namespace.binding)).toEqual(base.kv_namespaces?.map((namespace) => namespace.binding));
      expect(config.kv_namespaces?.every((namespace) => namespace.id.startsWith("kv-"))).toBe(true);
      expect(base.observability).toEqual({ enabled: true, logs: { invocation_logs: false } });
      expect(config.observability).toEqual(base.observability);
      expect(config).not.toHaveProperty("dev");
    }
    const oauth = configs.find((entry) => entry.worker === "oauth-api")!.config;
    expect(oauth.vars).toMatchObject({
      STRIPE_CONNECT_AUTHORIZE_URL: "https://connect.stripe.com/oauth/authorize",
      STRIPE_CONNECT_CLIENT_ID: "ca_AbCdEfGhIjKlMnOpQrSt",
      CONNECT_REDIRECT_URI: "https://connect.dream-api.dev/connect/callback",
    });
  });

  it("refuses a var that points at this machine and has no production value, and a KV binding without a production id", () => {
    const base = readWranglerConfig(ROOT, "api-multi");
    const withNewVar: WranglerConfig = { ...base, vars: { ...base.vars, WEBHOOK_RELAY_URL: "http://127.0.0.1:9999" } };
    expect(() => productionConfig({ root: ROOT, worker: "api-multi", base: withNewVar, settings: SETTINGS, resources })).toThrow(/var WEBHOOK_RELAY_URL points at this machine/);
    expect(() => productionConfig({ root: ROOT, worker: "api-multi", base, settings: SETTINGS, resources: { ...resources, kvNamespaceIds: {} } })).toThrow(/no production KV namespace for KEY_CACHE/);
    expect(dryRunResources([base]).kvNamespaceIds).toEqual({ KEY_CACHE: expect.any(String), TIER_CACHE: expect.any(String), ACCOUNT_CACHE: expect.any(String) });
  });
});

describe("public addresses", () => {
  it("a custom domain becomes the worker's Custom Domain and switches workers.dev off", () => {
    expect(publicAddress("dream-api-multi", "https://api.dream-api.dev")).toEqual({ workers_dev: false, routes: [{ pattern: "api.dream-api.dev", custom_domain: true }] });
  });

  it("a workers.dev address must be the worker's own", () => {
    expect(publicAddress("dream-api-multi", "https://dream-api-multi.acme.workers.dev")).toEqual({ workers_dev: true });
    expect(() => publicAddress("dream-api-multi", "https://api-multi.acme.workers.dev")).toThrow(/named "api-multi", but this worker is named "dream-api-multi"/);
  });

  it("each worker's production configuration is reached at its deploy.env address, the dashboard as an assets-only single-page app", () => {
    const config = productionConfig({ root: ROOT, worker: "oauth-api", base: readWranglerConfig(ROOT, "oauth-api"), settings: SETTINGS, resources });
    expect(config["routes"]).toEqual([{ pattern: "connect.dream-api.dev", custom_domain: true }]);
    const dashboard = dashboardWorkerConfig({ assetsDirectory: "/tmp/dist", compatibilityDate: "2026-04-20", settings: SETTINGS });
    expect(dashboard).toMatchObject({
      name: "dream-api-dashboard",
      assets: { directory: "/tmp/dist", not_found_handling: "single-page-application" },
      routes: [{ pattern: "app.dream-api.dev", custom_domain: true }],
      observability: { enabled: true },
    });
    expect(dashboard).not.toHaveProperty("main");
  });
});
