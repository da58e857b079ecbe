/**
 * `verifyWebhook` / `dream.webhooks.verify` against the reference
 * implementation of Standard Webhooks (the `standardwebhooks` package):
 * its signatures verify with ours and ours with it, and every way a
 * delivery can be wrong (tampered body, id or timestamp, a wrong or
 * malformed secret, a stale or future timestamp, missing headers, a body
 * that is not an event) is refused with its own `reason`. The events are
 * the document's own examples, read from the running api-multi.
 */
import { Webhook } from "standardwebhooks";
import { beforeAll, describe, expect, expectTypeOf, it } from "vitest";
import {
  DreamApi,
  DreamApiConfigurationError,
  signWebhook,
  verifyWebhook,
  type WebhookEvent,
  type WebhookEventOf,
  type WebhookEventType,
  WebhookVerificationError,
  type WebhookVerificationReason,
} from "../src/index.js";
import { stack } from "./support/stack.js";

const randomSecret = () => `whsec_${btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(24))))}`;
const SECRET = randomSecret();
const NOW = new Date("2026-11-14T09:30:00.000Z");
const NOW_SECONDS = Math.floor(NOW.getTime() / 1000);

/** The document's example body of each event type. */
let examples: Record<string, WebhookEvent>;

beforeAll(async () => {
  const document = (await (await fetch(`${stack.apiUrl}/openapi.json`)).json()) as {
    webhooks: Record<string, { post: { requestBody: { content: { "application/json": { example: WebhookEvent } } } } }>;
  };
  examples = Object.fromEntries(Object.entries(document.webhooks).map(([type, { post }]) => [type, post.requestBody.content["application/json"].example]));
});

function delivery(type: WebhookEventType = "usage.threshold_reached") {
  const event = examples[type]!;
  return { event, body: JSON.stringify(event) };
}

/** Signs with the reference implementation, at `at` (default NOW). */
function referenceHeaders(body: string, { id = "evt_5kQ2mN8xT1vW3yZ7", secret = SECRET, at = NOW } = {}): Record<string, string> {
  return { "webhook-id": id, "webhook-timestamp": String(Math.floor(at.getTime() / 1000)), "webhook-signature": new Webhook(secret).sign(id, at, body) };
}

async function refusal(run: () => Promise<unknown>): Promise<WebhookVerificationReason> {
  const error = await run().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(WebhookVerificationError);
  expect(error).toBeInstanceOf(Error);
  expect((error as Error).name).toBe("WebhookVerificationError");
  return (error as WebhookVerificationError).reason;
}

describe("verifyWebhook against the reference implementation", () => {
  it("verifies what `standardwebhooks` signs, for every event type of the document, and returns the body", async () => {
    expect(Object.keys(examples)).toContain("usage.threshold_reached");
    for (const [type, event] of Object.entries(examples)) {
      const body = JSON.stringify(event);
      expect(await verifyWebhook(body, referenceHeaders(body), SECRET, { now: NOW }), type).toEqual(event);
    }
  });

  it("signs so that `standardwebhooks` verifies (signWebhook)", async () => {
    const { event, body } = delivery();
    const headers = await signWebhook({ id: event.id, body, secret: SECRET });
    expect(new Webhook(SECRET).verify(body, headers as unknown as Record<string, string>)).toEqual(event);
    expect(headers["webhook-signature"]).toBe(new Webhook(SECRET).sign(event.id, new Date(Number(headers["webhook-timestamp"]) * 1000), body));
    expect(await verifyWebhook(body, headers, SECRET)).toEqual(event);
  });

  it("is dream.webhooks.verify on a client without credentials", async () => {
    const { event, body } = delivery("customer.plan_changed");
    expect(await new DreamApi().webhooks.verify(body, referenceHeaders(body), SECRET, { now: NOW })).toEqual(event);
  });

  it("reads a Headers object, a Node-style record in any letter case, and repeated signature headers", async () => {
    const { event, body } = delivery();
    const headers = referenceHeaders(body);
    expect(await verifyWebhook(body, new Headers(headers), SECRET, { now: NOW })).toEqual(event);
    const upper = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toUpperCase(), value]));
    expect(await verifyWebhook(body, upper, SECRET, { now: NOW })).toEqual(event);
    const repeated = { ...headers, "webhook-signature": ["v1,bm90IGl0", headers["webhook-signature"]!], "x-other": undefined };
    expect(await verifyWebhook(body, repeated, SECRET, { now: NOW })).toEqual(event);
    const appended = new Headers(headers);
    appended.append("webhook-signature", "v1,bm90IGl0");
    expect(await verifyWebhook(body, appended, SECRET, { now: NOW })).toEqual(event);
  });

  it("accepts any one matching v1 signature of a rotated secret's list, and skips other versions", async () => {
    const { body } = delivery();
    const previous = randomSecret();
    const oldSignature = referenceHeaders(body, { secret: previous })["webhook-signature"];
    const headers = { ...referenceHeaders(body), "webhook-signature": `v2,c29tZXRoaW5n ${oldSignature} ${referenceHeaders(body)["webhook-signature"]}` };
    await expect(verifyWebhook(body, headers, SECRET, { now: NOW })).resolves.toMatchObject({ type: "usage.threshold_reached" });
    await expect(verifyWebhook(body, headers, previous, { now: NOW })).resolves.toMatchObject({ type: "usage.threshold_reached" });
    expect(await refusal(() => verifyWebhook(body, headers, randomSecret(), { now: NOW }))).toBe("invalid_signature");
    // The reference implementation reads the same list alike.
    const now = new Date();
    const list = [randomSecret(), previous, SECRET].map((secret) => referenceHeaders(body, { secret, at: now })["webhook-signature"]).join(" ");
    const current = { ...referenceHeaders(body, { at: now }), "webhook-signature": list };
    for (const secret of [previous, SECRET]) expect(new Webhook(secret).verify(body, current)).toMatchObject({ type: "usage.threshold_reached" });
    await expect(verifyWebhook(body, current, previous)).resolves.toMatchObject({ type: "usage.threshold_reached" });
  });
});

