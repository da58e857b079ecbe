import { describe, expect, it } from "vitest";
import { client, createDeveloper, expectError, midMonthClock } from "../../harness";

/** Counting tests run at a fixed mid-month instant (harness MID_MONTH): no period boundary falls between their calls, whatever the date. */
const call = client(midMonthClock);

describe("platform metering", () => {
  it("admits exactly 5 of 50 concurrent metered calls on the free plan", async () => {
    const dev = await createDeveloper();
    await call("GET", "/me", { token: dev.token });
    const results = await Promise.all(Array.from({ length: 50 }, () => call("POST", "/verify-auth", { token: dev.token })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(5);
    expect(results.filter((r) => r.status === 403)).toHaveLength(45);
    expect(new Set(results.filter((r) => r.status === 200).map((r) => r.body.usage.count))).toEqual(new Set([1, 2, 3, 4, 5]));
    expect((await call("GET", "/me", { token: dev.token })).body.usage.count).toBe(5);
  });

  it("resets on the first call of a new month (UTC)", async () => {
    const dev = await createDeveloper();
    let now = new Date("2026-10-31T23:59:00Z");
    const at = client(() => now);
    for (let i = 0; i < 5; i++) await at("POST", "/verify-auth", { token: dev.token });
    expectError(await at("POST", "/verify-auth", { token: dev.token }), 403, "platform_limit_reached");
    now = new Date("2026-11-01T00:00:00Z");
    expect((await at("GET", "/me", { token: dev.token })).body.usage).toMatchObject({ count: 0, periodStart: "2026-11-01T00:00:00.000Z" });
    const first = await at("POST", "/verify-auth", { token: dev.token });
    expect(first.body.usage).toMatchObject({ count: 1, periodStart: "2026-11-01T00:00:00.000Z", periodEnd: "2026-12-01T00:00:00.000Z" });
  });

  it("does not meter GET /me", async () => {
    const dev = await createDeveloper();
    for (let i = 0; i < 7; i++) expect((await call("GET", "/me", { token: dev.token })).status).toBe(200);
    expect((await call("GET", "/me", { token: dev.token })).body.usage.count).toBe(0);
  });
});
