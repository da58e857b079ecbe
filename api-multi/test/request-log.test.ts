/** One log line per request (@dream-api/testkit/suites, request-log.ts), with api-multi's secret keys. */
import { describeRequestLog, failingDatabase } from "@dream-api/testkit/suites";
import { call, seedPlatform } from "./harness";

const email = () => `person.${crypto.randomUUID().slice(0, 8)}@example.com`;

describeRequestLog({
  worker: "api-multi",
  requests: async () => {
    const platform = await seedPlatform();
    const person = email();
    const key = platform.secretKey;
    const carried = [key, person, encodeURIComponent(person)];
    const caller = { platformId: platform.platformId, mode: platform.mode };
    return [
      // The email as the developer's userId: in the body, then in the path and the query.
      {
        send: () => call("POST", "/api/usage/track", { key, body: { userId: person, amount: 1 } }),
        line: { level: "info", method: "POST", route: "/api/usage/track", status: 200, ...caller },
        carried,
      },
      {
        send: () => call("GET", `/api/customers/${encodeURIComponent(person)}`, { key }),
        line: { level: "info", method: "GET", route: "/api/customers/:userId", status: 200, ...caller },
        carried,
      },
      {
        send: () => call("GET", `/api/customers/${encodeURIComponent(person)}?email=${encodeURIComponent(person)}`, { key }),
        line: { level: "warn", method: "GET", route: "/api/customers/:userId", status: 400, errorCode: "invalid_request", ...caller },
        carried,
      },
      {
        send: () => call("PATCH", `/api/customers/${encodeURIComponent(person)}`, { key, body: { plan: "no-such-tier" } }),
        line: { level: "warn", method: "PATCH", route: "/api/customers/:userId", status: 400, errorCode: "unknown_plan", ...caller },
        carried,
      },
      // A path no operation has: the route is the catch-all's pattern.
      {
        send: () => call("GET", `/api/nothing/${encodeURIComponent(person)}`, { key }),
        line: { level: "warn", method: "GET", route: "/api/*", status: 404, errorCode: "not_found", ...caller },
        carried,
      },
      // An error answered under an Idempotency-Key (not thrown), then its replay: the same code.
      ...[1, 2].map(() => ({
        send: () => call("POST", "/api/usage/track", { key, body: { userId: person, amount: 5 }, headers: { "Idempotency-Key": `job-${person}` } }),
        line: { level: "warn" as const, method: "POST", route: "/api/usage/track", status: 403, errorCode: "usage_limit_exceeded", ...caller },
        carried,
      })),
    ];
  },
  refused: async () => {
    const person = email();
    const key = `sk_test_${"x".repeat(40)}`;
    return {
      send: () => call("GET", `/api/customers/${encodeURIComponent(person)}`, { key }),
      line: { level: "warn", method: "GET", route: "/api/customers/:userId", status: 401, errorCode: "invalid_api_key" },
      carried: [key, person, encodeURIComponent(person)],
    };
  },
  serverError: async () => {
    const platform = await seedPlatform();
    const person = email();
    const message = `D1_ERROR: injected while reading ${person}`;
    return {
      send: () => call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: person }, envOverrides: { DB: failingDatabase<D1Database>(message) } }),
      line: { level: "error", method: "POST", route: "/api/usage/track", status: 500, errorCode: "internal_error", error: "Error" },
      carried: [platform.secretKey, person, message],
    };
  },
});
