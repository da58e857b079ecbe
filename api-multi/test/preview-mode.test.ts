import { describe, expect, it } from "vitest";
import { call, expectErrorShape, seedPlatform, tableCounts } from "./harness";

const SMALL_CAP = { PREVIEW_MAX_END_USERS: "2" } as Partial<Env>;

describe("preview mode (test keys of a free developer)", () => {
  it("marks responses with mode preview, test or live", async () => {
    const preview = await seedPlatform({ mode: "test", plan: "free" });
    const paidTest = await seedPlatform({ mode: "test", plan: "paid" });
    const live = await seedPlatform({ mode: "live", plan: "paid" });
    expect((await call("GET", "/api/tiers", { key: preview.secretKey })).body.mode).toBe("preview");
    expect((await call("GET", "/api/tiers", { key: paidTest.secretKey })).body.mode).toBe("test");
    expect((await call("POST", "/api/usage/track", { key: live.secretKey, body: { userId: "u" } })).body.mode).toBe("live");
  });

  it("caps end-users registered by track, exactly, and lets existing ones keep counting", async () => {
    const platform = await seedPlatform({ mode: "test", plan: "free" });
    const track = (userId: string) => call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId }, envOverrides: SMALL_CAP });
    const results = await Promise.all(["a", "b", "c", "d", "e"].map(track));
    expect(results.filter((r) => r.status === 200)).toHaveLength(2);
    for (const refused of results.filter((r) => r.status !== 200)) expectErrorShape(refused, 403, "preview_limit_reached");
    expect((await tableCounts(platform.platformId)).end_users).toBe(2);
    const admitted = results.findIndex((r) => r.status === 200);
    expect((await track(["a", "b", "c", "d", "e"][admitted]!)).status).toBe(200);
  });

  it("caps customers created through the API before touching Clerk", async () => {
    const platform = await seedPlatform({ mode: "test", plan: "free" });
    for (const userId of ["one", "two"]) {
      await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId }, envOverrides: SMALL_CAP });
    }
    const res = await call("POST", "/api/customers", {
      key: platform.secretKey,
      body: { userId: "three", email: `three.${crypto.randomUUID().slice(0, 8)}@example.com` },
      envOverrides: SMALL_CAP,
    });
    expectErrorShape(res, 403, "preview_limit_reached");
    expect((await tableCounts(platform.platformId)).end_users).toBe(2);
  });

  it("does not cap a paid developer's test keys", async () => {
    const platform = await seedPlatform({ mode: "test", plan: "paid" });
    for (const userId of ["a", "b", "c"]) {
      const res = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId }, envOverrides: SMALL_CAP });
      expect(res.status).toBe(200);
    }
  });
});
