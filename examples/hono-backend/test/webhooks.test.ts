/**
 * `POST /webhooks/dream`, with deliveries signed by the Standard Webhooks
 * reference implementation (the `standardwebhooks` package), as dream-api
 * signs them.
 */
import { DreamApi } from "@dream-api/client";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app.js";
import type { UsageAlert } from "../src/webhooks.js";

const SECRET = `whsec_${btoa("the example's 24-byte key")}`;

/** `null`: no secret configured. */
function setup(secret: string | null = SECRET) {
  const alerts: UsageAlert[] = [];
  const app = createApp({
    dream: new DreamApi({ baseUrl: "http://127.0.0.1:9", maxRetries: 0 }),
    upgradeTier: "pro",
    pricingUrl: "https://app.example.com/pricing",
    appUrl: "https://app.example.com",
    webhookSecret: secret ?? undefined,
    onUsageAlert: (alert) => {
      alerts.push(alert);
    },
  });
  return { app, alerts };
}

const usage = { count: 80, limit: 100, remaining: 20, plan: "free", periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" };
const thresholdEvent = { id: "evt_5kQ2mN8xT1vW3yZ7", type: "usage.threshold_reached", createdAt: new Date().toISOString(), mode: "test", data: { userId: "user_42", threshold: 0.8, usage } };

/** A delivery as dream-api sends it: JSON body and the three signature headers. */
function deliver(app: ReturnType<typeof setup>["app"], event: object & { id: string }, { secret = SECRET, at = new Date(), body = JSON.stringify(event) } = {}) {
  const headers = {
    "Content-Type": "application/json",
    "webhook-id": event.id,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(event.id, at, JSON.stringify(event)),
  };
  return app.request("/webhooks/dream", { method: "POST", headers, body });
}

describe("POST /webhooks/dream", () => {
  it("verifies usage.threshold_reached and records the alert, 204", async () => {
    const { app, alerts } = setup();
    const response = await deliver(app, thresholdEvent);
    expect(response.status).toBe(204);
    expect(alerts).toEqual([{ eventId: thresholdEvent.id, userId: "user_42", percent: 80, usage, message: "user_42 reached 80 % of their free plan (80 of 100 calls)" }]);
  });

  it("acknowledges other and unknown event types with 204, doing nothing", async () => {
    const { app, alerts } = setup();
    const created = { id: "evt_2", type: "customer.created", createdAt: new Date().toISOString(), mode: "live", data: { userId: "user_43", email: null, plan: "free" } };
    const future = { id: "evt_3", type: "something.new", createdAt: new Date().toISOString(), mode: "live", data: {} };
    expect((await deliver(app, created)).status).toBe(204);
    expect((await deliver(app, future)).status).toBe(204);
    expect(alerts).toEqual([]);
  });

  it("refuses a bad signature, a tampered body, a wrong secret, a stale timestamp and missing headers with 400", async () => {
    const { app, alerts } = setup();
    const refused = async (response: Response, reason: string) => {
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: reason });
    };
    await refused(await deliver(app, thresholdEvent, { secret: `whsec_${btoa("somebody else's key")}` }), "invalid_signature");
    await refused(await deliver(app, thresholdEvent, { body: JSON.stringify({ ...thresholdEvent, data: { ...thresholdEvent.data, userId: "user_666" } }) }), "invalid_signature");
    await refused(await deliver(app, thresholdEvent, { at: new Date(Date.now() - 10 * 60_000) }), "timestamp_too_old");
    await refused(await app.request("/webhooks/dream", { method: "POST", body: JSON.stringify(thresholdEvent) }), "missing_headers");
    expect(alerts).toEqual([]);
  });

  it("answers 503 until DREAM_WEBHOOK_SECRET is set (so dream-api retries)", async () => {
    const { app } = setup(null);
    expect((await deliver(app, thresholdEvent)).status).toBe(503);
  });
});
