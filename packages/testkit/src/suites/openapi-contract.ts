/**
 * A worker's /openapi.json is its contract with the dashboard, the SDK and
 * developers: every route of the app is documented and nothing else, every
 * documented operation answers its documented success with a body that
 * matches its schema, and its errors come in the shared shape with only
 * the codes it documents. Written once; each worker gives its operations,
 * its app's routes, a `call`, and one success scenario per operation.
 */
import { ERROR_CODES } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import type { Call, CallResult } from "../worker-caller.js";
import { fillPath, needsCredential, type OperationLike } from "../operations.js";

/** A zod schema, or anything with the same `safeParse`. */
export interface ParserLike {
  safeParse(value: unknown): { success: boolean; error?: { issues: unknown } };
}

export interface ContractOperation extends OperationLike {
  operationId: string;
  response: { status: number; schema?: ParserLike; contentType?: string; headers?: Record<string, string> };
}

/** One call that should answer `operationId`'s documented success. */
export type Scenario = readonly [operationId: string, run: () => Promise<CallResult>];

interface DocumentedOperation {
  operationId: string;
  summary: string;
  responses: Record<string, { content?: Record<string, { schema?: unknown; example?: unknown }>; headers?: Record<string, unknown> }>;
  requestBody?: { content: Record<string, { example?: unknown }> };
  "x-error-codes": string[];
}

interface Document {
  paths: Record<string, Record<string, DocumentedOperation>>;
}

export interface OpenApiContractSuite<Op extends ContractOperation = ContractOperation> {
  service: string;
  /** Every operation the worker serves (its API, health, its document). */
  operations: readonly Op[];
  /** The worker's app (`createApp`): its Hono routes are compared with the document. */
  app: () => { routes: readonly { method: string; path: string }[] };
  call: Call<any>;
  /** The shared error body's schema. */
  errorSchema: ParserLike;
  /** The codes an operation documents (its own and its authentication's). */
  errorCodesOf: (operation: Op) => readonly string[];
  /** One success call per operation, in an order where each finds what the ones before made; run in one test. */
  scenarios: () => Promise<readonly Scenario[]> | readonly Scenario[];
  /** What the error attempts send: a credential the worker accepts, and values for path parameters (naming nothing that exists). */
  errorAttempts: () => Promise<{ credential: string; pathValues: Record<string, string> }>;
}

const toOpenApiPath = (honoPath: string) => honoPath.replace(/:(\w+)/g, "{$1}");

