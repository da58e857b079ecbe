/**
 * The published reference, read from the running api-multi: a valid
 * OpenAPI 3.1 document whose every example satisfies its own schema, and
 * which the SDK covers method for method (each SDK method calls exactly
 * the documented operation of the same id).
 */
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import { DreamApi } from "../src/index.js";
import { stack } from "./support/stack.js";

type JsonSchema = Record<string, unknown>;
interface Operation {
  operationId: string;
  parameters: { name: string; in: string; schema: JsonSchema; example?: unknown }[];
  requestBody?: { content: Record<string, { schema: JsonSchema; example: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: JsonSchema; example?: unknown; examples?: Record<string, { value: unknown }> }> }>;
}
interface Document {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  webhooks: Record<string, { post: Omit<Operation, "operationId"> }>;
  components: { schemas: Record<string, JsonSchema> };
}

let document: Document;

beforeAll(async () => {
  const response = await fetch(`${stack.apiUrl}/openapi.json`);
  expect(response.status).toBe(200);
  document = (await response.json()) as Document;
});

function operations(): { method: string; path: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ method, path, operation })));
}

describe("GET /openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const result = await new Validator().validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors ?? null).toBeNull();
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
  });

  it("has examples that satisfy their own schemas (bodies, parameters, responses, errors)", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats.default(ajv);
    for (const [name, schema] of Object.entries(document.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
    const check = (schema: JsonSchema, value: unknown, where: string) => {
      const valid = ajv.validate(schema, value);
      expect(valid ? null : ajv.errorsText(ajv.errors), where).toBeNull();
    };
    let checked = 0;
    for (const { method, path, operation } of operations()) {
      const where = `${method.toUpperCase()} ${path}`;
      for (const parameter of operation.parameters) {
        if (parameter.example !== undefined) check(parameter.schema, parameter.example, `${where} parameter ${parameter.name}`);
      }
      const body = operation.requestBody?.content["application/json"];
      if (body) check(body.schema, body.example, `${where} request body`);
      for (const [status, response] of Object.entries(operation.responses)) {
        const json = response.content?.["application/json"];
        if (!json) continue;
        if (json.example !== undefined) check(json.schema, json.example, `${where} ${status} example`);
        for (const [code, example] of Object.entries(json.examples ?? {})) check(json.schema, example.value, `${where} ${status} ${code} example`);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(30);
    // The webhooks dream-api sends: their headers' and bodies' examples too.
    expect(Object.keys(document.webhooks)).toContain("usage.threshold_reached");
    for (const [type, { post }] of Object.entries(document.webhooks)) {
      for (const parameter of post.parameters) check(parameter.schema, parameter.example, `webhook ${type} header ${parameter.name}`);
      const body = post.requestBody?.content["application/json"];
      expect(body, `webhook ${type} body`).toBeDefined();
      check(body!.schema, body!.example, `webhook ${type} body`);
    }
  });

  it("is served as a readable HTML reference at /docs", async () => {
    const response = await fetch(`${stack.apiUrl}/docs`);
    expect(response.status).toBe(200);
    const html = await response.text();
    for (const { operation } of operations()) expect(html).toContain(`dream.${operation.operationId}()`);
  });
});

/** How the SDK calls each documented operation (ids the SDK does not serve are listed in NOT_IN_SDK). */
const SDK_CALLS: Record<string, (dream: DreamApi) => Promise<unknown>> = {
  "usage.track": (dream) => dream.usage.track({ userId: "user_42" }),
  "usage.check": (dream) => dream.usage.check("user_42"),
  "customers.create": (dream) => dream.customers.create({ email: "ada@example.com" }),
  "customers.list": (dream) => dream.customers.list({ limit: 5 }),
  "customers.get": (dream) => dream.customers.get("user_42"),
  "customers.update": (dream) => dream.customers.update("user_42", { plan: "pro" }),
  "customers.delete": (dream) => dream.customers.delete("user_42"),
  "customers.credits.list": (dream) => dream.customers.credits.list("user_42", { limit: 5 }),
  "customers.credits.grant": (dream) => dream.customers.credits.grant("user_42", { amount: 500, reason: "Support credit" }),
  "platforms.getPublic": (dream) => dream.platforms.getPublic("plt_8dJ2kQ4mN7rT1vW3", { mode: "test" }),
  "platforms.join": (dream) => dream.platforms.join("plt_8dJ2kQ4mN7rT1vW3"),
  "tiers.list": (dream) => dream.tiers.list(),
  "tiers.listPublic": (dream) => dream.tiers.listPublic(),
  "checkout.create": (dream) => dream.checkout.create({ userId: "user_42", tier: "pro" }),
  "portal.create": (dream) => dream.portal.create({ userId: "user_42" }),
  "dashboard.get": (dream) => dream.dashboard.get(),
  "webhooks.endpoints.create": (dream) => dream.webhooks.endpoints.create({ url: "https://api.example.com/webhooks/dream" }),
  "webhooks.endpoints.list": (dream) => dream.webhooks.endpoints.list(),
  "webhooks.endpoints.get": (dream) => dream.webhooks.endpoints.get("we_3kT9xQ2mP7rL1vW8nB4cD6fH"),
  "webhooks.endpoints.update": (dream) => dream.webhooks.endpoints.update("we_3kT9xQ2mP7rL1vW8nB4cD6fH", { enabled: false }),
  "webhooks.endpoints.delete": (dream) => dream.webhooks.endpoints.delete("we_3kT9xQ2mP7rL1vW8nB4cD6fH"),
  "webhooks.endpoints.rotateSecret": (dream) => dream.webhooks.endpoints.rotateSecret("we_3kT9xQ2mP7rL1vW8nB4cD6fH"),
  "webhooks.endpoints.test": (dream) => dream.webhooks.endpoints.test("we_3kT9xQ2mP7rL1vW8nB4cD6fH"),
  "webhooks.events.list": (dream) => dream.webhooks.events.list({ limit: 5 }),
  "webhooks.events.get": (dream) => dream.webhooks.events.get("evt_9f8e7d6c5b4a39281706f5e4"),
  "webhooks.events.resend": (dream) => dream.webhooks.events.resend("evt_9f8e7d6c5b4a39281706f5e4"),
  "logs.list": (dream) => dream.logs.list({ limit: 5 }),
  "logs.get": (dream) => dream.logs.get("req_4fT9kQ2mN7rT1vW3xY5z"),
};
/** Called by Stripe or by people, not by a developer's backend. */
const NOT_IN_SDK = new Set(["webhooks.stripe", "health", "openapi", "docs"]);

describe("the SDK against the document", () => {
  it("has a method for every documented operation, calling exactly that operation", async () => {
    const documented = operations().filter(({ operation }) => !NOT_IN_SDK.has(operation.operationId));
    expect(Object.keys(SDK_CALLS).sort()).toEqual(documented.map(({ operation }) => operation.operationId).sort());
    for (const { method, path, operation } of documented) {
      const seen: { method: string; path: string }[] = [];
      const dream = new DreamApi({
        baseUrl: "https://api.example",
        secretKey: stack.secretKey,
        publishableKey: stack.publishableKey,
        // For the one operation only a person's session may call (platforms.join); the others send the secret key.
        endUserToken: "header.payload.signature",
        maxRetries: 0,
        fetch: async (input, init) => {
          const url = new URL(String(input));
          seen.push({ method: (init?.method ?? "GET").toLowerCase(), path: url.pathname });
          return new Response(JSON.stringify({}), { status: 200, headers: { "Content-Type": "application/json" } });
        },
      });
      await SDK_CALLS[operation.operationId]!(dream).catch(() => undefined);
      const template = new RegExp(`^${path.replace(/\{\w+\}/g, "[^/]+")}$`);
      expect(seen, operation.operationId).toHaveLength(1);
      expect(seen[0]?.method, operation.operationId).toBe(method);
      expect(seen[0]?.path, operation.operationId).toMatch(template);
    }
  });

  it("exposes no resource method the document does not have (listAll helpers page through a list; verify needs no API)", () => {
    const dream = new DreamApi({ baseUrl: stack.apiUrl, secretKey: stack.secretKey });
    const helpers = new Set(["customers.listAll", "customers.credits.listAll", "webhooks.events.listAll", "logs.listAll", "webhooks.verify"]);
    // Methods up the prototype chain: dream.webhooks inherits verify.
    const methodsOf = (name: string, resource: object): string[] => {
      const methods: string[] = [];
      for (let proto = Object.getPrototypeOf(resource); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
        methods.push(...Object.getOwnPropertyNames(proto).filter((method) => method !== "constructor"));
      }
      return methods.map((method) => `${name}.${method}`);
    };
    const sdkMethods = [
      ...(["customers", "usage", "tiers", "checkout", "portal", "dashboard", "platforms", "webhooks", "logs"] as const).flatMap((resource) => methodsOf(resource, dream[resource])),
      ...methodsOf("customers.credits", dream.customers.credits),
      ...methodsOf("webhooks.endpoints", dream.webhooks.endpoints),
      ...methodsOf("webhooks.events", dream.webhooks.events),
    ];
    // Every SDK method is named as the operation it calls: dream.webhooks.endpoints.create() is `webhooks.endpoints.create`.
    expect(sdkMethods).toEqual(expect.arrayContaining(Object.keys(SDK_CALLS)));
    const documented = new Set(operations().map(({ operation }) => operation.operationId));
    expect(sdkMethods.filter((name) => !documented.has(name) && !helpers.has(name))).toEqual([]);
  });
});
