import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, createDeveloper, expectError } from "./harness";

describe("bad input", () => {
  it.each([
    ["POST", "/checkout", { rawBody: "{nope" }, "invalid_json"],
    ["POST", "/checkout", { body: { price: "price_cheap" } }, "invalid_request"],
    ["POST", "/portal", { body: ["x"] }, "invalid_json"],
    ["POST", "/credentials", { rawBody: JSON.stringify({ pad: "x".repeat(70_000) }) }, "body_too_large"],
    ["POST", "/credentials/rotate", { body: { mode: null } }, "invalid_request"],
  ] as const)("%s %s with a bad body → 400 %s, nothing written", async (method, path, options, code) => {
    const dev = await createDeveloper();
    const { platformId } = (await call("GET", "/me", { token: dev.token })).body;
    const written = () =>
      env.DB.prepare("SELECT (SELECT COUNT(*) FROM api_keys WHERE platform_id = ?1) + (SELECT COUNT(*) FROM events WHERE platform_id = ?1) AS n").bind(platformId).first<{ n: number }>();
    const before = await written();
    expectError(await call(method, path, { token: dev.token, ...options }), 400, code);
    expect(await written()).toEqual(before);
  });
});
