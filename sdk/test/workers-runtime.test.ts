/**
 * The SDK inside workerd (the Cloudflare Workers runtime, through
 * Miniflare): bundled from src with no Node polyfills, it lists public
 * tiers and maps an error from the real api-multi.
 */
import { build } from "esbuild";
import { Miniflare } from "miniflare";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { stack } from "./support/stack.js";

const SDK = join(dirname(fileURLToPath(import.meta.url)), "..");

const WORKER = `
import { DreamApi, NotFoundError } from "./src/index.ts";
export default {
  async fetch(request, env) {
    const dream = new DreamApi({ baseUrl: env.API_URL, publishableKey: env.PK, secretKey: env.SK });
    const { tiers, mode } = await dream.tiers.listPublic();
    const missing = await dream.customers.get("nobody-" + crypto.randomUUID()).catch((error) => error);
    return Response.json({ names: tiers.map((tier) => tier.name), mode, notFound: missing instanceof NotFoundError, code: missing.code });
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
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: "2026-04-20",
      bindings: { API_URL: stack.apiUrl, PK: stack.publishableKey, SK: stack.secretKey },
    });
    try {
      const response = await mf.dispatchFetch("http://worker.test/");
      expect(await response.json()).toEqual({ names: ["free", "pro", "lifetime"], mode: "test", notFound: true, code: "customer_not_found" });
    } finally {
      await mf.dispose();
    }
  });
});
