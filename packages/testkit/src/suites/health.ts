/**
 * The worker entry, written once for the three workers and driven by each
 * one's operation list: GET /health answers without a credential, with a
 * request id; an unknown route gets the shared error shape; every operation
 * that needs a credential refuses a request without one; the migrated data
 * model is in D1; and CORS follows the callers: operations an end-user's
 * browser may call answer preflights from any origin, operations only the
 * dashboard calls answer its origins and no other.
 */
import { describe, expect, it } from "vitest";
import { fillPath, needsCredential, operationKey, type OperationLike } from "../operations.js";
import { matchesOutcome, type Outcome } from "./outcomes.js";

export interface HealthSuite {
  /** The worker's name, as GET /health says it. */
  service: string;
  /** The worker's operation list (the seam: its `OPERATIONS`). */
  operations: readonly OperationLike[];
  /** The worker's real entry point (`SELF` of cloudflare:test). */
  self: { fetch(input: string, init?: RequestInit): Promise<Response> };
  db: { prepare(query: string): { all(): Promise<{ results: unknown[] }> } };
  /** What a path no operation has answers. */
  unknownRoute: Outcome;
  /** What an operation that needs a credential answers without one. */
  missingCredential: Outcome;
  /** Values for path parameters. */
  params: Record<string, string>;
  /** Request headers a dashboard preflight asks for, and one of them the answer must allow (default: authorization, none checked). */
  cors?: { requestHeaders: string; allowedHeader: string };
}

/** One of the dashboard's origins (every worker's CORS_ORIGINS in wrangler.jsonc), and a developer's site an end-user's browser may call from. */
const DASHBOARD_ORIGIN = "http://localhost:5173";
const DEVELOPER_SITE_ORIGIN = "https://app.developer.example";

interface Answer {
  status: number;
  json: any;
  headers: Headers;
}

async function answer(response: Response): Promise<Answer> {
  const text = await response.text();
  return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers };
}

export function describeHealth(suite: HealthSuite): void {
  const path = (operation: OperationLike) => fillPath(operation.path, suite.params);
  const fetch = (target: string, init?: RequestInit) => suite.self.fetch(`http://worker.test${target}`, init);

  describe(`${suite.service} entry`, () => {
    it("answers GET /health without auth, with a request id", async () => {
      const res = await fetch("/health");
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ ok: true, service: suite.service });
      expect(res.headers.get("X-Request-Id")).toMatch(/^req_[0-9A-Za-z]{20}$/);
    });

    it(`answers unknown routes with the error shape (${suite.unknownRoute})`, async () => {
      const res = await answer(await fetch("/nope"));
      expect(matchesOutcome(res, [suite.unknownRoute]), `${res.status} ${JSON.stringify(res.json)}`).toBe(true);
      expect(res.json.requestId).toBe(res.headers.get("X-Request-Id"));
    });

    it.each(suite.operations.filter(needsCredential).map((operation) => ({ operation, key: operationKey(operation) })))(
      `$key without a credential: ${suite.missingCredential}`,
      async ({ operation }) => {
        const res = await answer(await fetch(path(operation), { method: operation.method.toUpperCase() }));
        expect(matchesOutcome(res, [suite.missingCredential]), `${res.status} ${JSON.stringify(res.json)}`).toBe(true);
        expect(res.json.requestId).toBe(res.headers.get("X-Request-Id"));
      },
    );

    it("sees the migrated data model in D1", async () => {
      const { results } = await suite.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'platforms'").all();
      expect(results).toHaveLength(1);
    });
  });

  describe(`${suite.service} CORS`, () => {
    const { requestHeaders, allowedHeader } = suite.cors ?? { requestHeaders: "authorization", allowedHeader: undefined };
    const endUserOperations = suite.operations.filter((operation) => operation.auth.includes("endUserSession"));
    const dashboardOperations = suite.operations.filter((operation) => operation.auth.includes("developerSession") && !operation.auth.includes("endUserSession"));
    const preflight = (operation: OperationLike, origin: string, headers: Record<string, string> = {}) =>
      fetch(path(operation), { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": operation.method.toUpperCase(), ...headers } });

    if (dashboardOperations.length) {
      it.each(dashboardOperations.map((operation) => ({ operation, key: operationKey(operation) })))("$key answers preflights from the dashboard's origins only", async ({ operation }) => {
        const allowed = await preflight(operation, DASHBOARD_ORIGIN, { "Access-Control-Request-Headers": requestHeaders });
        expect(allowed.status).toBe(204);
        expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe(DASHBOARD_ORIGIN);
        if (allowedHeader) expect(allowed.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain(allowedHeader);
        const other = await preflight(operation, "https://evil.example");
        expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
      });
    }

    if (endUserOperations.length) {
      it("lets end-users' browsers call their own routes from any origin", async () => {
        for (const operation of endUserOperations) {
          const res = await preflight(operation, DEVELOPER_SITE_ORIGIN);
          expect(res.headers.get("Access-Control-Allow-Origin"), operationKey(operation)).toBe(DEVELOPER_SITE_ORIGIN);
        }
      });
    }
  });
}
