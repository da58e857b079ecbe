import { describe, expect, it } from "vitest";
import { ApiError } from "../src/errors";
import { createBaseApp } from "../src/hono/base-app";

function app() {
  const base = createBaseApp("test");
  base.get("/boom", () => {
    throw new ApiError("invalid_request", "Bad.");
  });
  base.get("/crash", () => {
    throw new Error("unexpected");
  });
  base.get("/page", (c) => {
    c.header("Content-Security-Policy", "default-src 'self'");
    return c.html("<p>hi</p>");
  });
  return base;
}

describe("the workers' base app", () => {
  it.each(["/health", "/boom", "/crash", "/nowhere"])("%s: JSON with nosniff, a request id and a policy that runs and frames nothing", async (path) => {
    const response = await app().request(path);
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(response.headers.get("Content-Security-Policy")).toContain("default-src 'none'");
    expect(response.headers.get("X-Request-Id")).toMatch(/^req_/);
  });

  it("keeps the policy of a route that serves a page", async () => {
    const response = await app().request("/page");
    expect(response.headers.get("Content-Security-Policy")).toBe("default-src 'self'");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });
});