function documentedOperations(document: Document) {
  return Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${path}`, operation })));
}

export function describeOpenApiContract<Op extends ContractOperation>(suite: OpenApiContractSuite<Op>): void {
  const { service, operations, call, errorSchema, errorCodesOf } = suite;
  const errorStatus: Readonly<Record<string, number>> = ERROR_CODES;

  async function fetchDocument(): Promise<Document> {
    const result = await call("GET", "/openapi.json");
    expect(result.status).toBe(200);
    return result.body as Document;
  }

  /** Checks one answer against the document: the promised success, or an error whose code the operation lists. */
  function expectAsDocumented(operation: Op, result: CallResult): void {
    const where = `${service} ${operation.method.toUpperCase()} ${operation.path} → ${result.status} ${typeof result.body === "string" ? "" : JSON.stringify(result.body)}`;
    if (result.status === operation.response.status) {
      const { schema, contentType, headers } = operation.response;
      if (schema) {
        const parsed = schema.safeParse(result.body);
        expect(parsed.success ? null : parsed.error?.issues, where).toBeNull();
        expect(result.headers.get("Content-Type") ?? "", where).toContain(contentType ?? "application/json");
      }
      for (const header of Object.keys(headers ?? {})) {
        if (header !== "Idempotent-Replayed") expect(result.headers.get(header), `${where}: header ${header}`).not.toBeNull();
      }
      return;
    }
    const parsed = errorSchema.safeParse(result.body);
    expect(parsed.success ? null : parsed.error?.issues, where).toBeNull();
    const code = (result.body as { error: { code: string } }).error.code;
    expect(errorCodesOf(operation), where).toContain(code);
    expect(errorStatus[code], where).toBe(result.status);
  }

  describe(`${service}: GET /openapi.json against the app's routes`, () => {
    it("documents every route of the app, and nothing that is not a route", async () => {
      const routes = new Set(
        suite
          .app()
          .routes.filter((route) => route.method !== "ALL")
          .map((route) => `${route.method} ${toOpenApiPath(route.path)}`),
      );
      const documented = documentedOperations(await fetchDocument()).map(({ key }) => key);
      expect([...new Set(documented)].sort()).toEqual([...routes].sort());
      expect(documented.sort()).toEqual(operations.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`).sort());
    });

    it("gives every operation a unique id, a summary, its success response and its error codes with their statuses", async () => {
      const document = await fetchDocument();
      for (const { key, operation } of documentedOperations(document)) {
        // `resource.operation` or `resource.subresource.operation`: the SDK's method path (dream.webhooks.endpoints.create()).
        expect(operation.operationId, key).toMatch(/^[a-z]+(\.[a-z]+)?(\.[a-zA-Z]+)?$/);
        expect(operation.summary.length, key).toBeGreaterThan(3);
        const [status, success] = Object.entries(operation.responses)[0]!;
        expect(["200", "201", "202", "302"], key).toContain(status);
        if (status === "302") expect(success.headers?.Location, key).toBeDefined();
        else expect(Object.values(success.content ?? {})[0]?.schema, key).toBeDefined();
        if (success.content?.["application/json"]) expect(success.content["application/json"].example, key).toBeDefined();
        if (operation.requestBody) expect(operation.requestBody.content["application/json"]?.example, key).toBeDefined();
        for (const code of operation["x-error-codes"]) {
          expect(Object.keys(errorStatus), `${key}: ${code} is an error code`).toContain(code);
          expect(Object.keys(operation.responses), `${key} documents ${code}'s status`).toContain(String(errorStatus[code]));
        }
      }
      const ids = documentedOperations(document).map(({ operation }) => operation.operationId);
      expect(new Set(ids).size).toBe(operations.length);
    });
  });

  describe(`${service}: every documented operation answers as documented`, () => {
    it("answers each operation's documented success, with a body that matches its schema", async () => {
      const scenarios = await suite.scenarios();
      expect(scenarios.map(([id]) => id).sort(), "a scenario for every documented operation").toEqual(operations.map((operation) => operation.operationId).sort());
      for (const [operationId, run] of scenarios) {
        const operation = operations.find((candidate) => candidate.operationId === operationId)!;
        const result = await run();
        expect(result.status, `${operationId}: ${JSON.stringify(result.body)}`).toBe(operation.response.status);
        expectAsDocumented(operation, result);
      }
    });

    it("answers errors in the shared shape, only with codes each operation documents", async () => {
      const { credential, pathValues } = await suite.errorAttempts();
      for (const operation of operations) {
        const method = operation.method.toUpperCase();
        const path = fillPath(operation.path, pathValues);
        const attempts: CallResult[] = [];
        if (needsCredential(operation)) {
          attempts.push(await call(method, path));
          attempts.push(await call(method, path, { key: "sk_test_notAKey" }));
        }
        const signature = { "Stripe-Signature": "t=1,v1=00" };
        if (operation.request?.body) {
          attempts.push(await call(method, path, { key: credential, rawBody: "{", headers: { "Content-Type": "application/json", ...signature } }));
          attempts.push(await call(method, path, { key: credential, body: { unexpected: true }, headers: signature }));
        }
        if (operation.request?.query) attempts.push(await call(method, `${path}?bogus=%00`, { key: credential }));
        if (operation.request?.params) attempts.push(await call(method, path, { key: credential, ...(operation.request.body ? { body: operation.request.body.example } : {}) }));
        for (const result of attempts) {
          expect(result.status, `${service} ${operation.operationId}: ${JSON.stringify(result.body)}`).toBeGreaterThanOrEqual(400);
          expect(result.status, `${service} ${operation.operationId}: ${JSON.stringify(result.body)}`).toBeLessThan(500);
          expectAsDocumented(operation, result);
        }
      }
    });
  });
}
