/**
 * front-auth-api test harness: developers are real users of the Clerk
 * stand-in's "dream-api" app with real session JWTs; requests go through
 * the worker's Hono app with the real bindings; Stripe's webhooks are the
 * stand-in's signed deliveries, read back from the webhook inbox.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { Clock } from "@dream-api/shared";
import type { Delivery } from "@dream-api/emulators/testing/in-worker";
import { workerCaller, type CallOptions as WorkerCallOptions, type CallResult } from "@dream-api/emulators/testing/worker-caller";
import { createApp } from "../src/app";

import { harnessClock } from "@dream-api/emulators/testing/in-worker";

export * from "@dream-api/emulators/testing/in-worker";

export type CallOptions = WorkerCallOptions<Env>;
export type { CallResult };

/** A caller bound to one app instance (and so one clock). */
export function client(clock: Clock = harnessClock) {
  const app = createApp({ clock });
  return workerCaller({ fetch: (request, bindings, ctx) => app.fetch(request, bindings, ctx), env, createExecutionContext, waitOnExecutionContext, origin: "http://front-auth.test" });
}

export const call = client();

/** Hands one delivery to the worker exactly as Stripe sent it. */
export function deliver(delivery: Delivery, options: { envOverrides?: Partial<Env> } = {}) {
  return call("POST", "/webhook/stripe", {
    rawBody: delivery.body,
    headers: { "Stripe-Signature": delivery.signature ?? "", "Content-Type": "application/json" },
    ...options,
  });
}

export async function deliverAll(deliveries: Delivery[]): Promise<void> {
  for (const delivery of deliveries) {
    const result = await deliver(delivery);
    if (result.status !== 200) throw new Error(`webhook ${delivery.type}: ${result.status} ${JSON.stringify(result.body)}`);
  }
}

export async function eventRows(eventId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM events WHERE event_id = ?1").bind(eventId).first<{ n: number }>();
  return row?.n ?? 0;
}
