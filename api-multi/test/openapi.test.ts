/**
 * The reference and the routes must agree (@dream-api/testkit/suites,
 * openapi-contract.ts): every route of the app is in /openapi.json and
 * every documented operation answers, through the real worker, with the
 * status, body and error codes the document promises. (The document's
 * validity as OpenAPI 3.1 and its examples are checked in Node by the SDK's
 * tests, sdk/test/openapi.test.ts.)
 */
import { ERROR_CODES } from "@dream-api/shared";
import type { OpenApiDocument } from "@dream-api/shared/openapi";
import { describeOpenApiContract, type Scenario } from "@dream-api/testkit/suites";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import { errorSchema } from "../src/models";
import { ALL_OPERATIONS, errorCodesOf } from "../src/openapi/document";
import { awaitDeliveries, call, clerkJson, deliver, expectErrorShape, inboxCursor, mintToken, payCheckout, saveSettings, seedConnectedPlatform, type CallResult } from "./harness";
import { landedLines } from "./routes/logs/helpers";
import { eventually, inboxBox } from "./outbound-webhooks/helpers";

async function fetchDocument(): Promise<OpenApiDocument> {
  const result = await call("GET", "/openapi.json");
  expect(result.status).toBe(200);
  return result.body as OpenApiDocument;
}

/** One call per operation, in an order where each finds what it needs (a customer, a payment); the paid customer's answers are checked beyond their schema. */
async function scenarios(): Promise<Scenario[]> {
  const platform = await seedConnectedPlatform();
  // The redirects below are on an allowed test origin; a brand is set, so the public tiers' brand is not all nulls.
  await saveSettings(platform.platformId, { mode: "test", allowedOrigins: ["https://app.example"], displayName: "Acme AI", accentColor: "#4f46e5", supportEmail: "support@app.example" });
  const key = platform.secretKey;
  const email = `ada.${crypto.randomUUID().slice(0, 8)}@example.com`;
  let checkoutUrl = "";
  let loggedRequestId = "";
  let endpointId = "";
  let eventId = "";
  const expectBody = (run: () => Promise<CallResult>, check: (body: any) => void) => async () => {
    const result = await run();
    check(result.body);
    return result;
  };
  return [
    ["health", () => call("GET", "/health")],
    ["openapi", () => call("GET", "/openapi.json")],
    ["docs", () => call("GET", "/docs")],
    ["tiers.listPublic", () => call("GET", `/api/public/tiers?pk=${platform.publishableKey}`)],
    [
      "platforms.join",
      async () => {
        const person = await clerkJson<{ id: string }>("/v1/users", {
          method: "POST",
          app: "end-user-api",
          body: JSON.stringify({ email_address: [`joiner.${crypto.randomUUID().slice(0, 8)}@example.com`] }),
        });
        const identity = await mintToken(person.id, { instance: "end-user-api", organizationId: null });
        return call("POST", `/api/public/platforms/${platform.platformId}/join?mode=test`, { token: identity, body: {} });
      },
    ],
    // After a join the organization exists: the page's organizationId is not null.
    [
      "platforms.getPublic",
      expectBody(
        () => call("GET", `/api/public/platforms/${platform.platformId}?mode=test`),
        (body) => expect(body.organizationId).toMatch(/^org_/),
      ),
    ],
    [
      "tiers.list",
      async () => {
        const result = await call("GET", "/api/tiers", { key });
        loggedRequestId = result.headers.get("X-Request-Id") ?? "";
        return result;
      },
    ],
    ["customers.create", () => call("POST", "/api/customers", { key, body: { userId: "user_42", email, plan: "free" } })],
    ["usage.track", () => call("POST", "/api/usage/track", { key, body: { userId: "user_42", amount: 2 }, headers: { "Idempotency-Key": crypto.randomUUID() } })],
    ["usage.check", () => call("GET", "/api/usage?userId=user_42", { key })],
    ["customers.list", () => call("GET", "/api/customers?limit=1", { key })],
    ["customers.update", () => call("PATCH", "/api/customers/user_42", { key, body: { plan: "free" } })],
    [
      "customers.credits.grant",
      () =>
        call("POST", "/api/customers/user_42/credits", {
          key,
          body: { amount: 50, reason: "Welcome credits", expiresAt: "2099-01-01T00:00:00Z" },
          headers: { "Idempotency-Key": crypto.randomUUID() },
        }),
    ],
    ["customers.credits.list", () => call("GET", "/api/customers/user_42/credits?limit=5", { key })],
    [
      "customers.delete",
      async () => {
        await call("POST", "/api/customers", { key, body: { userId: "user_43", email: `grace.${crypto.randomUUID().slice(0, 8)}@example.com` } });
        return call("DELETE", "/api/customers/user_43", { key });
      },
    ],
    [
      "checkout.create",
      async () => {
        const result = await call("POST", "/api/checkout", { key, body: { userId: "user_42", tier: "pro", successUrl: "https://app.example/done" } });
        checkoutUrl = result.body.url;
        return result;
      },
    ],
    [
      "webhooks.stripe",
      async () => {
        const cursor = await inboxCursor("connect");
        await payCheckout(checkoutUrl);
        const deliveries = await awaitDeliveries(cursor, ["checkout.session.completed"], "connect");
        let last: CallResult | undefined;
        for (const delivery of deliveries.filter((candidate) => candidate.body.includes(platform.account))) last = await deliver(delivery);
        return last!;
      },
    ],
    // The paid customer shows a full subscription: the nullable branches of the schema were not all that was tested.
    [
      "customers.get",
      expectBody(
        () => call("GET", "/api/customers/user_42", { key }),
        (body) => expect(body.customer.subscription).toMatchObject({ status: "active", plan: "pro" }),
      ),
    ],
    ["portal.create", () => call("POST", "/api/portal", { key, body: { userId: "user_42", returnUrl: "https://app.example/account" } })],
    [
      "dashboard.get",
      expectBody(
        () => call("GET", "/api/dashboard", { key }),
        (body) => expect(body.subscriptions).toHaveLength(1),
      ),
    ],
    // The request log: the tiers.list call's line, once the queue consumer has written it.
    [
      "logs.list",
      expectBody(
        async () => {
          await landedLines([loggedRequestId]);
          return call("GET", "/api/logs?limit=100", { key });
        },
        (body) => expect(body.logs.map((line: { requestId: string }) => line.requestId)).toContain(loggedRequestId),
      ),
    ],
    ["logs.get", () => call("GET", `/api/logs/${loggedRequestId}`, { key })],
    // Outbound webhooks: an endpoint on the test kit's inbox, a ping delivered to it, the event log with its attempt.
    [
      "webhooks.endpoints.create",
      async () => {
        const result = await call("POST", "/api/webhook-endpoints", { key, body: { url: inboxBox().url, description: "contract" } });
        endpointId = result.body.endpoint.id;
        return result;
      },
    ],
    ["webhooks.endpoints.list", () => call("GET", "/api/webhook-endpoints", { key })],
    ["webhooks.endpoints.get", () => call("GET", `/api/webhook-endpoints/${endpointId}`, { key })],
    ["webhooks.endpoints.update", () => call("PATCH", `/api/webhook-endpoints/${endpointId}`, { key, body: { events: ["usage.threshold_reached", "customer.created"] } })],
    [
      "webhooks.endpoints.test",
      async () => {
        const result = await call("POST", `/api/webhook-endpoints/${endpointId}/test`, { key });
        eventId = result.body.event.id;
        return result;
      },
    ],
    [
      "webhooks.events.list",
      expectBody(
        async () => {
          await eventually(
            async () => (await call("GET", `/api/webhook-events/${eventId}`, { key })).body.event?.deliveries[0]?.status,
            (status) => status === "succeeded",
            "the ping delivered",
          );
          return call("GET", "/api/webhook-events?type=ping", { key });
        },
        (body) => expect(body.events[0].deliveries[0].attempts[0].responseStatus).toBe(200),
      ),
    ],
    ["webhooks.events.get", () => call("GET", `/api/webhook-events/${eventId}`, { key })],
    ["webhooks.events.resend", () => call("POST", `/api/webhook-events/${eventId}/resend`, { key })],
    ["webhooks.endpoints.rotateSecret", () => call("POST", `/api/webhook-endpoints/${endpointId}/rotate-secret`, { key })],
    ["webhooks.endpoints.delete", () => call("DELETE", `/api/webhook-endpoints/${endpointId}`, { key })],
  ];
}

