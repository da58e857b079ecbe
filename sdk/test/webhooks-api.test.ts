/**
 * `dream.webhooks.endpoints`, `dream.webhooks.events` and `dream.logs`
 * against the real api-multi in workerd: an endpoint pointing at a box of
 * the testkit's webhook inbox receives a signed ping that
 * `dream.webhooks.verify` accepts with the secret `create` returned (the
 * only answer besides `rotateSecret` that holds it); the event log shows
 * the ping with its attempts, resend and rotation are delivered and
 * verified, a disabled endpoint takes no test, a deleted one is gone; the
 * request log shows the calls just made, filtered and by request id; and
 * the API's refusals arrive as the SDK's error classes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, type DreamApi, NotFoundError, type RequestLogEntry, ValidationError, type WebhookEndpoint, type WebhookEventRecord, WebhookVerificationError } from "../src/index.js";
import { client, rejectionOf, stack, uniqueId } from "./support/stack.js";

/** A delivery as the inbox recorded it: the raw body and the Standard Webhooks headers, exactly as sent. */
interface InboxDelivery {
  seq: number;
  body: string;
  webhookId: string | null;
  webhookTimestamp: string | null;
  webhookSignature: string | null;
}

const UNKNOWN_ENDPOINT_ID = "we_0000000000000000000000000";
const UNKNOWN_EVENT_ID = "evt_000000000000000000000000";

/** Polls `read` every 100 ms, up to 15 s, until `done` holds (the queue delivers and logs off the request's path). */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A fresh box of the inbox: the URL to register and a reader of what arrived there. */
function inboxBox() {
  const box = uniqueId("sdk-webhooks");
  const url = `${stack.inboxUrl}/${box}`;
  const received = async (): Promise<InboxDelivery[]> => (await (await fetch(url)).json()) as InboxDelivery[];
  return { url, received, deliveriesOf: (eventId: string) => eventually(received, (all) => all.some((d) => d.webhookId === eventId), `a delivery of ${eventId}`) };
}

function headersOf(delivery: InboxDelivery): Record<string, string> {
  return { "webhook-id": delivery.webhookId ?? "", "webhook-timestamp": delivery.webhookTimestamp ?? "", "webhook-signature": delivery.webhookSignature ?? "" };
}

