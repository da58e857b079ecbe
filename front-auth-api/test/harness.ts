/**
 * front-auth-api test harness: developers are real users of the Clerk
 * stand-in's "dream-api" app with real session JWTs; requests go through
 * the worker's Hono app with the real bindings; Stripe's webhooks are the
 * stand-in's signed deliveries, read back from the webhook inbox.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { Clock } from "@dream-api/shared";
import type { Delivery } from "@dream-api/emulators/testing/in-worker";
import { createApp } from "../src/app";

export * from "@dream-api/emulators/testing/in-worker";

export interface CallOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
  envOverrides?: Partial<Env>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export function client(clock?: Clock) {
  const app = createApp(clock ? { clock } : {});
  return async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const headers = new Headers(options.headers);
    if (options.token) headers.set("Authorization", `Bearer ${options.token}`);
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(options.body);
    }
    const ctx = createExecutionContext();
    const bindings = options.envOverrides ? { ...env, ...options.envOverrides } : env;
    const response = await app.fetch(new Request(`http://front-auth.test${path}`, { method, headers, body }), bindings, ctx);
    await waitOnExecutionContext(ctx);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
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
