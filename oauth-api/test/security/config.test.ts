import { describe, expect, it } from "vitest";
import { call, createDeveloper, expectError } from "../harness";

describe("CLERK_AUTHORIZED_PARTIES is required", () => {
  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["only commas", " , "],
    ["not an origin", "dashboard.example.com"],
    ["a URL with a path", "https://dashboard.example.com/app"],
  ])("%s: every request is 500 misconfigured naming the variable, and no session is accepted", async (_label, value) => {
    const dev = await createDeveloper();
    const result = await call("GET", "/products", { token: dev.token, envOverrides: { CLERK_AUTHORIZED_PARTIES: value as string } });
    expectError(result, 500, "misconfigured");
    expect(result.body.error.message).toContain("CLERK_AUTHORIZED_PARTIES");
  });

  it("a token whose azp is on the configured list passes; any other azp is 401", async () => {
    const dev = await createDeveloper();
    expect((await call("GET", "/products", { token: dev.token, envOverrides: { CLERK_AUTHORIZED_PARTIES: "https://x.example, http://localhost:5173" } })).status).toBe(200);
    expectError(await call("GET", "/products", { token: dev.token, envOverrides: { CLERK_AUTHORIZED_PARTIES: "https://x.example" } }), 401, "unauthenticated");
  });
});