describe("verifyWebhook refuses", () => {
  it("a tampered body, id or timestamp, and a wrong secret: invalid_signature", async () => {
    const { body } = delivery();
    const headers = referenceHeaders(body);
    expect(await refusal(() => verifyWebhook(body.replace('"threshold":0.8', '"threshold":1'), headers, SECRET, { now: NOW }))).toBe("invalid_signature");
    expect(await refusal(() => verifyWebhook(`${body} `, headers, SECRET, { now: NOW }))).toBe("invalid_signature");
    expect(await refusal(() => verifyWebhook(body, { ...headers, "webhook-id": "evt_other" }, SECRET, { now: NOW }))).toBe("invalid_signature");
    expect(await refusal(() => verifyWebhook(body, { ...headers, "webhook-timestamp": String(NOW_SECONDS + 1) }, SECRET, { now: NOW }))).toBe("invalid_signature");
    expect(await refusal(() => verifyWebhook(body, headers, randomSecret(), { now: NOW }))).toBe("invalid_signature");
    for (const signature of ["", " ", "v1,", "v1,!!notbase64!!", "v0,abc", headers["webhook-signature"]!.replace("v1,", "v2,"), headers["webhook-signature"]!.slice(0, -4)]) {
      const reason = await refusal(() => verifyWebhook(body, { ...headers, "webhook-signature": signature }, SECRET, { now: NOW }));
      expect(reason, JSON.stringify(signature)).toBe(signature.trim() === "" ? "missing_headers" : "invalid_signature");
    }
  });

  it("timestamps beyond the tolerance either way (5 minutes by default; the edges pass)", async () => {
    const { body } = delivery();
    const at = (offsetSeconds: number) => referenceHeaders(body, { at: new Date(NOW.getTime() + offsetSeconds * 1000) });
    await expect(verifyWebhook(body, at(-300), SECRET, { now: NOW })).resolves.toBeDefined();
    await expect(verifyWebhook(body, at(300), SECRET, { now: NOW })).resolves.toBeDefined();
    expect(await refusal(() => verifyWebhook(body, at(-301), SECRET, { now: NOW }))).toBe("timestamp_too_old");
    expect(await refusal(() => verifyWebhook(body, at(301), SECRET, { now: NOW }))).toBe("timestamp_too_new");
    // `now` as milliseconds, and a tolerance of one's own.
    await expect(verifyWebhook(body, at(-60), SECRET, { now: NOW.getTime(), toleranceSeconds: 60 })).resolves.toBeDefined();
    expect(await refusal(() => verifyWebhook(body, at(-61), SECRET, { now: NOW.getTime(), toleranceSeconds: 60 }))).toBe("timestamp_too_old");
    expect(await refusal(() => verifyWebhook(body, at(61), SECRET, { now: NOW, toleranceSeconds: 60 }))).toBe("timestamp_too_new");
    // Without `now`, the clock.
    expect(await refusal(() => verifyWebhook(body, referenceHeaders(body, { at: new Date("2020-01-01T00:00:00Z") }), SECRET))).toBe("timestamp_too_old");
    expect(await refusal(() => verifyWebhook(body, referenceHeaders(body, { at: new Date(Date.now() + 600_000) }), SECRET))).toBe("timestamp_too_new");
  });

  it("missing headers, and a timestamp that is not Unix seconds", async () => {
    const { body } = delivery();
    const headers = referenceHeaders(body);
    for (const name of ["webhook-id", "webhook-timestamp", "webhook-signature"]) {
      const { [name]: _left, ...rest } = headers;
      expect(await refusal(() => verifyWebhook(body, rest, SECRET, { now: NOW })), name).toBe("missing_headers");
      expect(await refusal(() => verifyWebhook(body, { ...rest, [name]: undefined }, SECRET, { now: NOW })), name).toBe("missing_headers");
    }
    expect(await refusal(() => verifyWebhook(body, {}, SECRET, { now: NOW }))).toBe("missing_headers");
    for (const timestamp of ["soon", "1.5", "-1", "0x10", `${NOW_SECONDS}abc`]) {
      expect(await refusal(() => verifyWebhook(body, { ...headers, "webhook-timestamp": timestamp }, SECRET, { now: NOW })), timestamp).toBe("invalid_timestamp");
    }
  });

  it("a secret that is not whsec_ and base64", async () => {
    const { body } = delivery();
    const headers = referenceHeaders(body);
    for (const secret of ["", "whsec_", SECRET.slice("whsec_".length), "sk_test_abc", "whsec_not base64!", "whsec_abc"]) {
      expect(await refusal(() => verifyWebhook(body, headers, secret, { now: NOW })), secret).toBe("invalid_secret");
    }
    await expect(signWebhook({ id: "evt_1", body, secret: "whsec_" })).rejects.toBeInstanceOf(WebhookVerificationError);
  });

  it("a signed body that is not an event, parsing only once the signature matched", async () => {
    for (const body of ["not json", "", "[1,2]", "null", '{"id":"evt_1"}', '{"type":42}']) {
      const headers = await signWebhook({ id: "evt_1", body, secret: SECRET, timestamp: NOW });
      expect(await refusal(() => verifyWebhook(body, headers, SECRET, { now: NOW })), body).toBe("invalid_payload");
      expect(await refusal(() => verifyWebhook(body, headers, randomSecret(), { now: NOW })), body).toBe("invalid_signature");
    }
  });

  it("explains a runtime without WebCrypto instead of failing obscurely, and takes one passed in", async () => {
    const { body } = delivery();
    const headers = referenceHeaders(body);
    const original = Object.getOwnPropertyDescriptor(globalThis, "crypto")!;
    const subtle = globalThis.crypto.subtle;
    Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
    try {
      await expect(verifyWebhook(body, headers, SECRET, { now: NOW })).rejects.toBeInstanceOf(DreamApiConfigurationError);
      await expect(verifyWebhook(body, headers, SECRET, { now: NOW, subtle })).resolves.toMatchObject({ type: "usage.threshold_reached" });
    } finally {
      Object.defineProperty(globalThis, "crypto", original);
    }
  });
});

