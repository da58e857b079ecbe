/**
 * `POST /webhooks/dream`: the events dream-api sends to this backend. Each
 * delivery is verified with the SDK (Standard Webhooks signature and
 * timestamp, against the raw body) before anything is trusted; a bad one
 * is 400. `usage.threshold_reached` is acted on — here, a log line such as
 * "user_42 reached 80 % of their free plan (80 of 100 calls)"; in your app,
 * an email or an in-app banner. Every other type is acknowledged with 204:
 * dream-api retries anything but a 2xx, and may add types later.
 */
import { type Usage, type WebhookEvent, WebhookVerificationError, verifyWebhook } from "@dream-api/client";
import { Hono } from "hono";

export interface UsageAlert {
  /** The event id: deliveries can repeat, so make the effect idempotent on it. */
  eventId: string;
  userId: string;
  /** The threshold reached, in percent (80, 100). */
  percent: number;
  usage: Usage;
  /** The line the default handler logs. */
  message: string;
}

export interface DreamWebhooksOptions {
  /** The endpoint's `whsec_…` secret. */
  secret: string | undefined;
  onUsageAlert?: (alert: UsageAlert) => void | Promise<void>;
}

const logAlert = (alert: UsageAlert) => console.log(alert.message);

export function dreamWebhooks({ secret, onUsageAlert = logAlert }: DreamWebhooksOptions) {
  const app = new Hono();

  app.post("/dream", async (c) => {
    // Not set up yet: a 5xx, so dream-api retries the delivery once it is.
    if (!secret) return c.json({ error: "not_configured", message: "Set DREAM_WEBHOOK_SECRET." }, 503);
    let event: WebhookEvent;
    try {
      // The raw body: the signature is over the exact bytes sent.
      event = await verifyWebhook(await c.req.text(), c.req.raw.headers, secret);
    } catch (error) {
      if (error instanceof WebhookVerificationError) return c.json({ error: error.reason, message: error.message }, 400);
      throw error;
    }

    switch (event.type) {
      case "usage.threshold_reached": {
        const { userId, threshold, usage } = event.data;
        const percent = Math.round(threshold * 100);
        const message = `${userId} reached ${percent} % of their ${usage.plan} plan (${usage.count} of ${usage.limit} calls)`;
        await onUsageAlert({ eventId: event.id, userId, percent, usage, message });
        break;
      }
      default:
        // Other events (and types added later): acknowledged, nothing to do here.
        break;
    }
    return c.body(null, 204);
  });

  return app;
}
