import { describe, expect, it } from "vitest";
import { billingPeriod, calendarMonthPeriod } from "../src";
import { usageFromCounter } from "../src/db/usage";

describe("billing periods", () => {
  it("uses UTC calendar months, including December and leap years", () => {
    expect(calendarMonthPeriod(new Date("2026-12-31T23:59:59.999Z"))).toEqual({ start: "2026-12-01T00:00:00.000Z", end: "2027-01-01T00:00:00.000Z" });
    expect(calendarMonthPeriod(new Date("2028-02-29T12:00:00Z"))).toEqual({ start: "2028-02-01T00:00:00.000Z", end: "2028-03-01T00:00:00.000Z" });
    // 23:30 on the 31st in UTC-5 is already the 1st in UTC.
    expect(calendarMonthPeriod(new Date("2026-11-01T04:30:00Z")).start).toBe("2026-11-01T00:00:00.000Z");
  });

  it("follows the subscription period while now lies inside it", () => {
    const subscription = { currentPeriodStart: Date.UTC(2026, 10, 15) / 1000, currentPeriodEnd: Date.UTC(2026, 11, 15) / 1000 };
    expect(billingPeriod(new Date("2026-11-20T00:00:00Z"), subscription)).toEqual({ start: "2026-11-15T00:00:00.000Z", end: "2026-12-15T00:00:00.000Z" });
    expect(billingPeriod(new Date("2026-12-16T00:00:00Z"), subscription)).toEqual(calendarMonthPeriod(new Date("2026-12-16T00:00:00Z")));
  });

  it("reads a counter from an older period as zero in the current one", () => {
    const period = calendarMonthPeriod(new Date("2026-11-05T00:00:00Z"));
    const old = { plan: "free", limit: 5, count: 5, periodStart: "2026-10-01T00:00:00.000Z", periodEnd: "2026-11-01T00:00:00.000Z" };
    expect(usageFromCounter(old, period)).toEqual({ count: 0, limit: 5, remaining: 5, plan: "free", periodStart: period.start, periodEnd: period.end });
    expect(usageFromCounter({ ...old, periodStart: period.start, periodEnd: period.end }, period).remaining).toBe(0);
    expect(usageFromCounter({ ...old, limit: null, periodStart: period.start }, period).remaining).toBeNull();
  });
});
