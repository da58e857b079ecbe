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