describe("dream.webhooks.endpoints and dream.webhooks.events", () => {
  let dream: DreamApi;
  let inbox: ReturnType<typeof inboxBox>;
  let endpoint: WebhookEndpoint;
  let secret: string;
  let pingId: string;

  beforeAll(async () => {
    dream = client();
    inbox = inboxBox();
    const created = await dream.webhooks.endpoints.create({ url: inbox.url, events: ["usage.threshold_reached"], description: "sdk test" });
    endpoint = created.endpoint;
    secret = created.secret;
  });

  afterAll(async () => {
    // Endpoints are capped at 20 per mode: leave none behind when a test fails midway.
    await dream.webhooks.endpoints.delete(endpoint.id).catch(() => undefined);
  });

  it("create returns the endpoint and its whsec_ secret once; list and get never show it", async () => {
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]+$/);
    expect(endpoint).toMatchObject({ url: inbox.url, events: ["usage.threshold_reached"], description: "sdk test", enabled: true, disabledReason: null });
    expect(endpoint.id).toMatch(/^we_/);
    expect(secret.startsWith(endpoint.secretPrefix)).toBe(true);

    const { endpoints, mode } = await dream.webhooks.endpoints.list();
    expect(mode).toBe("test");
    const listed = endpoints.find((one) => one.id === endpoint.id);
    expect(listed).toEqual(endpoint);
    const { endpoint: got } = await dream.webhooks.endpoints.get(endpoint.id);
    expect(got).toEqual(endpoint);
    expect(JSON.stringify({ endpoints, got })).not.toContain(secret);
  });

  it("test sends a ping to the endpoint, signed so that dream.webhooks.verify accepts it with the secret", async () => {
    const { event, mode } = await dream.webhooks.endpoints.test(endpoint.id);
    expect(mode).toBe("test");
    expect(event).toMatchObject({ type: "ping", userId: null });
    pingId = event.id;

    const delivery = (await inbox.deliveriesOf(pingId)).find((d) => d.webhookId === pingId)!;
    const verified = await dream.webhooks.verify(delivery.body, headersOf(delivery), secret);
    expect(verified).toMatchObject({ id: pingId, type: "ping", mode: "test" });
    // Only the raw body and the right secret verify.
    const wrongSecret = `whsec_${btoa("not the endpoint's secret at all")}`;
    expect(await rejectionOf(dream.webhooks.verify(delivery.body, headersOf(delivery), wrongSecret))).toBeInstanceOf(WebhookVerificationError);
    expect(await rejectionOf(dream.webhooks.verify(`${delivery.body} `, headersOf(delivery), secret))).toBeInstanceOf(WebhookVerificationError);
  });

  it("events.list and events.get show the ping with its delivery and the successful attempt", async () => {
    const succeeded = (event: WebhookEventRecord | undefined) => event?.deliveries[0]?.status === "succeeded";
    const page = await eventually(
      () => dream.webhooks.events.list({ type: "ping", limit: 100 }),
      (value) => succeeded(value.events.find((event) => event.id === pingId)),
      "the ping's delivery to succeed",
    );
    expect(page.mode).toBe("test");
    const listed = page.events.find((event) => event.id === pingId)!;
    expect(listed.deliveries).toHaveLength(1);
    const [delivery] = listed.deliveries;
    expect(delivery).toMatchObject({ endpointId: endpoint.id, url: inbox.url, status: "succeeded", attemptCount: 1, nextAttemptAt: null });
    expect(delivery!.attempts).toHaveLength(1);
    expect(delivery!.attempts[0]).toMatchObject({ attempt: 1, responseStatus: 200, error: null });
    expect(delivery!.attempts[0]!.responseBody).toContain("received");
    expect(page.events.every((event) => event.type === "ping")).toBe(true);

    const { event } = await dream.webhooks.events.get(pingId);
    expect(event).toEqual(listed);

    const all: string[] = [];
    for await (const one of dream.webhooks.events.listAll({ type: "ping", limit: 1 })) all.push(one.id);
    expect(all).toContain(pingId);
    expect(new Set(all).size).toBe(all.length);
  });

  it("resend delivers the event again with the same webhook-id, a second attempt in the log", async () => {
    const before = (await inbox.received()).filter((d) => d.webhookId === pingId).length;
    const { event } = await dream.webhooks.events.resend(pingId);
    expect(event.id).toBe(pingId);

    const deliveries = await eventually(inbox.received, (all) => all.filter((d) => d.webhookId === pingId).length > before, "the resent delivery");
    const resent = deliveries.filter((d) => d.webhookId === pingId).at(-1)!;
    expect((await dream.webhooks.verify(resent.body, headersOf(resent), secret)).id).toBe(pingId);
    const { event: logged } = await eventually(
      () => dream.webhooks.events.get(pingId),
      (value) => value.event.deliveries[0]?.attempts.length === 2 && value.event.deliveries[0]?.status === "succeeded",
      "the second attempt in the log",
    );
    expect(logged.deliveries[0]!.attempts.map((attempt) => attempt.responseStatus)).toEqual([200, 200]);
  });

  it("rotateSecret issues a new secret that verifies the next delivery (the old one still does, for 24 hours)", async () => {
    const rotated = await dream.webhooks.endpoints.rotateSecret(endpoint.id);
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.endpoint.id).toBe(endpoint.id);
    expect(rotated.secret.startsWith(rotated.endpoint.secretPrefix)).toBe(true);

    const { event } = await dream.webhooks.endpoints.test(endpoint.id);
    const delivery = (await inbox.deliveriesOf(event.id)).find((d) => d.webhookId === event.id)!;
    expect((await dream.webhooks.verify(delivery.body, headersOf(delivery), rotated.secret)).id).toBe(event.id);
    expect((await dream.webhooks.verify(delivery.body, headersOf(delivery), secret)).id).toBe(event.id);
    expect(delivery.webhookSignature!.split(" ")).toHaveLength(2);
    secret = rotated.secret;
  });

  it("update changes the given fields; a disabled endpoint takes no test (ConflictError)", async () => {
    const { endpoint: disabled } = await dream.webhooks.endpoints.update(endpoint.id, { enabled: false, description: null, events: null });
    expect(disabled).toMatchObject({ id: endpoint.id, url: inbox.url, enabled: false, disabledReason: "manual", description: null, events: null });
    expect((await dream.webhooks.endpoints.get(endpoint.id)).endpoint.enabled).toBe(false);

    const refused = await rejectionOf(dream.webhooks.endpoints.test(endpoint.id));
    expect(refused).toBeInstanceOf(ConflictError);
    expect(refused).toMatchObject({ status: 409, code: "conflict" });
  });

  it("delete removes the endpoint: get is then a NotFoundError", async () => {
    expect(await dream.webhooks.endpoints.delete(endpoint.id)).toEqual({ endpointId: endpoint.id, deleted: true, mode: "test" });
    const gone = await rejectionOf(dream.webhooks.endpoints.get(endpoint.id));
    expect(gone).toBeInstanceOf(NotFoundError);
    expect((await dream.webhooks.endpoints.list()).endpoints.map((one) => one.id)).not.toContain(endpoint.id);
  });
});

