/**
 * The reference and the routes must agree: every route of the app is in
 * /openapi.json and every documented operation answers, through the real
 * worker, with the status, body and error codes the document promises.
 * (The document's validity as OpenAPI 3.1 and its examples are checked in
 * Node by the SDK's tests, sdk/test/openapi.test.ts.)
 */
import { ERROR_CODES } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import { createApp } from "../src/app";
import type { OpenApiDocument } from "../src/openapi/document";
import { errorSchema } from "../src/openapi/models";
import { OPERATIONS, errorCodesOf, type Operation } from "../src/openapi/operations";
import { awaitDeliveries, call, deliver, inboxCursor, payCheckout, seedConnectedPlatform, type CallResult } from "./harness";

const ERROR_STATUS = ERROR_CODES as Record<string, number>;

const toOpenApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, "{$1}");

async function fetchDocument(): Promise<OpenApiDocument> {
  const result = await call("GET", "/openapi.json");
  expect(result.status).toBe(200);
  return result.body as OpenApiDocument;
}

function documentedOperations(document: OpenApiDocument) {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })));
}

describe("GET /openapi.json against the app's routes", () => {
  it("documents every route of the app, and nothing that is not a route", async () => {
    const routes = new Set(
      createApp()
        .routes.filter((route) => route.method !== "ALL")
        .map((route) => `${route.method} ${toOpenApiPath(route.path)}`),
    );
    const documented = new Set(documentedOperations(await fetchDocument()).map(({ key }) => key));
    expect([...documented].sort()).toEqual([...routes].sort());
    expect(routes.size).toBeGreaterThanOrEqual(15);
  });

  it("gives every operation an id, a summary, a success response with a schema and example, and its error codes", async () => {
    const document = await fetchDocument();
    for (const { key, operation } of documentedOperations(document)) {
      expect(operation.operationId, key).toMatch(/^[a-z]+(\.[a-zA-Z]+)?$/);
      expect(operation.summary.length, key).toBeGreaterThan(3);
      const [status, success] = Object.entries(operation.responses)[0]!;
      expect(["200", "201"], key).toContain(status);
      expect(Object.values(success.content ?? {})[0]?.schema, key).toBeDefined();
      if (success.content?.["application/json"]) expect(success.content["application/json"].example, key).toBeDefined();
      if (operation.requestBody) expect(operation.requestBody.content["application/json"]?.example, key).toBeDefined();
      for (const code of operation["x-error-codes"]) {
        expect(Object.keys(operation.responses), `${key} documents ${code}'s status`).toContain(String(ERROR_STATUS[code]));
      }
    }
    expect(new Set(documentedOperations(document).map(({ operation }) => operation.operationId)).size).toBe(OPERATIONS.length);
  });
});

/** Checks one answer against the document: the promised success body, or an error whose code the operation lists. */
function expectAsDocumented(operation: Operation, result: CallResult): void {
  const where = `${operation.method.toUpperCase()} ${operation.path} → ${result.status} ${typeof result.body === "string" ? "" : JSON.stringify(result.body)}`;
  if (result.status === operation.response.status) {
    const parsed = operation.response.schema.safeParse(result.body);
    expect(parsed.success ? null : parsed.error.issues, where).toBeNull();
    const expectedType = operation.response.contentType ?? "application/json";
    expect(result.headers.get("Content-Type") ?? "", where).toContain(expectedType);
    for (const header of Object.keys(operation.response.headers ?? {})) {
      if (header !== "Idempotent-Replayed") expect(result.headers.get(header), `${where}: header ${header}`).not.toBeNull();
    }
    return;
  }
  const parsed = errorSchema.safeParse(result.body);
  expect(parsed.success ? null : parsed.error.issues, where).toBeNull();
  const code = (result.body as { error: { code: string } }).error.code;
  expect(errorCodesOf(operation), where).toContain(code);
  expect(ERROR_STATUS[code], where).toBe(result.status);
}

