import { SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("the worker entry", () => {
  it("answers GET /health without auth, with a request id", async () => {
    const res = await SELF.fetch("http://api.test/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: "api-multi" });
    expect(res.headers.get("X-Request-Id")).toMatch(/^req_[0-9A-Za-z]{20}$/);
  });

  it("answers unknown routes with the error shape", async () => {
    const res = await SELF.fetch("http://api.test/nope");
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string }; requestId: string };
    expect(body.error.code).toBe("not_found");
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("requires a secret key on /api routes", async () => {
    const res = await SELF.fetch("http://api.test/api/tiers");
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("unauthorized");
  });
});

describe("CORS allow-list", () => {
  it("answers preflight for an allowed origin and ignores others on developer routes", async () => {
    const allowed = await SELF.fetch("http://api.test/api/customers", {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:5173", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization,x-user-id" },
    });
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("http://localhost:5173");
    expect(allowed.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("x-user-id");

    const other = await SELF.fetch("http://api.test/api/customers", {
      method: "OPTIONS",
      headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "GET" },
    });
    expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("lets end-users' browsers call their own routes from any origin", async () => {
    for (const path of ["/api/usage", "/api/checkout", "/api/portal"]) {
      const res = await SELF.fetch(`http://api.test${path}`, {
        method: "OPTIONS",
        headers: { Origin: "https://app.developer.example", "Access-Control-Request-Method": "POST" },
      });
      expect(res.headers.get("Access-Control-Allow-Origin"), path).toBe("https://app.developer.example");
    }
  });
});