describe("the API's refusals as the SDK's errors", () => {
  const dream = client();

  it("an unknown endpoint or event id is a NotFoundError", async () => {
    for (const call of [
      () => dream.webhooks.endpoints.get(UNKNOWN_ENDPOINT_ID),
      () => dream.webhooks.endpoints.update(UNKNOWN_ENDPOINT_ID, { enabled: true }),
      () => dream.webhooks.endpoints.delete(UNKNOWN_ENDPOINT_ID),
      () => dream.webhooks.endpoints.rotateSecret(UNKNOWN_ENDPOINT_ID),
      () => dream.webhooks.endpoints.test(UNKNOWN_ENDPOINT_ID),
      () => dream.webhooks.events.get(UNKNOWN_EVENT_ID),
      () => dream.webhooks.events.resend(UNKNOWN_EVENT_ID),
      () => dream.logs.get("req_0000000000000000000000"),
    ]) {
      const error = await rejectionOf(call());
      expect(error).toBeInstanceOf(NotFoundError);
      expect(error).toMatchObject({ status: 404, code: "not_found", kind: "not_found" });
      expect((error as NotFoundError).requestId).toMatch(/^req_/);
    }
  });

  it("a bad URL, an unknown event type or a malformed id is a ValidationError naming the field", async () => {
    const badUrl = await rejectionOf(dream.webhooks.endpoints.create({ url: "not a url" }));
    expect(badUrl).toBeInstanceOf(ValidationError);
    expect(badUrl).toMatchObject({ status: 400, code: "invalid_request", param: "url" });
    expect(await rejectionOf(dream.webhooks.endpoints.create({ url: "ftp://example.com/hook" }))).toMatchObject({ code: "invalid_request", param: "url" });
    // @ts-expect-error an event type the API does not have
    const unknownType = dream.webhooks.endpoints.create({ url: "https://example.com/hook", events: ["no.such_event"] });
    expect(await rejectionOf(unknownType)).toMatchObject({ status: 400, code: "invalid_request", param: "events.0" });
    expect(await rejectionOf(dream.webhooks.endpoints.get("not-an-endpoint-id"))).toMatchObject({ status: 400, code: "invalid_id", param: "endpointId" });
    expect(await rejectionOf(dream.webhooks.events.list({ limit: 0 }))).toBeInstanceOf(ValidationError);
    expect(await rejectionOf(dream.logs.list({ status: "600" }))).toMatchObject({ status: 400, param: "status" });
  });
});

