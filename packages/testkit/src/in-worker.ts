/**
 * Helpers for the workers' tests (they run inside workerd and reach the
 * local cloud over HTTP, with URLs and secrets from the shared global
 * setup): real Clerk stand-in users and session JWTs, the Stripe stand-in's
 * hosted pages and controls, and its signed webhooks read back from the
 * webhook inbox.
 */
import Stripe from "stripe";
import { inject } from "vitest";
import type { FaultSpec, ProxiedRequest } from "./fault-proxy.js";
import type {} from "./global-setup.js";

export type { FaultMode, FaultPhase, FaultSpec, ProxiedRequest } from "./fault-proxy.js";
export * from "./clerk.js";
export * from "./sessions.js";

export interface ErrorResult {
  status: number;
  headers: Headers;
  body: any;
}

export function expectError(result: ErrorResult, status: number, code: string): void {
  if (result.status !== status || result.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${result.status} ${JSON.stringify(result.body)}`);
  }
  if (typeof result.body.requestId !== "string" || result.headers.get("X-Request-Id") !== result.body.requestId) {
    throw new Error("requestId missing or not matching X-Request-Id");
  }
}

/** A delivery as the webhook inbox recorded it (webhook-inbox.ts). */
export interface Delivery {
  seq: number;
  signature: string | null;
  body: string;
  eventId: string | null;
  type: string | null;
  /** The Connect account the event is about (null for the platform's own). */
  account: string | null;
  webhookId: string | null;
  webhookTimestamp: string | null;
  webhookSignature: string | null;
  /** What the inbox answered (a `?status=N` box URL answers N). */
  status: number;
}

/** The inbox's deliveries to `box` after `cursor`, oldest first. */
export async function deliveriesAfter(cursor: number, box: string): Promise<Delivery[]> {
  return (await (await fetch(`${inject("inboxUrl")}/${box}?after=${cursor}`)).json()) as Delivery[];
}

export async function inboxCursor(box = "platform"): Promise<number> {
  return (await deliveriesAfter(0, box)).at(-1)?.seq ?? 0;
}

/**
 * Waits (up to 15 s, polling every `pollMs`) until the deliveries to `box`
 * after `cursor` that `keep` selects satisfy `done`; returns them.
 */
async function awaitInbox(cursor: number, box: string, keep: (delivery: Delivery) => boolean, done: (deliveries: Delivery[]) => boolean, what: string, pollMs: number): Promise<Delivery[]> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const deliveries = (await deliveriesAfter(cursor, box)).filter(keep);
    if (done(deliveries)) return deliveries;
    if (Date.now() > deadline) throw new Error(`${what}; got ${deliveries.map((d) => d.type).join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** Waits until the stand-in has delivered events of `types` (after `cursor`) and returns every delivery since. */
export async function awaitDeliveries(cursor: number, types: string[], box = "platform"): Promise<Delivery[]> {
  const hasAll = (deliveries: Delivery[]) => types.every((type) => deliveries.some((delivery) => delivery.type === type));
  return awaitInbox(cursor, box, () => true, hasAll, `no ${types.join(", ")} delivered`, 50);
}

/**
 * Runs `action` and returns the deliveries to `box` it caused that `concerns`
 * selects (one tenant's, say), once `lastType` — the last event the action
 * emits — is among them.
 */
export async function deliveriesCausedBy(box: string, concerns: (delivery: Delivery) => boolean, lastType: string, action: () => Promise<unknown>): Promise<Delivery[]> {
  const cursor = await inboxCursor(box);
  await action();
  return awaitInbox(cursor, box, concerns, (mine) => mine.some((delivery) => delivery.type === lastType), `no ${lastType} in ${box}`, 25);
}

/** A `Stripe-Signature` header for `body` signed with `secret` at `timestamp` (seconds; default now), as Stripe signs deliveries. */
export async function stripeSignatureHeader(body: string, secret: string, timestamp = Math.floor(Date.now() / 1000)): Promise<string> {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, new TextEncoder().encode(`${timestamp}.${body}`)));
  return `t=${timestamp},v1=${[...mac].map((byte) => byte.toString(16).padStart(2, "0")).join("")}`;
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

/**
 * Presses a button of the stand-in's billing portal ("cancel_at_period_end",
 * "resume"; "cancel_now" and "switch" only where the portal's configuration
 * offers them, which dream-api's do not).
 */
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

/**
 * Cancels a subscription at once through Stripe's API, as a developer could
 * from the Stripe dashboard (dream-api's portals cancel only at period end).
 * `account`: the connected account it lives on.
 */
export async function cancelSubscriptionNow(subscriptionId: string, options: { account?: string; mode?: "test" | "live" } = {}): Promise<void> {
  await standInStripe(options.mode).subscriptions.cancel(subscriptionId, {}, options.account ? { stripeAccount: options.account } : {});
}

/** Moves a subscription to its period end on the stand-in (renews, or ends it if it cancels at period end). */
export async function advanceSubscription(subscriptionId: string): Promise<void> {
  await subscriptionControl(subscriptionId, "advance");
}

/** Makes the subscription's next charge fail on the stand-in (an invoice.payment_failed, the subscription past_due). */
export async function failPayment(subscriptionId: string): Promise<void> {
  await subscriptionControl(subscriptionId, "fail_payment");
}

async function subscriptionControl(subscriptionId: string, control: "advance" | "fail_payment"): Promise<void> {
  const response = await fetch(`${inject("stripeApiBase")}/_emulator/subscriptions/${subscriptionId}/${control}`, { method: "POST" });
  if (!response.ok) throw new Error(`${control}: ${response.status} ${await response.text()}`);
}

/**
 * Answers the Stripe stand-in's Connect authorize page (`url` from
 * POST /connect/start) like a developer would; returns the redirect back
 * to our callback (with `code` or `error`, and `state`).
 */
export async function answerConnect(url: string, decision: "approve" | "deny"): Promise<URL> {
  const authorize = new URL(url);
  const page = await fetch(authorize);
  if (!page.ok) throw new Error(`authorize page: ${page.status} ${await page.text()}`);
  const params = authorize.searchParams;
  const response = await fetch(new URL("/oauth/authorize", authorize), {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      client_id: params.get("client_id") ?? "",
      redirect_uri: params.get("redirect_uri") ?? "",
      scope: params.get("scope") ?? "",
      state: params.get("state") ?? "",
      account: "",
      business_name: "Test Co",
      decision,
    }),
  });
  const location = response.headers.get("Location");
  if (!location) throw new Error(`authorize ${decision}: ${response.status} ${await response.text()}`);
  return new URL(location);
}

