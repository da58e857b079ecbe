/** One log line per request (@dream-api/testkit/suites, request-log.ts), with developers' dashboard sessions and the Connect callback. */
import { describeRequestLog, failingDatabase } from "@dream-api/testkit/suites";
import { call, createDeveloper, platformIdOf, withClaims } from "./harness";

const email = () => `person.${crypto.randomUUID().slice(0, 8)}@example.com`;

describeRequestLog({
  worker: "oauth-api",
  requests: async () => {
    const dev = await createDeveloper();
    const first = await call("GET", "/products?mode=test", { token: dev.token });
    if (first.status !== 200) throw new Error(`GET /products: ${first.status} ${JSON.stringify(first.body)}`);
    const caller = { platformId: await platformIdOf(dev) };
    const person = email();
    const code = `ac_${crypto.randomUUID().replaceAll("-", "")}`;
    const carried = [dev.token, dev.email, person, encodeURIComponent(person), code];
    return [
      {
        send: () => call("GET", "/products?mode=test", { token: dev.token }),
        line: { level: "info", method: "GET", route: "/products", status: 200, ...caller },
        carried,
      },
      {
        send: () => call("DELETE", `/products/${encodeURIComponent(person)}?mode=test`, { token: dev.token }),
        line: { level: "warn", method: "DELETE", route: "/products/:name", status: 400, errorCode: "invalid_request", ...caller },
        carried,
      },
      // Stripe sends the browser back with the authorization code in the query: a secret until exchanged.
      {
        send: () => call("GET", `/connect/callback?code=${code}&state=forged.${encodeURIComponent(person)}`),
        line: { level: "warn", method: "GET", route: "/connect/callback", status: 400, errorCode: "invalid_state" },
        carried,
      },
    ];
  },
  refused: async () => {
    const dev = await createDeveloper();
    const forged = withClaims(dev.token, { sub: "user_someone_else" });
    return {
      send: () => call("GET", "/products?mode=test", { token: forged }),
      line: { level: "warn", method: "GET", route: "/products", status: 401, errorCode: "unauthenticated" },
      carried: [forged, dev.email],
    };
  },
  serverError: async () => {
    const dev = await createDeveloper();
    const message = `D1_ERROR: injected while reading ${dev.email}`;
    return {
      send: () => call("GET", "/products?mode=test", { token: dev.token, envOverrides: { DB: failingDatabase<D1Database>(message) } }),
      line: { level: "error", method: "GET", route: "/products", status: 500, errorCode: "internal_error", error: "Error" },
      carried: [dev.token, dev.email, message],
    };
  },
});
