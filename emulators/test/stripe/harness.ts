/**
 * Test harness: the emulator on a real port driven by the official stripe-node
 * client, plus a webhook receiver that verifies signatures the way dream-api's
 * workers do (constructEventAsync + SubtleCrypto).
 */
import { serve } from "@hono/node-server";
import type { Hono } from "hono";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { createStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from "../../src/stripe/index.js";

export const API_KEY = "sk_test_emulator_tests";
export const LIVE_API_KEY = "sk_live_emulator_tests";
export const PLATFORM_SECRET = "whsec_platform_test_secret";
export const CONNECT_SECRET = "whsec_connect_test_secret";

export interface Harness {
  emulator: StripeEmulator;
  baseUrl: string;
  port: number;
  stripe: Stripe;
  close(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

export function stripeClient(port: number, key = API_KEY): Stripe {
  return new Stripe(key, {
    host: "127.0.0.1",
    port,
    protocol: "http",
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 0,
  });
}

/** Starts the emulator on port 0; `publicUrl` is only known once listening, hence the late-bound app. */
export async function startEmulator(options: Partial<StripeEmulatorOptions> = {}): Promise<Harness> {
  let app: Hono | undefined;
  const server = serve({
    fetch: (request) => (app ? app.fetch(request) : new Response("starting", { status: 503 })),
    port: 0,
    hostname: "127.0.0.1",
  }) as Server;
  const port = await new Promise<number>((resolve) => {
    if (server.listening) resolve((server.address() as AddressInfo).port);
    else server.once("listening", () => resolve((server.address() as AddressInfo).port));
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const emulator = createStripeEmulator({ publicUrl: baseUrl, secretKeys: [API_KEY, LIVE_API_KEY], retry: { attempts: 3, baseDelayMs: 10 }, ...options });
  app = emulator.app;
  return {
    emulator,
    baseUrl,
    port,
    stripe: stripeClient(port),
    close: async () => {
      emulator.close();
      await closeServer(server);
    },
  };
}

export interface Receiver {
  url: string;
  /** Events whose signature verified. */
  events: Stripe.Event[];
  /** Number of requests whose signature did not verify. */
  rejected: number;
  requests: number;
  close(): Promise<void>;
}

/**
 * A webhook endpoint. `statuses` are answered in order (then 200), so a
 * test can make the first attempts fail.
 */
export async function startReceiver(secret: string, statuses: number[] = []): Promise<Receiver> {
  const verifier = new Stripe("sk_test_verifier");
  const queue = [...statuses];
  const receiver: Receiver = { url: "", events: [], rejected: 0, requests: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      receiver.requests++;
      const body = Buffer.concat(chunks).toString("utf8");
      const signature = req.headers["stripe-signature"];
      verifier.webhooks.constructEventAsync(body, String(signature), secret, undefined, Stripe.createSubtleCryptoProvider()).then(
        (event) => {
          const status = queue.shift() ?? 200;
          if (status >= 200 && status < 300) receiver.events.push(event);
          res.writeHead(status).end();
        },
        () => {
          receiver.rejected++;
          res.writeHead(400).end();
        },
      );
    });
  });
  const port = await listen(server);
  receiver.url = `http://127.0.0.1:${port}/webhook`;
  receiver.close = () => closeServer(server);
  return receiver;
}

/** Submits a hosted form like a browser would (no redirect following). */
export function postForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

/** A connected account created through the control endpoint. */
export async function connectedAccount(baseUrl: string, name = "Dev Shop"): Promise<string> {
  const response = await fetch(`${baseUrl}/_emulator/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ name }),
  });
  const account = (await response.json()) as { id: string };
  return account.id;
}

/** A monthly price on a fresh product. */
export async function monthlyPrice(stripe: Stripe, amount = 1500, options?: Stripe.RequestOptions): Promise<Stripe.Price> {
  const product = await stripe.products.create({ name: "Pro" }, options);
  return stripe.prices.create({ product: product.id, currency: "usd", unit_amount: amount, recurring: { interval: "month" } }, options);
}

/** A subscription paid through the hosted checkout page, as a browser would. */
export async function paidSubscription(h: Harness, options?: Stripe.RequestOptions): Promise<{ subscription: Stripe.Subscription; customer: string; price: Stripe.Price }> {
  const price = await monthlyPrice(h.stripe, 1500, options);
  const session = await h.stripe.checkout.sessions.create({ mode: "subscription", line_items: [{ price: price.id, quantity: 1 }], customer_email: "sub@example.com" }, options);
  const paid = await postForm(String(session.url), { card_number: "4242424242424242" });
  if (paid.status !== 200) throw new Error(`checkout failed: ${paid.status}`);
  const completed = await h.stripe.checkout.sessions.retrieve(session.id, { expand: ["subscription"] }, options);
  return { subscription: completed.subscription as Stripe.Subscription, customer: String(completed.customer), price };
}

/**
 * A billing-portal configuration on the account of `options` (the first one
 * there becomes its default, which sessions without `configuration` use).
 * By default customers can cancel at period end and see their invoices.
 */
export function portalConfiguration(
  stripe: Stripe,
  features: Stripe.BillingPortal.ConfigurationCreateParams.Features = { subscription_cancel: { enabled: true, mode: "at_period_end" }, invoice_history: { enabled: true } },
  options?: Stripe.RequestOptions,
): Promise<Stripe.BillingPortal.Configuration> {
  return stripe.billingPortal.configurations.create({ features }, options);
}