describe("every documented operation answers as documented", () => {
  it("answers each operation's documented success, with a body that matches its schema field for field", async () => {
    const platform = await seedConnectedPlatform();
    const key = platform.secretKey;
    const email = `ada.${crypto.randomUUID().slice(0, 8)}@example.com`;
    let checkoutUrl = "";
    const answers = new Map<string, CallResult>();
    /** One call per operation, in an order where each finds what it needs (a customer, a payment). */
    const scenarios: [string, () => Promise<CallResult>][] = [
      ["health", () => call("GET", "/health")],
      ["openapi", () => call("GET", "/openapi.json")],
      ["docs", () => call("GET", "/docs")],
      ["tiers.listPublic", () => call("GET", `/api/public/tiers?pk=${platform.publishableKey}`)],
      ["tiers.list", () => call("GET", "/api/tiers", { key })],
      ["customers.create", () => call("POST", "/api/customers", { key, body: { userId: "user_42", email, plan: "free" } })],
      ["usage.track", () => call("POST", "/api/usage/track", { key, body: { userId: "user_42", amount: 2 }, headers: { "Idempotency-Key": crypto.randomUUID() } })],
      ["usage.check", () => call("GET", "/api/usage?userId=user_42", { key })],
      ["customers.list", () => call("GET", "/api/customers?limit=1", { key })],
      ["customers.update", () => call("PATCH", "/api/customers/user_42", { key, body: { plan: "free" } })],
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
          const mine = deliveries.filter((delivery) => delivery.body.includes(platform.account));
          let last: CallResult | undefined;
          for (const delivery of mine) last = await deliver(delivery);
          return last!;
        },
      ],
      ["customers.get", () => call("GET", "/api/customers/user_42", { key })],
      ["portal.create", () => call("POST", "/api/portal", { key, body: { userId: "user_42", returnUrl: "https://app.example/account" } })],
      ["dashboard.get", () => call("GET", "/api/dashboard", { key })],
    ];
    expect(scenarios.map(([id]) => id).sort(), "a scenario for every documented operation").toEqual(OPERATIONS.map((operation) => operation.operationId).sort());

    for (const [operationId, run] of scenarios) {
      const operation = OPERATIONS.find((candidate) => candidate.operationId === operationId)!;
      const result = await run();
      expect(result.status, `${operationId}: ${JSON.stringify(result.body)}`).toBe(operation.response.status);
      expectAsDocumented(operation, result);
      answers.set(operationId, result);
    }
    // The paid customer shows a full subscription: the nullable branches of the schema were not all that was tested.
    expect(answers.get("customers.get")?.body.customer.subscription).toMatchObject({ status: "active", plan: "pro" });
    expect(answers.get("dashboard.get")?.body.subscriptions).toHaveLength(1);
  });

  it("answers errors with the shape and only with codes each operation documents", async () => {
    const platform = await seedConnectedPlatform();
    const key = platform.secretKey;
    const path = (operation: Operation) => operation.path.replace("{userId}", "nobody");
    for (const operation of OPERATIONS) {
      const method = operation.method.toUpperCase();
      const attempts: CallResult[] = [];
      if (operation.security.length > 0) {
        attempts.push(await call(method, path(operation)));
        attempts.push(await call(method, path(operation), { key: "sk_test_notAKey" }));
      }
      if (operation.body) {
        attempts.push(await call(method, path(operation), { key, rawBody: "{", headers: { "Content-Type": "application/json", "Stripe-Signature": "t=1,v1=00" } }));
        attempts.push(await call(method, path(operation), { key, body: { unexpected: true }, headers: { "Stripe-Signature": "t=1,v1=00" } }));
      }
      if (operation.query) attempts.push(await call(method, `${path(operation)}?bogus=%00`, { key }));
      if (operation.pathParams) attempts.push(await call(method, path(operation), { key, ...(operation.body ? { body: operation.body.example } : {}) }));
      for (const result of attempts) {
        expect(result.status, `${operation.operationId}: ${JSON.stringify(result.body)}`).toBeGreaterThanOrEqual(400);
        expectAsDocumented(operation, result);
      }
    }
    const overLimit = OPERATIONS.find((operation) => operation.operationId === "usage.track")!;
    const limited = await call("POST", "/api/usage/track", { key, body: { userId: "heavy", amount: 6 } });
    expect(limited.status).toBe(403);
    expectAsDocumented(overLimit, limited);
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
    for (const { operation } of documentedOperations(document)) expect(html).toContain(`id="op-${operation.operationId}"`);
    for (const code of Object.keys(ERROR_CODES)) expect(html).toContain(`<code>${code}</code>`);
    for (const model of Object.keys(document.components.schemas)) expect(html).toContain(`id="model-${model}"`);
    expect(html).not.toContain("<script");
  });
});