describe("the event types", () => {
  it("are a union discriminated on type, generated from the document", () => {
    expectTypeOf<WebhookEventType>().toEqualTypeOf<
      | "ping"
      | "usage.threshold_reached"
      | "usage.limit_reached"
      | "customer.created"
      | "customer.plan_changed"
      | "customer.subscription_updated"
      | "invoice.payment_failed"
      | "credits.granted"
      | "credits.exhausted"
    >();
    expectTypeOf<WebhookEventOf<"usage.threshold_reached">["data"]["threshold"]>().toEqualTypeOf<number>();
    expectTypeOf<WebhookEvent["mode"]>().toEqualTypeOf<"test" | "live">();
    const describeEvent = (event: WebhookEvent): string => {
      switch (event.type) {
        case "usage.threshold_reached":
          return `${event.data.userId} reached ${event.data.threshold * 100} % (${event.data.usage.count}/${event.data.usage.limit})`;
        case "customer.plan_changed":
          return `${event.data.userId}: ${event.data.from} → ${event.data.to} (${event.data.cause})`;
        case "credits.granted":
          return `${event.data.userId} +${event.data.grant.amount} credits (balance ${event.data.balance})`;
        default:
          return event.type;
      }
    };
    expect(describeEvent(examples["usage.threshold_reached"]!)).toBe("user_42 reached 80 % (80/100)");
    expect(describeEvent(examples["credits.granted"]!)).toMatch(/^user_42 \+\d+ credits \(balance \d+\)$/);
    expect(Object.keys(examples).sort()).toEqual(
      [
        "ping",
        "usage.threshold_reached",
        "usage.limit_reached",
        "customer.created",
        "customer.plan_changed",
        "customer.subscription_updated",
        "invoice.payment_failed",
        "credits.granted",
        "credits.exhausted",
      ].sort(),
    );
  });
});
