import { env, SELF } from "cloudflare:test";
import { describe, expect, it } from "vitest";

describe("oauth-api entry", () => {
  it("answers GET /health with a request id", async () => {
    const res = await SELF.fetch("http://worker.test/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, service: "oauth-api" });
    expect(res.headers.get("X-Request-Id")).toMatch(/^req_/);
  });

  it("asks for a session before anything else, in the shared error shape", async () => {
    const res = await SELF.fetch("http://worker.test/missing");
    expect(res.status).toBe(401);
    const body = (await res.json()) as { error: { code: string; message: string }; requestId: string };
    expect(body.error.code).toBe("unauthenticated");
    expect(body.requestId).toBe(res.headers.get("X-Request-Id"));
  });

  it("sees the migrated data model in D1", async () => {
    const { results } = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'platforms'").all();
    expect(results).toHaveLength(1);
  });
});
