import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { signatureHeader } from "../../src/stripe/signing.js";
import type { Delivery } from "../../src/stripe/index.js";
import { CONNECT_SECRET, PLATFORM_SECRET, connectedAccount, startEmulator, startReceiver, type Harness, type Receiver } from "./harness.js";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
});

async function setup(statuses: number[] = [], retry = { attempts: 3, baseDelayMs: 10 }): Promise<{ h: Harness; platform: Receiver; connect: Receiver }> {
  const platform = await startReceiver(PLATFORM_SECRET, statuses);
  const connect = await startReceiver(CONNECT_SECRET);
  const h = await startEmulator({
    retry,
    webhookEndpoints: [
      { url: platform.url, secret: PLATFORM_SECRET, connect: false },
      { url: connect.url, secret: CONNECT_SECRET, connect: true },
    ],
  });
  cleanup.push(platform.close, connect.close, h.close);
  return { h, platform, connect };
}

/** A port nothing listens on. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}/hook`;
}

describe("signing", () => {
  it("produces the header stripe-node generates for the same payload, secret and time", () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const stripe = new Stripe("sk_test_x");
    const expected = stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_abc", timestamp: 1_700_000_000 });
    expect(signatureHeader(payload, "whsec_abc", 1_700_000_000)).toBe(expected);
  });
});

describe("delivery", () => {
  it("delivers verifiable events, platform and connect to their own endpoints", async () => {
    const { h, platform, connect } = await setup();
    const shop = await connectedAccount(h.baseUrl);
    const mine = await h.stripe.customers.create({ email: "platform@example.com" });
    const theirs = await h.stripe.customers.create({ email: "shop@example.com" }, { stripeAccount: shop });
    await h.emulator.idle();

    expect(platform.rejected + connect.rejected).toBe(0);
    expect(platform.events.map((e) => [e.type, (e.data.object as Stripe.Customer).id])).toEqual([["customer.created", mine.id]]);
    expect(connect.events.map((e) => [e.type, e.account, (e.data.object as Stripe.Customer).id])).toEqual([["customer.created", shop, theirs.id]]);

    const event = connect.events[0];
    expect(event).toMatchObject({ object: "event", api_version: expect.any(String), livemode: false, pending_webhooks: 1 });
    expect(event?.id).toMatch(/^evt_/);
    // Delivered once: pending_webhooks drops to 0 on the stored event.
    const stored = await h.stripe.events.retrieve(String(event?.id), {}, { stripeAccount: shop });
    expect(stored.pending_webhooks).toBe(0);
  });

  it("retries non-2xx answers with exponential backoff and records each attempt", async () => {
    const { h, platform } = await setup([500, 500], { attempts: 5, baseDelayMs: 40 });
    const customer = await h.stripe.customers.create({ email: "retry@example.com" });
    await h.emulator.idle();

    expect(platform.requests).toBe(3);
    expect(platform.events).toHaveLength(1);
    expect((platform.events[0]!.data.object as Stripe.Customer).id).toBe(customer.id);
    const attempts = h.emulator.deliveries().filter((d) => d.url === platform.url);
    expect(attempts.map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, 500, false],
      [2, 500, false],
      [3, 200, true],
    ]);
    const [first, second, third] = attempts as [Delivery, Delivery, Delivery];
    expect(second.at - first.at).toBeGreaterThanOrEqual(40);
    expect(third.at - second.at).toBeGreaterThanOrEqual(80);
    expect(new Set(attempts.map((d) => d.eventId)).size).toBe(1);

    const listed = (await (await fetch(`${h.baseUrl}/_emulator/deliveries`)).json()) as { data: Delivery[] };
    expect(listed.data.filter((d) => d.url === platform.url)).toHaveLength(3);
  });

  it("gives up after the attempt limit on network errors", async () => {
    const url = await deadUrl();
    const h = await startEmulator({ retry: { attempts: 3, baseDelayMs: 5 }, webhookEndpoints: [{ url, secret: PLATFORM_SECRET, connect: false }] });
    cleanup.push(h.close);
    const customer = await h.stripe.customers.create({});
    await h.emulator.idle();
    const attempts = h.emulator.deliveries();
    expect(attempts.map((d) => [d.attempt, d.status, d.ok])).toEqual([
      [1, null, false],
      [2, null, false],
      [3, null, false],
    ]);
    expect(attempts[0]?.error).toBeTruthy();
    const event = (await h.stripe.events.list({ type: "customer.created" })).data[0];
    expect((event!.data.object as Stripe.Customer).id).toBe(customer.id);
    expect(event?.pending_webhooks).toBe(0);
  });

  it("replays an existing event with the same id", async () => {
    const { h, platform } = await setup();
    await h.stripe.customers.create({ email: "replay@example.com" });
    await h.emulator.idle();
    const original = platform.events[0];

    const response = await fetch(`${h.baseUrl}/_emulator/events/${String(original?.id)}/replay`, { method: "POST" });
    expect(response.status).toBe(200);
    expect(((await response.json()) as Stripe.Event).id).toBe(original?.id);
    await h.emulator.idle();
    expect(platform.events.map((e) => e.id)).toEqual([original?.id, original?.id]);

    const missing = await fetch(`${h.baseUrl}/_emulator/events/evt_missing/replay`, { method: "POST" });
    expect(missing.status).toBe(404);
  });
});

describe("events API", () => {
  it("retrieves and lists events, filtered by type", async () => {
    const { h } = await setup();
    const customer = await h.stripe.customers.create({ email: "e@example.com" });
    await h.stripe.customers.update(customer.id, { name: "E" });
    await h.stripe.products.create({ name: "P" });

    const all = await h.stripe.events.list();
    expect(all.data.map((e) => e.type)).toEqual(["product.created", "customer.updated", "customer.created"]);
    const customerEvents = await h.stripe.events.list({ type: "customer.*" });
    expect(customerEvents.data.map((e) => e.type)).toEqual(["customer.updated", "customer.created"]);
    const updated = await h.stripe.events.retrieve(String(customerEvents.data[0]?.id));
    expect(updated.data.previous_attributes).toEqual({ name: null });
    const missing = await h.stripe.events.retrieve("evt_missing").catch((e: unknown) => e);
    expect(missing).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });
});
