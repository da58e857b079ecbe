/**
 * Delivery through the webhook queue, against a real HTTP endpoint (the
 * test kit's inbox): Standard Webhooks signatures that the `standardwebhooks`
 * npm package verifies, the same event id on every retry, every attempt in
 * the delivery log, resend, nothing to a disabled endpoint, an endpoint
 * disabled after 5 days of failures, events kept to their mode, and
 * deliveries whose queue message was lost picked up again by the cron.
 */
import { env } from "cloudflare:test";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { claimWebhookAttempt, storeWebhookEventStatements, unattemptedDeliveries } from "@dream-api/shared/db";
import { runScheduled, WEBHOOK_DELIVERY_OVERDUE_MS, WEBHOOK_EVENT_RETENTION_MS } from "../../src/scheduled";
import { call, seedPlatform } from "../harness";
import { twoModePlatform } from "../routes/logs/helpers";
import { eventually, inboxBox, receivedAtLeast, storedEvents } from "./helpers";

async function addEndpoint(key: string, url: string, body: Record<string, unknown> = {}) {
  const created = await call("POST", "/api/webhook-endpoints", { key, body: { url, ...body } });
  expect(created.status).toBe(201);
  return created.body as { endpoint: { id: string }; secret: string };
}

function headersOf(delivery: { webhookId: string | null; webhookTimestamp: string | null; webhookSignature: string | null }) {
  return { "webhook-id": delivery.webhookId ?? "", "webhook-timestamp": delivery.webhookTimestamp ?? "", "webhook-signature": delivery.webhookSignature ?? "" };
}

async function eventPage(key: string, query = "") {
  const page = await call("GET", `/api/webhook-events${query}`, { key });
  expect(page.status).toBe(200);
  return page.body.events as {
    id: string;
    type: string;
    userId: string | null;
    data: Record<string, unknown>;
    deliveries: { status: string; attemptCount: number; attempts: { responseStatus: number | null; responseBody: string | null }[] }[];
  }[];
}

