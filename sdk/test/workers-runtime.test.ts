/**
 * The SDK inside workerd (the Cloudflare Workers runtime, through
 * Miniflare): bundled from src with no Node polyfills, it lists public
 * tiers, maps an error from the real api-multi, and verifies a webhook
 * signed by the Standard Webhooks reference implementation.
 */
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { Webhook } from "standardwebhooks";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stack } from "./support/stack.js";

const SDK = join(dirname(fileURLToPath(import.meta.url)), "..");

const WORKER = `
import { DreamApi, NotFoundError, verifyWebhook } from "./src/index.ts";
export default {
  async fetch(request, env) {
    const dream = new DreamApi({ baseUrl: env.API_URL, publishableKey: env.PK, secretKey: env.SK });
    const { tiers, mode } = await dream.tiers.listPublic();
    const missing = await dream.customers.get("nobody-" + crypto.randomUUID()).catch((error) => error);
    const headers = JSON.parse(env.WH_HEADERS);
    const event = await verifyWebhook(env.WH_BODY, new Headers(headers), env.WH_SECRET);
    const tampered = await dream.webhooks.verify(env.WH_BODY + " ", headers, env.WH_SECRET).catch((error) => error.reason);
    return Response.json({ names: tiers.map((tier) => tier.name), mode, notFound: missing instanceof NotFoundError, code: missing.code, webhook: event.type, tampered });
  },
};`;

describe("in the Workers runtime", () => {
  it("runs bundled for workerd with no Node built-ins", async () => {
    const bundle = await build({
      stdin: { contents: WORKER, resolveDir: SDK, loader: "ts" },
      bundle: true,
      format: "esm",
      platform: "neutral",
      target: "es2022",
      write: false,
      logLevel: "silent",
    });
    const script = bundle.outputFiles[0]?.text ?? "";
    expect(script).not.toMatch(/from\s*["']node:/);
    const secret = `whsec_${btoa("a key of 24 bytes, as ours")}`;
    const body = JSON.stringify({ id: "evt_1", type: "ping", createdAt: new Date().toISOString(), mode: "test", data: { endpointId: "we_1" } });
    const now = new Date();
    const webhookHeaders = { "webhook-id": "evt_1", "webhook-timestamp": String(Math.floor(now.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign("evt_1", now, body) };
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: "2026-04-20",
      bindings: { API_URL: stack.apiUrl, PK: stack.publishableKey, SK: stack.secretKey, WH_SECRET: secret, WH_BODY: body, WH_HEADERS: JSON.stringify(webhookHeaders) },
    });
    try {
      const response = await mf.dispatchFetch("http://worker.test/");
      expect(await response.json()).toEqual({ names: ["free", "pro", "lifetime"], mode: "test", notFound: true, code: "customer_not_found", webhook: "ping", tampered: "invalid_signature" });
    } finally {
      await mf.dispose();
    }
  });
});
