/**
 * The workers' skeleton, on a worker of three operations: what every
 * response carries, one error shape, CORS as each definition says, and the
 * per-IP limit for what anyone may call. (Each worker's own suites run the
 * same skeleton with its real operations inside workerd.)
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError } from "../src/errors";
import { createWorkerApp, defineOperation, needsCredential, type WorkerEnv } from "../src/hono";

/** A Workers rate limiter with a fixed allowance per key, as the binding's contract has it. */
function limiter(allowance: number): RateLimit {
  const seen = new Map<string, number>();
  return {
    async limit({ key }: { key: string }) {
      const count = (seen.get(key) ?? 0) + 1;
      seen.set(key, count);
      return { success: count <= allowance };
    },
  } as RateLimit;
}

const item = z.strictObject({ id: z.string() }).meta({ id: "TestItem" });

function worker() {
  const operations = [
    defineOperation<WorkerEnv>({
      method: "get",
      path: "/items/{id}",
      operationId: "items.get",
      tag: "Items",
      summary: "An item",
      description: "Needs a credential.",
      auth: ["secretKey"],
      response: { status: 200, schema: item, description: "The item." },
      errors: ["invalid_request"],
      handler: (c) => {
        if (c.req.param("id") === "bad") throw new ApiError("invalid_request", "Bad id.", { param: "id" });
        if (c.req.param("id") === "crash") throw new TypeError(`unexpected for ${c.req.query("email")}\n    at someone@example.com`);
        return c.json({ id: c.req.param("id") ?? "" });
      },
    }),
    defineOperation<WorkerEnv>({
      method: "get",
      path: "/public",
      operationId: "public",
      tag: "Items",
      summary: "Public",
      description: "Anyone.",
      auth: ["none"],
      cors: "public",
      limitPerClientIp: true,
      response: { status: 200, schema: item, description: "An item." },
      errors: ["rate_limited"],
      handler: (c) => c.json({ id: c.get("now").toISOString() }),
    }),
    defineOperation<WorkerEnv>({
      method: "get",
      path: "/status",
      operationId: "status",
      tag: "Items",
      summary: "Status",
      description: "Anyone, unlimited (costs nothing).",
      auth: ["none"],
      response: { status: 200, schema: item, description: "Up." },
      errors: [],
      handler: (c) => c.json({ id: "up" }),
    }),
    defineOperation<WorkerEnv>({
      method: "post",
      path: "/mine",
      operationId: "mine",
      tag: "Items",
      summary: "End-user",
      description: "End-user sessions may call.",
      auth: ["endUserSession"],
      response: { status: 200, schema: item, description: "An item." },
      errors: [],
      handler: (c) => c.json({ id: "mine" }),
    }),
  ];
  const app = createWorkerApp<WorkerEnv>({
    worker: "test-worker",
    loggedCaller: (c) => (c.get("authenticated" as never) ? { platformId: "plt_test", mode: "test" } : undefined),
    clock: () => new Date("2026-11-16T12:00:00.000Z"),
    operations,
    corsAllowList: () => "https://dashboard.example",
    // A stand-in for a worker's authentication: a credential must be present.
    middlewareFor: (operation) =>
      needsCredential(operation)
        ? [
            async (c, next) => {
              if (!c.req.header("Authorization")) throw new ApiError("unauthorized", "Missing Authorization header.");
              c.set("authenticated" as never, true as never);
              await next();
            },
          ]
        : [],
  });
  const env = { CLIENT_IP_RATE_LIMITER: limiter(2) };
  return (path: string, init: RequestInit = {}) => app.request(path, init, env);
}