describe("outbound webhook delivery", () => {
  it("posts a signed ping that standardwebhooks verifies, and logs the attempt", async () => {
    const platform = await seedPlatform();
    const box = inboxBox();
    const { endpoint, secret } = await addEndpoint(platform.secretKey, box.url, { events: ["customer.created"] });
    const sent = await call("POST", `/api/webhook-endpoints/${endpoint.id}/test`, { key: platform.secretKey });
    expect(sent.status).toBe(202);
    const [delivery] = await receivedAtLeast(box, 1);
    expect(delivery!.webhookId).toBe(sent.body.event.id);
    const verified = new Webhook(secret).verify(delivery!.body, headersOf(delivery!)) as Record<string, unknown>;
    expect(verified).toMatchObject({ id: sent.body.event.id, type: "ping", mode: "test", data: { endpointId: endpoint.id } });
    expect(Math.abs(Number(delivery!.webhookTimestamp) - Date.now() / 1000)).toBeLessThan(60);
    expect(() => new Webhook(secret).verify(delivery!.body.replace("ping", "pong"), headersOf(delivery!))).toThrow();

    const [event] = await eventually(
      () => eventPage(platform.secretKey),
      (events) => events[0]?.deliveries[0]?.status === "succeeded",
      "a succeeded delivery",
    );
    expect(event!.deliveries[0]!.attempts).toHaveLength(1);
    expect(event!.deliveries[0]!.attempts[0]).toMatchObject({ responseStatus: 200 });
    expect(event!.deliveries[0]!.attempts[0]!.responseBody).toContain("received");
  });

  it("retries a failing endpoint with the same event id, logs every attempt, and resends on request", async () => {
    const platform = await seedPlatform();
    const failing = inboxBox(503);
    const { endpoint } = await addEndpoint(platform.secretKey, failing.url);
    const sent = await call("POST", `/api/webhook-endpoints/${endpoint.id}/test`, { key: platform.secretKey });
    // The test schedule (vitest.config.mts) is 3 retries without delay: 4 attempts.
    const attempts = await receivedAtLeast(failing, 4);
    expect(attempts.map((attempt) => attempt.webhookId)).toEqual(Array(4).fill(sent.body.event.id));
    const [event] = await eventually(
      () => eventPage(platform.secretKey),
      (events) => events[0]?.deliveries[0]?.status === "failed",
      "a failed delivery",
    );
    const [delivery] = event!.deliveries;
    expect(delivery!.attemptCount).toBe(4);
    expect(delivery!.attempts.map((attempt) => attempt.responseStatus)).toEqual([503, 503, 503, 503]);
    expect(delivery!.attempts[0]!.responseBody).toContain("failing on purpose");
    expect((await failing.received()).length).toBe(4);

    // The endpoint is fixed: a resend delivers the same event, one more attempt.
    const fixed = inboxBox();
    expect((await call("PATCH", `/api/webhook-endpoints/${endpoint.id}`, { key: platform.secretKey, body: { url: fixed.url } })).status).toBe(200);
    const resent = await call("POST", `/api/webhook-events/${sent.body.event.id}/resend`, { key: platform.secretKey });
    expect(resent.status).toBe(202);
    const [again] = await receivedAtLeast(fixed, 1);
    expect(again!.webhookId).toBe(sent.body.event.id);
    const [after] = await eventually(
      () => eventPage(platform.secretKey),
      (events) => events[0]?.deliveries[0]?.status === "succeeded",
      "the resend to succeed",
    );
    expect(after!.deliveries[0]!.attempts.map((attempt) => attempt.responseStatus)).toEqual([503, 503, 503, 503, 200]);
  });

  it("sends nothing to a disabled endpoint, and only what an endpoint subscribes to", async () => {
    const platform = await seedPlatform();
    const enabled = inboxBox();
    const disabled = inboxBox();
    const alertsOnly = inboxBox();
    await addEndpoint(platform.secretKey, enabled.url);
    const off = await addEndpoint(platform.secretKey, disabled.url);
    await addEndpoint(platform.secretKey, alertsOnly.url, { events: ["usage.threshold_reached"] });
    expect((await call("PATCH", `/api/webhook-endpoints/${off.endpoint.id}`, { key: platform.secretKey, body: { enabled: false } })).status).toBe(200);
    // A first track registers the end-user: customer.created.
    expect((await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "u1" } })).status).toBe(200);
    const [created] = await receivedAtLeast(enabled, 1);
    expect(JSON.parse(created!.body)).toMatchObject({ type: "customer.created", data: { userId: "u1", email: null, plan: "free" } });
    expect((await call("POST", `/api/webhook-endpoints/${off.endpoint.id}/test`, { key: platform.secretKey })).status).toBe(409);
    expect(await disabled.received()).toEqual([]);
    expect(await alertsOnly.received()).toEqual([]);
  });

  it("disables an endpoint that has failed for 5 days, and says why", async () => {
    const platform = await seedPlatform();
    const failing = inboxBox(500);
    const { endpoint } = await addEndpoint(platform.secretKey, failing.url);
    const sixDaysAgo = new Date(Date.now() - 6 * 24 * 60 * 60 * 1000).toISOString();
    await env.DB.prepare("UPDATE webhook_endpoints SET failing_since = ?2 WHERE endpoint_id = ?1").bind(endpoint.id, sixDaysAgo).run();
    await call("POST", `/api/webhook-endpoints/${endpoint.id}/test`, { key: platform.secretKey });
    const disabled = await eventually(
      async () => (await call("GET", `/api/webhook-endpoints/${endpoint.id}`, { key: platform.secretKey })).body.endpoint,
      (view) => view.enabled === false,
      "the endpoint to be disabled",
    );
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "failing", failingSince: sixDaysAgo });
    // The next attempt (already queued) is not sent.
    await eventually(
      () => eventPage(platform.secretKey),
      (events) => events[0]?.deliveries[0]?.status === "failed",
      "the delivery to end",
    );
    expect((await failing.received()).length).toBe(1);
  });

  it("signs with the new and the previous secret for 24 hours after a rotation", async () => {
    const platform = await seedPlatform();
    const box = inboxBox();
    const { endpoint, secret: before } = await addEndpoint(platform.secretKey, box.url);
    const { secret: after } = (await call("POST", `/api/webhook-endpoints/${endpoint.id}/rotate-secret`, { key: platform.secretKey })).body;
    await call("POST", `/api/webhook-endpoints/${endpoint.id}/test`, { key: platform.secretKey });
    const [delivery] = await receivedAtLeast(box, 1);
    expect(delivery!.webhookSignature?.split(" ")).toHaveLength(2);
    for (const secret of [before, after]) expect(new Webhook(secret).verify(delivery!.body, headersOf(delivery!))).toMatchObject({ type: "ping" });
    expect(() => new Webhook(`whsec_${btoa("x".repeat(32))}`).verify(delivery!.body, headersOf(delivery!))).toThrow();
  });

  it("keeps events and deliveries to their platform and mode", async () => {
    const platform = await twoModePlatform();
    const other = await seedPlatform();
    const box = inboxBox();
    const { endpoint } = await addEndpoint(platform.testKey, box.url);
    const sent = await call("POST", `/api/webhook-endpoints/${endpoint.id}/test`, { key: platform.testKey });
    await receivedAtLeast(box, 1);
    await eventually(
      () => eventPage(platform.testKey),
      (events) => events.length === 1,
      "the test event",
    );
    for (const key of [platform.liveKey, other.secretKey]) {
      expect(await eventPage(key)).toEqual([]);
      expect((await call("GET", `/api/webhook-events/${sent.body.event.id}`, { key })).status).toBe(404);
      expect((await call("POST", `/api/webhook-events/${sent.body.event.id}/resend`, { key })).status).toBe(404);
    }
    expect(await storedEvents(platform.platformId, "live")).toEqual([]);
    expect((await call("GET", "/api/webhook-events?type=nope", { key: platform.testKey })).status).toBe(400);
    expect((await call("GET", "/api/webhook-events?cursor=%%%", { key: platform.testKey })).status).toBe(400);
  });
});

