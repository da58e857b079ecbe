/**
 * A webhook receiver for the workers' tests: the Stripe stand-in delivers
 * signed events here (a real HTTP endpoint), and tests running inside
 * workerd read them back — raw body and Stripe-Signature exactly as sent —
 * to hand them to the worker under test.
 *
 *   POST /{box}            records a delivery, answers 200
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
    deliveries.push({
      seq: deliveries.length + 1,
      box: c.req.param("box"),
      signature: c.req.header("Stripe-Signature") ?? null,
      body,
      eventId: parsed.id ?? null,
      type: parsed.type ?? null,
      account: parsed.account ?? null,
    });
    return c.json({ received: true });
  });
  app.get("/:box", (c) => {
    const after = Number(c.req.query("after") ?? 0);
    return c.json(deliveries.filter((delivery) => delivery.box === c.req.param("box") && delivery.seq > after));
  });
  return { app, deliveries };
}
