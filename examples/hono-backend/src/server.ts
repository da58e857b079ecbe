/**
 * Runs the example on http://127.0.0.1:$PORT (default 3000):
 *   DREAM_API_SECRET_KEY=sk_test_… DREAM_API_BASE_URL=http://127.0.0.1:8788 pnpm start
 * (and DREAM_WEBHOOK_SECRET=whsec_… for POST /webhooks/dream).
 */
import { DreamApi } from "@dream-api/client";
import { serve } from "@hono/node-server";
import { createApp } from "./app.js";

const secretKey = process.env["DREAM_API_SECRET_KEY"];
if (!secretKey) {
  console.error("Set DREAM_API_SECRET_KEY (your sk_test_… or sk_live_… key).");
  process.exit(1);
}
const port = Number(process.env["PORT"] ?? 3000);
const appUrl = process.env["APP_URL"] ?? `http://127.0.0.1:${port}`;
const dream = new DreamApi({ secretKey, ...(process.env["DREAM_API_BASE_URL"] ? { baseUrl: process.env["DREAM_API_BASE_URL"] } : {}) });

const app = createApp({
  dream,
  upgradeTier: process.env["UPGRADE_TIER"] ?? "pro",
  pricingUrl: process.env["PRICING_URL"] ?? `${appUrl}/pricing`,
  appUrl,
  webhookSecret: process.env["DREAM_WEBHOOK_SECRET"],
});
serve({ fetch: app.fetch, hostname: "127.0.0.1", port }, (info) => console.log(`example backend on http://127.0.0.1:${info.port}`));
