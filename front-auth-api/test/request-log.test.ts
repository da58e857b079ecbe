/** One log line per request (@dream-api/testkit/suites, request-log.ts), with developers' dashboard sessions. */
import { describeRequestLog, failingDatabase } from "@dream-api/testkit/suites";
import { call, createDeveloper, mintToken } from "./harness";

const email = () => `support.${crypto.randomUUID().slice(0, 8)}@example.com`;

describeRequestLog({
  worker: "front-auth-api",
  requests: async () => {
    const dev = await createDeveloper();
    const me = await call("GET", "/me", { token: dev.token });
    if (me.status !== 200) throw new Error(`GET /me: ${me.status} ${JSON.stringify(me.body)}`);
    const caller = { platformId: me.body.platformId as string };
    const person = email();
    const carried = [dev.token, dev.email, person];
    return [
      { send: () => call("GET", "/me", { token: dev.token }), line: { level: "info", method: "GET", route: "/me", status: 200, ...caller }, carried },
      {
        send: () => call("PATCH", "/settings", { token: dev.token, body: { mode: "test", supportEmail: person } }),
        line: { level: "info", method: "PATCH", route: "/settings", status: 200, ...caller },
        carried,
      },
      {
        send: () => call("PATCH", "/settings", { token: dev.token, body: { mode: "test", contact: person } }),
        line: { level: "warn", method: "PATCH", route: "/settings", status: 400, errorCode: "invalid_request", ...caller },
        carried,
      },
    ];
  },
  refused: async () => {
    const dev = await createDeveloper();
    const expired = await mintToken(dev.id, { expiresInSeconds: -120 });
    return {
      send: () => call("GET", "/me", { token: expired }),
      line: { level: "warn", method: "GET", route: "/me", status: 401, errorCode: "unauthenticated" },
      carried: [expired, dev.email],
    };
  },
  serverError: async () => {
    const dev = await createDeveloper();
    const message = `D1_ERROR: injected while reading ${dev.email}`;
    return {
      send: () => call("GET", "/me", { token: dev.token, envOverrides: { DB: failingDatabase<D1Database>(message) } }),
      line: { level: "error", method: "GET", route: "/me", status: 500, errorCode: "internal_error", error: "Error" },
      carried: [dev.token, dev.email, message],
    };
  },
});
