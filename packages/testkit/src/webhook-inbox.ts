/**
 * A webhook receiver for the workers' tests: the Stripe stand-in delivers
 * signed events here (a real HTTP endpoint), and tests running inside
 * workerd read them back — raw body and Stripe-Signature exactly as sent —
 * to hand them to the worker under test.
 *
 * dream-api's own outbound events (Standard Webhooks headers) land here too.
 *
 *   POST /{box}[?status=N] records a delivery, answers 200 (or N: a failing endpoint)
 *   GET  /{box}?after=N    deliveries with seq > N, oldest first
 */
import { Hono } from "hono";

export interface InboxDelivery {
  seq: number;
  box: string;
  signature: string | null;
  body: string;
  eventId: string | null;
  type: string | null;
  account: string | null;
  /** The Standard Webhooks headers of an outbound event, as sent. */
  webhookId: string | null;
  webhookTimestamp: string | null;
  webhookSignature: string | null;
  /** What the inbox answered. */
  status: number;
}

export function createWebhookInbox(): { app: Hono; deliveries: InboxDelivery[] } {
  const deliveries: InboxDelivery[] = [];
  const app = new Hono();
  app.post("/:box", async (c) => {
    const body = await c.req.text();
    let parsed: { id?: string; type?: string; account?: string } = {};
    try {
      parsed = JSON.parse(body) as typeof parsed;
    } catch {
      // keep the raw body; tests may send anything
    }
    const status = Number(c.req.query("status") ?? 200);
    deliveries.push({
      seq: deliveries.length + 1,
      webhookId: c.req.header("webhook-id") ?? null,
      webhookTimestamp: c.req.header("webhook-timestamp") ?? null,
      webhookSignature: c.req.header("webhook-signature") ?? null,
      status,
      box: c.req.param("box"),
      signature: c.req.header("Stripe-Signature") ?? null,
      body,
      eventId: parsed.id ?? null,
      type: parsed.type ?? null,
      account: parsed.account ?? null,
    });
    if (status !== 200) return c.json({ error: "failing on purpose" }, status as 500);
    return c.json({ received: true });
  });
  app.get("/:box", (c) => {
    const after = Number(c.req.query("after") ?? 0);
    return c.json(deliveries.filter((delivery) => delivery.box === c.req.param("box") && delivery.seq > after));
  });
  return { app, deliveries };
}