describe("createWorkerApp", () => {
  it.each([
    ["/items/a", 200],
    ["/items/bad", 400],
    ["/items/crash", 500],
    ["/items/a (no credential)", 401],
    ["/nowhere", 404],
  ])("%s → %i: JSON with nosniff, a request id and a policy that runs and frames nothing", async (label, status) => {
    const request = worker();
    const path = label.split(" ")[0]!;
    const response = await request(path, label.includes("no credential") ? {} : { headers: { Authorization: "Bearer x" } });
    expect(response.status).toBe(status);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    const requestId = response.headers.get("X-Request-Id");
    expect(requestId).toMatch(/^req_/);
    if (status >= 400) {
      const body = (await response.json()) as { error: { code: string; message: string }; requestId: string };
      expect(body.requestId).toBe(requestId);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
  });

  it("gives handlers the request clock", async () => {
    expect(await (await worker()("/public")).json()).toEqual({ id: "2026-11-16T12:00:00.000Z" });
  });

  it("answers CORS as each operation's definition says", async () => {
    const request = worker();
    const fromSite = { headers: { Origin: "https://someones-app.example", Authorization: "Bearer x" } };
    expect((await request("/public")).headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect((await request("/mine", { ...fromSite, method: "POST" })).headers.get("Access-Control-Allow-Origin")).toBe("https://someones-app.example");
    expect((await request("/items/a", fromSite)).headers.get("Access-Control-Allow-Origin")).toBeNull();
    const dashboard = await request("/items/a", { headers: { Origin: "https://dashboard.example", Authorization: "Bearer x" } });
    expect(dashboard.headers.get("Access-Control-Allow-Origin")).toBe("https://dashboard.example");
    const preflight = await request("/items/a", { method: "OPTIONS", headers: { Origin: "https://dashboard.example", "Access-Control-Request-Method": "GET" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe("https://dashboard.example");
  });

  it("limits per client IP (CF-Connecting-IP) only the operations that ask for it", async () => {
    const request = worker();
    const from = (ip: string) => ({ headers: { "CF-Connecting-IP": ip, Authorization: "Bearer x" } });
    expect((await request("/public", from("198.51.100.1"))).status).toBe(200);
    expect((await request("/public", from("198.51.100.1"))).status).toBe(200);
    const refused = await request("/public", from("198.51.100.1"));
    expect(refused.status).toBe(429);
    expect(refused.headers.get("Retry-After")).toBe("60");
    expect((await request("/public", from("198.51.100.2"))).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await request("/items/a", from("198.51.100.1"))).status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await request("/status", from("198.51.100.1"))).status).toBe(200);
  });
});

describe("the request log", () => {
  afterEach(() => vi.restoreAllMocks());

  /** Sends one request and returns its answer and every console.log line it wrote, parsed. */
  async function logged(path: string, init: RequestInit = {}) {
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    const response = await worker()(path, init);
    const lines = log.mock.calls.map((args) => {
      expect(args).toHaveLength(1);
      return { raw: String(args[0]), line: JSON.parse(String(args[0])) as Record<string, unknown> };
    });
    return { response, lines };
  }

  it("writes one line after the response: the route's pattern, never the path, query or credential", async () => {
    const { response, lines } = await logged("/items/person@example.com?email=person@example.com", { headers: { Authorization: "Bearer sk_test_secret" } });
    expect(response.status).toBe(200);
    expect(lines).toHaveLength(1);
    const [{ raw, line }] = lines as [{ raw: string; line: Record<string, unknown> }];
    expect(line).toEqual({
      level: "info",
      msg: "request",
      worker: "test-worker",
      requestId: response.headers.get("X-Request-Id"),
      method: "GET",
      route: "/items/:id",
      status: 200,
      latencyMs: expect.any(Number),
      platformId: "plt_test",
      mode: "test",
    });
    expect(raw).not.toContain("person@example.com");
    expect(raw).not.toContain("sk_test_secret");
  });

  it.each([
    ["/items/bad", { Authorization: "Bearer x" }, { level: "warn", status: 400, route: "/items/:id", errorCode: "invalid_request", platformId: "plt_test" }],
    ["/items/a", {}, { level: "warn", status: 401, route: "/items/:id", errorCode: "unauthorized" }],
    ["/nowhere", {}, { level: "warn", status: 404, route: "/*", errorCode: "not_found" }],
  ])("%s: an error answer's code, at level warn", async (path, headers, expected) => {
    const { response, lines } = await logged(path, { headers });
    expect(lines).toHaveLength(1);
    expect(lines[0]?.line).toMatchObject({ ...expected, requestId: response.headers.get("X-Request-Id") });
    if (!("platformId" in expected)) expect(lines[0]?.line).not.toHaveProperty("platformId");
  });

  it("logs a thrown error once, at level error, with its name and frames but not its message", async () => {
    const { response, lines } = await logged("/items/crash?email=person@example.com", { headers: { Authorization: "Bearer x" } });
    expect(response.status).toBe(500);
    expect(lines).toHaveLength(1);
    const [{ raw, line }] = lines as [{ raw: string; line: Record<string, unknown> }];
    expect(line).toMatchObject({ level: "error", status: 500, route: "/items/:id", errorCode: "internal_error", error: "TypeError" });
    expect(line.errorStack).toEqual(expect.arrayContaining([expect.stringMatching(/^at /)]));
    expect(raw).not.toContain("unexpected");
    expect(raw).not.toContain("person@example.com");
    expect(raw).not.toContain("someone@example.com");
  });
});