/** The official client's options pointing it at the Stripe stand-in. */
export function standInStripeOptions(): { host: string; port: number; protocol: "http" } {
  const base = new URL(inject("stripeApiBase"));
  return { host: base.hostname, port: Number(base.port), protocol: "http" };
}

/** The official client, pointed at the Stripe stand-in with the platform's key of `mode` (default test), for setting up and checking what the workers created. */
export function standInStripe(mode: "test" | "live" = "test"): Stripe {
  return new Stripe(inject(mode === "live" ? "stripeLiveSecretKey" : "stripeSecretKey"), { ...standInStripeOptions(), httpClient: Stripe.createFetchHttpClient() });
}

/** Arms (or, with `null`, clears) a fault in the shared proxy in front of the Stripe stand-in (see fault-proxy.ts for the fields). */
export async function stripeFault(fault: FaultSpec | null): Promise<void> {
  await controlFaults(inject("stripeFaultyApiBase"), fault);
}

/** Arms (or, with `null`, clears) a fault in the shared proxy in front of the Clerk stand-in. */
export async function clerkFault(fault: FaultSpec | null): Promise<void> {
  await controlFaults(inject("clerkFaultyApiUrl"), fault);
}

async function controlFaults(proxyUrl: string, fault: FaultSpec | null): Promise<void> {
  const url = `${proxyUrl}/_fault`;
  const response = fault ? await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(fault) }) : await fetch(url, { method: "DELETE" });
  if (!response.ok) throw new Error(`fault proxy: ${response.status} ${await response.text()}`);
}

/**
 * A fault proxy of one's own in front of the Stripe or Clerk stand-in: its
 * faults and request log are private, so test files running at the same
 * time (and clearing the shared proxies) cannot interfere. Point a worker at
 * `url` (STRIPE_API_BASE or CLERK_API_URL).
 */
export class FaultProxy {
  private constructor(readonly url: string) {}

  static async open(target: "stripe" | "clerk"): Promise<FaultProxy> {
    const shared = target === "stripe" ? inject("stripeFaultyApiBase") : inject("clerkFaultyApiUrl");
    const response = await fetch(`${shared}/_fault/proxies`, { method: "POST" });
    if (response.status !== 201) throw new Error(`fault proxy: ${response.status} ${await response.text()}`);
    return new FaultProxy(((await response.json()) as { url: string }).url);
  }

  async arm(fault: FaultSpec): Promise<void> {
    await controlFaults(this.url, fault);
  }

  /** Clears the faults and the request log. */
  async clear(): Promise<void> {
    await controlFaults(this.url, null);
  }

  /** Every request proxied since the last clear, oldest first. */
  async requests(): Promise<ProxiedRequest[]> {
    const response = await fetch(`${this.url}/_fault`);
    if (!response.ok) throw new Error(`fault proxy: ${response.status}`);
    return ((await response.json()) as { requests: ProxiedRequest[] }).requests;
  }
}

/**
 * Workers rate limiters count in fixed windows (Miniflare's start on whole
 * multiples of the period), so a test that makes `calls` calls and expects
 * the one after the limit to be refused must not straddle a window's end:
 * this waits for the next window when the current one has too little time
 * left (at ~20 calls per second, with a margin).
 */
export async function awaitRateLimitWindow(calls: number, periodSeconds = 60): Promise<void> {
  const periodMs = periodSeconds * 1000;
  const neededMs = 5_000 + calls * 50;
  const leftMs = periodMs - (Date.now() % periodMs);
  if (leftMs < neededMs) await new Promise((resolve) => setTimeout(resolve, leftMs + 50));
}

/**
 * The clock the workers' harnesses default to (`call`, `client()`, seeds):
 * the real one, or, under DREAM_TEST_NOW (see global-setup.ts), one pinned
 * at that instant: each test file starts there and every reading is 1 ms
 * after the one before, so rows still sort in the order they were written,
 * and nothing depends on how fast the machine is. Tests whose outcome
 * depends on the period give `client()` their own clock: a fixed instant
 * (MID_MONTH), or one stepped from this one.
 */
export const harnessClock: () => Date = (() => {
  const pinned = inject("testNow");
  if (!pinned) return () => new Date();
  let readings = 0;
  return () => new Date(Date.parse(pinned) + readings++);
})();

/** For tests about something other than periods that count or compare days: no boundary falls between their calls, whatever the date. */
export const MID_MONTH = "2026-11-16T12:00:00.000Z";
export const midMonthClock = (): Date => new Date(MID_MONTH);