describe("the event log's retention", () => {
  it("the cron deletes events older than 30 days with their deliveries and attempts, and keeps newer ones", async () => {
    const platform = await seedPlatform();
    const box = inboxBox();
    const { endpoint } = await addEndpoint(platform.secretKey, box.url);
    const old = (await call("POST", `/api/webhook-endpoints/${endpoint.id}/test`, { key: platform.secretKey })).body.event.id as string;
    const recent = (await call("POST", `/api/webhook-endpoints/${endpoint.id}/test`, { key: platform.secretKey })).body.event.id as string;
    await eventually(
      () => eventPage(platform.secretKey),
      (events) => events.length === 2 && events.every((event) => event.deliveries[0]?.status === "succeeded"),
      "both delivered",
    );
    const now = Date.now();
    await env.DB.prepare("UPDATE webhook_events SET created_at = ?2 WHERE event_id = ?1")
      .bind(old, new Date(now - WEBHOOK_EVENT_RETENTION_MS - 60_000).toISOString())
      .run();
    await runScheduled({ scheduledTime: now, cron: "17 * * * *" }, env);
    expect((await eventPage(platform.secretKey)).map((event) => event.id)).toEqual([recent]);
    const orphans = await env.DB.prepare("SELECT COUNT(*) AS n FROM webhook_deliveries WHERE event_id = ?1").bind(old).first<{ n: number }>();
    expect(orphans?.n).toBe(0);
  });
});

describe("deliveries whose queue message was lost", () => {
  it("the cron re-enqueues an overdue delivery, once, and leaves a recent one alone", async () => {
    const platform = await seedPlatform();
    const box = inboxBox();
    const { endpoint } = await addEndpoint(platform.secretKey, box.url);
    const tenant = { platformId: platform.platformId, mode: "test" as const };
    const now = Date.now();
    const longAgo = new Date(now - WEBHOOK_DELIVERY_OVERDUE_MS - 60_000).toISOString();
    const store = (eventId: string, at: string) => {
      const event = { id: eventId, type: "ping", createdAt: at, mode: "test", data: { endpointId: endpoint.id } };
      return env.DB.batch(storeWebhookEventStatements(env.DB, tenant, { eventId, type: "ping", userId: null, payload: JSON.stringify(event), createdAt: at }, at));
    };
    // Stored and fanned out, but the first attempt's message never arrived.
    await store("evt_lostFirstAttempt", longAgo);
    // Attempt 1 claimed by a consumer that stopped before recording it.
    await store("evt_lostMidAttempt", longAgo);
    const [midAttempt] = await unattemptedDeliveries(env.DB, "evt_lostMidAttempt");
    expect(await claimWebhookAttempt(env.DB, midAttempt!, 1, longAgo)).not.toBeNull();
    // Touched just now: its message may still be on its way.
    await store("evt_recentOne", new Date(now).toISOString());

    await runScheduled({ scheduledTime: now, cron: "17 * * * *" }, env);
    const received = await receivedAtLeast(box, 2);
    expect(received.map((delivery) => delivery.webhookId).sort()).toEqual(["evt_lostFirstAttempt", "evt_lostMidAttempt"]);
    const [first, mid] = await eventually(
      () => Promise.all(["evt_lostFirstAttempt", "evt_lostMidAttempt"].map((id) => call("GET", `/api/webhook-events/${id}`, { key: platform.secretKey }))),
      (answers) => answers.every((answer) => answer.body.event?.deliveries[0]?.status === "succeeded"),
      "both recovered deliveries succeeded",
    );
    expect(first!.body.event.deliveries[0].attempts.map((attempt: { attempt: number }) => attempt.attempt)).toEqual([1]);
    // The claimed attempt left no record; the sweep's is the second.
    expect(mid!.body.event.deliveries[0].attempts.map((attempt: { attempt: number }) => attempt.attempt)).toEqual([2]);

    await runScheduled({ scheduledTime: now + 60_000, cron: "17 * * * *" }, env);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await box.received()).map((delivery) => delivery.webhookId).filter((id) => id !== "evt_recentOne")).toHaveLength(2);
    const recent = await env.DB.prepare("SELECT status, attempt_count FROM webhook_deliveries WHERE event_id = 'evt_recentOne'").first();
    expect(recent).toEqual({ status: "pending", attempt_count: 0 });
  });
});
