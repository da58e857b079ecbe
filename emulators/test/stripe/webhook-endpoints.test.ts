/**
 * `/v1/webhook_endpoints` through the official client: the secret only in
 * the create response, list / update / delete per account and mode, and
 * delivery to registered endpoints — signed with each endpoint's own secret,
 * filtered by `enabled_events`, platform events to platform endpoints and
 * connected accounts' events to `connect: true` ones — next to the endpoints
 * the stand-in was started with.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";
import { afterEach, describe, expect, it } from "vitest";
import { PLATFORM_SECRET, connectedAccount, startEmulator, startReceiver, stripeClient, type Harness } from "./harness.js";

const LIVE_KEY = "sk_live_emulator_tests";

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanup.length > 0) await cleanup.pop()?.();
});

async function setup(options: Parameters<typeof startEmulator>[0] = {}): Promise<Harness> {
  const h = await startEmulator(options);
  cleanup.push(h.close);
  return h;
}

/** A receiver that keeps every raw request, so a test can verify it with a secret learnt later. */
interface Recorder {
  url: string;
  requests: Array<{ body: string; signature: string }>;
  /** The requests verified with `secret` (throws on any that does not verify). */
  events(secret: string): Stripe.Event[];
}

async function startRecorder(): Promise<Recorder> {
  const verifier = new Stripe("sk_test_verifier");
  const requests: Recorder["requests"] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      requests.push({ body: Buffer.concat(chunks).toString("utf8"), signature: String(req.headers["stripe-signature"]) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    requests,
    events: (secret) => requests.map((request) => verifier.webhooks.constructEvent(request.body, request.signature, secret)),
  };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as Stripe.errors.StripeError,
  );

describe("webhook endpoints API", () => {
  it("shows the signing secret only in the create response", async () => {
    const h = await setup();
    const created = await h.stripe.webhookEndpoints.create({
      url: "https://hooks.example/stripe",
      enabled_events: ["customer.created", "invoice.paid"],
      description: "billing",
      metadata: { owner: "tests" },
    });
    expect(created).toMatchObject({
      object: "webhook_endpoint",
      url: "https://hooks.example/stripe",
      enabled_events: ["customer.created", "invoice.paid"],
      status: "enabled",
      description: "billing",
      metadata: { owner: "tests" },
      livemode: false,
      api_version: null,
      application: null,
    });
    expect(created.id).toMatch(/^we_/);
    expect(created.secret).toMatch(/^whsec_/);
    expect(created).not.toHaveProperty("connect");

    const retrieved = await h.stripe.webhookEndpoints.retrieve(created.id);
    expect(retrieved).not.toHaveProperty("secret");
    expect(retrieved).not.toHaveProperty("connect");
    expect({ ...retrieved, lastResponse: undefined }).toEqual({ ...created, secret: undefined, lastResponse: undefined });
    const listed = await h.stripe.webhookEndpoints.list();
    expect(listed.data.map((endpoint) => [endpoint.id, endpoint.secret])).toEqual([[created.id, undefined]]);
  });

  it("lists newest first with pagination, per account and per mode", async () => {
    const h = await setup();
    const live = stripeClient(h.port, LIVE_KEY);
    const shop = await connectedAccount(h.baseUrl);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await h.stripe.webhookEndpoints.create({ url: `https://hooks.example/${i}`, enabled_events: ["*"] })).id);
    const liveEndpoint = await live.webhookEndpoints.create({ url: "https://hooks.example/live", enabled_events: ["*"] });
    expect(liveEndpoint.livemode).toBe(true);

    const first = await h.stripe.webhookEndpoints.list({ limit: 2 });
    expect(first.data.map((endpoint) => endpoint.id)).toEqual([ids[2], ids[1]]);
    expect(first.has_more).toBe(true);
    const all: string[] = [];
    for await (const endpoint of h.stripe.webhookEndpoints.list({ limit: 1 })) all.push(endpoint.id);
    expect(all).toEqual([...ids].reverse());

    expect((await live.webhookEndpoints.list()).data.map((endpoint) => endpoint.id)).toEqual([liveEndpoint.id]);
    expect((await h.stripe.webhookEndpoints.list({}, { stripeAccount: shop })).data).toEqual([]);
    expect(await failure(h.stripe.webhookEndpoints.retrieve(liveEndpoint.id))).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("updates address, events, status, description and metadata", async () => {
    const h = await setup();
    const created = await h.stripe.webhookEndpoints.create({ url: "https://hooks.example/a", enabled_events: ["customer.created"], metadata: { keep: "1", drop: "1" } });
    const updated = await h.stripe.webhookEndpoints.update(created.id, {
      url: "https://hooks.example/b",
      enabled_events: ["invoice.paid", "invoice.payment_failed"],
      disabled: true,
      description: "moved",
      metadata: { drop: "" },
    });
    expect(updated).toMatchObject({ url: "https://hooks.example/b", enabled_events: ["invoice.paid", "invoice.payment_failed"], status: "disabled", description: "moved", metadata: { keep: "1" } });
    expect(updated).not.toHaveProperty("secret");
    expect((await h.stripe.webhookEndpoints.update(created.id, { disabled: false })).status).toBe("enabled");
    expect((await h.stripe.webhookEndpoints.update(created.id, { description: "" })).description).toBeNull();
  });

  it("refuses what Stripe refuses", async () => {
    const h = await setup();
    const live = stripeClient(h.port, LIVE_KEY);
    expect(await failure(h.stripe.webhookEndpoints.create({ enabled_events: ["*"] } as Stripe.WebhookEndpointCreateParams))).toMatchObject({
      statusCode: 400,
      code: "parameter_missing",
      param: "url",
    });
    expect(await failure(h.stripe.webhookEndpoints.create({ url: "https://hooks.example/x", enabled_events: [] }))).toMatchObject({ code: "parameter_missing", param: "enabled_events" });
    const badEvent = await failure(
      h.stripe.webhookEndpoints.create({ url: "https://hooks.example/x", enabled_events: ["customer.created", "nonsense"] as Stripe.WebhookEndpointCreateParams.EnabledEvent[] }),
    );
    expect(badEvent).toMatchObject({ statusCode: 400, param: "enabled_events[1]" });
    expect(await failure(h.stripe.webhookEndpoints.create({ url: "not a url", enabled_events: ["*"] }))).toMatchObject({ statusCode: 400, code: "url_invalid", param: "url" });
    // Test mode takes http; live mode wants https, on create and on update.
    expect((await h.stripe.webhookEndpoints.create({ url: "http://hooks.example/x", enabled_events: ["*"] })).url).toBe("http://hooks.example/x");
    const liveHttp = await failure(live.webhookEndpoints.create({ url: "http://hooks.example/x", enabled_events: ["*"] }));
    expect(liveHttp).toMatchObject({ statusCode: 400, code: "url_invalid", param: "url", message: 'Invalid URL: http://hooks.example/x. URLs in livemode must begin with "https://"' });
    const liveEndpoint = await live.webhookEndpoints.create({ url: "https://hooks.example/x", enabled_events: ["*"] });
    expect(await failure(live.webhookEndpoints.update(liveEndpoint.id, { url: "http://hooks.example/y" }))).toMatchObject({ code: "url_invalid" });
    const unknown = await failure(h.stripe.webhookEndpoints.create({ url: "https://hooks.example/x", enabled_events: ["*"], colour: "blue" } as Stripe.WebhookEndpointCreateParams));
    expect(unknown).toMatchObject({ statusCode: 400, code: "parameter_unknown", param: "colour" });
    expect(await failure(h.stripe.webhookEndpoints.update(liveEndpoint.id, { disabled: true }))).toMatchObject({ statusCode: 404, code: "resource_missing" });
  });

  it("deletes: the deleted marker, then 404 on retrieve, update and a second delete", async () => {
    const h = await setup();
    const created = await h.stripe.webhookEndpoints.create({ url: "https://hooks.example/a", enabled_events: ["*"] });
    const deleted = await h.stripe.webhookEndpoints.del(created.id);
    expect({ id: deleted.id, object: deleted.object, deleted: deleted.deleted }).toEqual({ id: created.id, object: "webhook_endpoint", deleted: true });
    const missing = { statusCode: 404, type: "StripeInvalidRequestError", code: "resource_missing", message: `No such webhook endpoint: '${created.id}'` };
    expect(await failure(h.stripe.webhookEndpoints.retrieve(created.id))).toMatchObject(missing);
    expect(await failure(h.stripe.webhookEndpoints.update(created.id, { disabled: true }))).toMatchObject(missing);
    expect(await failure(h.stripe.webhookEndpoints.del(created.id))).toMatchObject(missing);
    expect((await h.stripe.webhookEndpoints.list()).data).toEqual([]);
  });
});

describe("delivery to registered endpoints", () => {
  it("signs with the endpoint's own secret, sends only the subscribed types, and keeps the configured endpoints working", async () => {
    const configured = await startReceiver(PLATFORM_SECRET);
    cleanup.push(configured.close);
    const h = await setup({ webhookEndpoints: [{ url: configured.url, secret: PLATFORM_SECRET, connect: false }] });
    const everything = await startRecorder();
    const customersOnly = await startRecorder();
    const all = await h.stripe.webhookEndpoints.create({ url: everything.url, enabled_events: ["*"] });
    const some = await h.stripe.webhookEndpoints.create({ url: customersOnly.url, enabled_events: ["customer.created"] });
    expect(all.secret).not.toBe(some.secret);

    const customer = await h.stripe.customers.create({ email: "a@example.com" });
    await h.stripe.products.create({ name: "Pro" });
    await h.emulator.idle();

    expect(everything.events(String(all.secret)).map((event) => event.type)).toEqual(["customer.created", "product.created"]);
    const [created] = customersOnly.events(String(some.secret));
    expect(customersOnly.requests).toHaveLength(1);
    expect(created).toMatchObject({ type: "customer.created", livemode: false, data: { object: { id: customer.id } } });
    expect(created).not.toHaveProperty("account");
    // Another endpoint's secret does not verify.
    expect(() => customersOnly.events(String(all.secret))).toThrow(/signature/i);
    // The endpoint the stand-in started with still gets everything, and each event counts every target.
    expect(configured.events.map((event) => event.type)).toEqual(["customer.created", "product.created"]);
    expect(configured.events[0]?.pending_webhooks).toBe(3);
    expect(h.emulator.deliveries().filter((delivery) => delivery.url === everything.url)).toHaveLength(2);
  });

  it("sends a connected account's events to connect endpoints, with account set, and not to platform endpoints", async () => {
    const h = await setup();
    const shop = await connectedAccount(h.baseUrl);
    const platformHook = await startRecorder();
    const connectHook = await startRecorder();
    const platformEndpoint = await h.stripe.webhookEndpoints.create({ url: platformHook.url, enabled_events: ["*"] });
    const connectEndpoint = await h.stripe.webhookEndpoints.create({ url: connectHook.url, enabled_events: ["customer.created"], connect: true });

    const theirs = await h.stripe.customers.create({ email: "shop@example.com" }, { stripeAccount: shop });
    const mine = await h.stripe.customers.create({ email: "platform@example.com" });
    await h.emulator.idle();

    expect(connectHook.events(String(connectEndpoint.secret)).map((event) => [event.type, event.account, (event.data.object as Stripe.Customer).id])).toEqual([["customer.created", shop, theirs.id]]);
    expect(platformHook.events(String(platformEndpoint.secret)).map((event) => [event.type, event.account, (event.data.object as Stripe.Customer).id])).toEqual([
      ["customer.created", undefined, mine.id],
    ]);
  });

  it("sends nothing to disabled or deleted endpoints, nor across modes", async () => {
    const h = await setup();
    const live = stripeClient(h.port, LIVE_KEY);
    const disabledHook = await startRecorder();
    const deletedHook = await startRecorder();
    const testHook = await startRecorder();
    const disabled = await h.stripe.webhookEndpoints.create({ url: disabledHook.url, enabled_events: ["*"] });
    await h.stripe.webhookEndpoints.update(disabled.id, { disabled: true });
    const deleted = await h.stripe.webhookEndpoints.create({ url: deletedHook.url, enabled_events: ["*"] });
    await h.stripe.webhookEndpoints.del(deleted.id);
    const testEndpoint = await h.stripe.webhookEndpoints.create({ url: testHook.url, enabled_events: ["*"] });

    await live.customers.create({ email: "live@example.com" });
    await h.stripe.customers.create({ email: "test@example.com" });
    await h.emulator.idle();

    expect(disabledHook.requests).toEqual([]);
    expect(deletedHook.requests).toEqual([]);
    expect(testHook.events(String(testEndpoint.secret)).map((event) => [event.type, event.livemode])).toEqual([["customer.created", false]]);
  });
});