const errorAttempts = async () => ({
  credential: (await seedConnectedPlatform()).secretKey,
  pathValues: { userId: "nobody", requestId: "req_doesNotExist0000000", endpointId: "we_doesNotExist00000000", eventId: "evt_doesNotExist0000000" },
});
describeOpenApiContract({ service: "api-multi", operations: ALL_OPERATIONS, app: createApp, call, errorSchema, errorCodesOf, scenarios, errorAttempts });

describe("usage.track over the limit", () => {
  it("answers 403 usage_limit_exceeded, a code it documents", async () => {
    const { secretKey } = await seedConnectedPlatform();
    const limited = await call("POST", "/api/usage/track", { key: secretKey, body: { userId: "heavy", amount: 6 } });
    expectErrorShape(limited, 403, "usage_limit_exceeded");
    expect(errorSchema.safeParse(limited.body).success).toBe(true);
    expect(errorCodesOf(ALL_OPERATIONS.find((operation) => operation.operationId === "usage.track")!)).toContain("usage_limit_exceeded");
  });
});

describe("GET /docs", () => {
  it("is an HTML page that shows every operation, every error code and every model", async () => {
    const page = await call("GET", "/docs");
    expect(page.status).toBe(200);
    expect(page.headers.get("Content-Type")).toContain("text/html");
    expect(page.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    const html = page.body as string;
    const document = await fetchDocument();
    for (const operation of Object.values(document.paths).flatMap((methods) => Object.values(methods))) expect(html).toContain(`id="op-${operation.operationId}"`);
    for (const code of Object.keys(ERROR_CODES)) expect(html).toContain(`<code>${code}</code>`);
    for (const model of Object.keys(document.components.schemas)) expect(html).toContain(`id="model-${model}"`);
    expect(html).not.toContain("<script");
  });
});
