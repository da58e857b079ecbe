import { describe, expect, it } from "vitest";
import { call, createDeveloper, expectErrorShape } from "../harness";

describe("DEVELOPER_AUTHORIZED_PARTIES is required", () => {
  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["not an origin", "localhost:5173"],
  ])("%s: requests are 500 misconfigured naming the variable, and no developer session is accepted", async (_label, value) => {
    const dev = await createDeveloper();
    const result = await call("GET", "/api/dashboard", { token: dev.token, envOverrides: { DEVELOPER_AUTHORIZED_PARTIES: value as string } });
    expectErrorShape(result, 500, "misconfigured");
    expect(result.body.error.message).toContain("DEVELOPER_AUTHORIZED_PARTIES");
  });

  it("a developer token whose azp is not on the list is 401", async () => {
    const dev = await createDeveloper();
    expectErrorShape(await call("GET", "/api/dashboard", { token: dev.token, envOverrides: { DEVELOPER_AUTHORIZED_PARTIES: "https://x.example" } }), 401, "invalid_token");
  });
});
