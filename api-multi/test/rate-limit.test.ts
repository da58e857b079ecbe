import { describe, expect, it } from "vitest";
import { awaitRateLimitWindow, call, expectErrorShape, seedPlatform } from "./harness";

describe("per end-user rate limit (production setting: 100/min)", () => {
  it("refuses the 101st call in a minute for one end-user with 429 and Retry-After", async () => {
    const platform = await seedPlatform({ tiers: [{ name: "free", limit: null }] });
    await awaitRateLimitWindow(102);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) {
      statuses.push((await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "chatty" } })).status);
    }
    expect(statuses.every((status) => status === 200)).toBe(true);
    const refused = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "chatty" } });
    expectErrorShape(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Another end-user of the same platform is not affected.
    expect((await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "quiet" } })).status).toBe(200);
  });
});
