/**
 * front-auth-api test harness: developers are real users of the Clerk
 * stand-in's "dream-api" app with real session JWTs; requests go through
 * the worker's Hono app with the real bindings; Stripe's webhooks are the
 * stand-in's signed deliveries, read back from the webhook inbox.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import type { Clock } from "@dream-api/shared";
import { inject } from "vitest";
import { createApp } from "../src/app";

export const DASHBOARD_ORIGIN = "http://localhost:5173";

export interface Developer {
  id: string;
  email: string;
  token: string;
}

async function clerkJson<T>(path: string, init: RequestInit & { secret?: string } = {}): Promise<T> {
  const response = await fetch(`${inject("clerkApiUrl")}${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${init.secret ?? inject("dreamApiClerkSecret")}`, "Content-Type": "application/json" },
  });
  if (!response.ok) throw new Error(`Clerk stand-in ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** A session JWT minted by the Clerk stand-in (its sign-in path), as the dashboard would hold. */
export async function mintToken(
  userId: string,
  options: { instance?: "dream-api" | "end-user-api"; azp?: string; expiresInSeconds?: number } = {},
): Promise<string> {
  const { jwt } = await clerkJson<{ jwt: string }>("/local/tokens", {
    method: "POST",
    body: JSON.stringify({
      instance: options.instance ?? "dream-api",
      userId,
      azp: options.azp ?? DASHBOARD_ORIGIN,
      ...(options.expiresInSeconds === undefined ? {} : { expiresInSeconds: options.expiresInSeconds }),
    }),
  });
  return jwt;
}

export async function createDeveloper(): Promise<Developer> {
  const email = `dev.${crypto.randomUUID().slice(0, 12)}@example.com`;
  const user = await clerkJson<{ id: string }>("/v1/users", { method: "POST", body: JSON.stringify({ email_address: [email] }) });
  return { id: user.id, email, token: await mintToken(user.id) };
}

export async function clerkPlanOf(developerId: string): Promise<unknown> {
  const user = await clerkJson<{ public_metadata: Record<string, unknown> }>(`/v1/users/${developerId}`);
  return user.public_metadata["plan"];
}

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

export function expectError(result: CallResult, status: number, code: string): void {
  if (result.status !== status || result.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${result.status} ${JSON.stringify(result.body)}`);
  }
  if (typeof result.body.requestId !== "string" || result.headers.get("X-Request-Id") !== result.body.requestId) {
    throw new Error("requestId missing or not matching X-Request-Id");
  }
}

// ---- Stripe: hosted pages and webhooks ----------------------------------------------------------

export interface Delivery {
  seq: number;
  signature: string | null;
  body: string;
  eventId: string | null;
  type: string | null;
}

export async function inboxCursor(box = "platform"): Promise<number> {
  const deliveries = (await (await fetch(`${inject("inboxUrl")}/${box}`)).json()) as Delivery[];
  return deliveries.at(-1)?.seq ?? 0;
}

/** Waits until the stand-in has delivered events of `types` (after `cursor`) and returns every delivery since. */
export async function awaitDeliveries(cursor: number, types: string[], box = "platform"): Promise<Delivery[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const deliveries = (await (await fetch(`${inject("inboxUrl")}/${box}?after=${cursor}`)).json()) as Delivery[];
    if (types.every((type) => deliveries.some((delivery) => delivery.type === type))) return deliveries;
    if (Date.now() > deadline) throw new Error(`no ${types.join(", ")} delivered; got ${deliveries.map((d) => d.type).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

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

/** Pays a Checkout session on the stand-in's hosted page, as a browser would. */
export async function payCheckout(url: string, card = "4242 4242 4242 4242"): Promise<Response> {
  const page = await fetch(url);
  if (!page.ok) throw new Error(`checkout page: ${page.status}`);
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "payer@example.com", card_number: card }),
  });
}

/** Presses a button of the stand-in's billing portal ("cancel_at_period_end", "resume", "cancel_now"). */
export async function portalAction(portalUrl: string, action: string): Promise<void> {
  const html = await (await fetch(portalUrl)).text();
  const form = /action="(\/portal\/[^"]+\/subscriptions\/[^"]+)"/.exec(html);
  if (!form?.[1]) throw new Error(`no subscription form on the portal page:\n${html}`);
  const response = await fetch(new URL(form[1], portalUrl), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ action }),
  });
  if (response.status >= 400) throw new Error(`portal action ${action}: ${response.status}`);
}

export function subscriptionIdFrom(deliveries: Delivery[]): string {
  for (const delivery of deliveries) {
    const match = /"(sub_[0-9A-Za-z]+)"/.exec(delivery.body);
    if (match?.[1]) return match[1];
  }
  throw new Error("no subscription id in the deliveries");
}

/** Moves a subscription to its period end on the stand-in (renews, or ends it if it cancels at period end). */
export async function advanceSubscription(subscriptionId: string): Promise<void> {
  const response = await fetch(`${inject("stripeApiBase")}/_emulator/subscriptions/${subscriptionId}/advance`, { method: "POST" });
  if (!response.ok) throw new Error(`advance: ${response.status} ${await response.text()}`);
}

export async function eventRows(eventId: string): Promise<number> {
  const row = await env.DB.prepare("SELECT COUNT(*) AS n FROM events WHERE event_id = ?1").bind(eventId).first<{ n: number }>();
  return row?.n ?? 0;
}
