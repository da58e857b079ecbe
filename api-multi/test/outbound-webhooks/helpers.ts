/** Outbound webhooks' test helpers: a box of the webhook inbox as an endpoint, and bounded waits for what the queue consumer does. */
import { env } from "cloudflare:test";
import { inject } from "vitest";
import { type Delivery, deliveriesAfter } from "../harness";

/** A fresh inbox box: its URL (answering `status`) and a reader of what it received. */
export function inboxBox(status = 200) {
  const box = `wh-${crypto.randomUUID()}`;
  return {
    url: `${inject("inboxUrl")}/${box}${status === 200 ? "" : `?status=${status}`}`,
    received: () => deliveriesAfter(0, box),
  };
}

/** Polls `read` (every 50 ms, up to 15 s) until `done` holds; returns the last reading. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the box has received `count` deliveries. */
export function receivedAtLeast(box: ReturnType<typeof inboxBox>, count: number): Promise<Delivery[]> {
  return eventually(box.received, (deliveries) => deliveries.length >= count, `${count} deliveries`);
}

/** The stored events of a tenant (every type), oldest first. */
export async function storedEvents(platformId: string, mode = "test"): Promise<{ event_id: string; type: string; user_id: string | null; payload: string }[]> {
  const { results } = await env.DB.prepare("SELECT event_id, type, user_id, payload FROM webhook_events WHERE platform_id = ?1 AND mode = ?2 ORDER BY created_at, event_id")
    .bind(platformId, mode)
    .all<{ event_id: string; type: string; user_id: string | null; payload: string }>();
  return results;
}