describe("dream.logs", () => {
  const dream = client();
  const userId = uniqueId("sdk-logs-user");
  let failedRequestId: string;
  let okRequestId: string;

  beforeAll(async () => {
    // Two calls to remember: a 404 (its id from the error) and a 200 (from the raw call's metadata).
    const missing = await rejectionOf(dream.customers.get(userId));
    expect(missing).toBeInstanceOf(NotFoundError);
    failedRequestId = (missing as NotFoundError).requestId!;
    okRequestId = (await dream.request({ method: "GET", path: "/api/webhook-endpoints" })).requestId!;
    expect(failedRequestId).toMatch(/^req_/);
    expect(okRequestId).toMatch(/^req_/);
  });

  /** The request log is written off the request's path: wait until both lines are in. */
  async function waitForLines(): Promise<RequestLogEntry[]> {
    const lines: RequestLogEntry[] = [];
    await eventually(
      async () => {
        lines.length = 0;
        for await (const line of dream.logs.listAll({ limit: 100 })) {
          lines.push(line);
          if (lines.length >= 1000) break;
        }
        return lines.map((line) => line.requestId);
      },
      (ids) => ids.includes(failedRequestId) && ids.includes(okRequestId),
      "the two requests in the log",
    );
    return lines;
  }

  it("list shows the requests just made, newest first; get finds each by its request id", async () => {
    const lines = await waitForLines();
    const times = lines.map((line) => line.time);
    expect(times).toEqual([...times].sort().reverse());

    const { log: failed, mode } = await dream.logs.get(failedRequestId);
    expect(mode).toBe("test");
    expect(failed).toMatchObject({ requestId: failedRequestId, method: "GET", route: "/api/customers/:userId", status: 404, errorCode: "customer_not_found", userId });
    expect(failed.caller).toMatch(/^sk_test_/);
    expect(failed).toEqual(lines.find((line) => line.requestId === failedRequestId));

    const { log: ok } = await dream.logs.get(okRequestId);
    expect(ok).toMatchObject({ requestId: okRequestId, method: "GET", route: "/api/webhook-endpoints", status: 200, errorCode: null, userId: null });
  });

  it("filters by route, status (a code or a class) and userId", async () => {
    await waitForLines();
    const byRoute = await dream.logs.list({ route: "/api/webhook-endpoints", limit: 100 });
    expect(byRoute.logs.map((line) => line.requestId)).toContain(okRequestId);
    expect(byRoute.logs.every((line) => line.route === "/api/webhook-endpoints")).toBe(true);

    const clientErrors = await dream.logs.list({ route: "/api/customers/:userId", status: "4xx", limit: 100 });
    expect(clientErrors.logs.map((line) => line.requestId)).toContain(failedRequestId);
    expect(clientErrors.logs.every((line) => line.status >= 400 && line.status < 500)).toBe(true);
    expect((await dream.logs.list({ status: "404", limit: 100 })).logs.every((line) => line.status === 404)).toBe(true);
    expect((await dream.logs.list({ route: "/api/customers/:userId", status: "2xx", limit: 100 })).logs.map((line) => line.requestId)).not.toContain(failedRequestId);

    const { logs: ofUser } = await dream.logs.list({ userId });
    expect(ofUser.map((line) => line.requestId)).toEqual([failedRequestId]);
  });

  it("pages with nextCursor without repeating a line", async () => {
    await waitForLines();
    const first = await dream.logs.list({ limit: 2 });
    expect(first.logs).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await dream.logs.list({ limit: 2, cursor: first.nextCursor! });
    const ids = [...first.logs, ...second.logs].map((line) => line.requestId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
