import { describe, expect, it } from "vitest";
import { billingPeriod, calendarMonthPeriod } from "../src";
import { counterAfter } from "../src/db/period-counter";
import { usageFromCounter } from "../src/db/usage";

describe("billing periods", () => {
  it("uses UTC calendar months, including December and leap years", () => {
    expect(calendarMonthPeriod(new Date("2026-12-31T23:59:59.999Z"))).toEqual({ start: "2026-12-01T00:00:00.000Z", end: "2027-01-01T00:00:00.000Z" });
    expect(calendarMonthPeriod(new Date("2028-02-29T12:00:00Z"))).toEqual({ start: "2028-02-01T00:00:00.000Z", end: "2028-03-01T00:00:00.000Z" });
    // 23:30 on the 31st in UTC-5 is already the 1st in UTC.
    expect(calendarMonthPeriod(new Date("2026-11-01T04:30:00Z")).start).toBe("2026-11-01T00:00:00.000Z");
  });

  it("turns over at the exact millisecond: month ends, the leap day, the year end", () => {
    const cases: [string, string, string][] = [
      ["2026-11-30T23:59:59.999Z", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"],
      ["2026-12-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"],
      ["2027-01-31T23:59:59.999Z", "2027-01-01T00:00:00.000Z", "2027-02-01T00:00:00.000Z"],
      ["2027-02-28T23:59:59.999Z", "2027-02-01T00:00:00.000Z", "2027-03-01T00:00:00.000Z"],
      ["2027-12-31T23:59:59.999Z", "2027-12-01T00:00:00.000Z", "2028-01-01T00:00:00.000Z"],
      ["2028-01-01T00:00:00.000Z", "2028-01-01T00:00:00.000Z", "2028-02-01T00:00:00.000Z"],
      ["2028-02-29T23:59:59.999Z", "2028-02-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z"],
      ["2028-03-01T00:00:00.000Z", "2028-03-01T00:00:00.000Z", "2028-04-01T00:00:00.000Z"],
    ];
    // Alternating months also exercises the once-per-month cache of the period strings.
    for (const [now, start, end] of cases) expect(calendarMonthPeriod(new Date(now)), now).toEqual({ start, end });
  });

  it("follows the subscription period while now lies inside it", () => {
    const subscription = { currentPeriodStart: Date.UTC(2026, 10, 15) / 1000, currentPeriodEnd: Date.UTC(2026, 11, 15) / 1000 };
    expect(billingPeriod(new Date("2026-11-20T00:00:00Z"), subscription)).toEqual({ start: "2026-11-15T00:00:00.000Z", end: "2026-12-15T00:00:00.000Z" });
    expect(billingPeriod(new Date("2026-12-16T00:00:00Z"), subscription)).toEqual(calendarMonthPeriod(new Date("2026-12-16T00:00:00Z")));
  });

  it("reads a counter whose period has ended as zero in the current one", () => {
    const now = new Date("2026-11-05T00:00:00Z");
    const period = calendarMonthPeriod(now);
    const old = { plan: "free", limit: 5, count: 5, periodStart: "2026-10-01T00:00:00.000Z", periodEnd: "2026-11-01T00:00:00.000Z", creditCount: 0, credits: 0 };
    expect(usageFromCounter(old, period, now)).toEqual({ count: 0, limit: 5, remaining: 5, credits: 0, plan: "free", periodStart: period.start, periodEnd: period.end });
    expect(usageFromCounter({ ...old, periodStart: period.start, periodEnd: period.end }, period, now).remaining).toBe(0);
    expect(usageFromCounter({ ...old, limit: null, periodStart: period.start, periodEnd: period.end }, period, now).remaining).toBeNull();
  });

  it("adds unexpired credits to what the allowance has left, and counts what credits paid outside the allowance", () => {
    const now = new Date("2026-11-05T00:00:00Z");
    const period = calendarMonthPeriod(now);
    const live = { plan: "free", limit: 5, periodStart: period.start, periodEnd: period.end };
    // 7 counted, 3 of them paid by credits: the allowance has 1 left, plus 20 credits.
    expect(usageFromCounter({ ...live, count: 7, creditCount: 3, credits: 20 }, period, now)).toMatchObject({ count: 7, remaining: 21, credits: 20 });
    // A new period: the count and what credits paid start over; the credits stay.
    const ended = { ...live, periodStart: "2026-10-01T00:00:00.000Z", periodEnd: "2026-11-01T00:00:00.000Z" };
    expect(usageFromCounter({ ...ended, count: 9, creditCount: 4, credits: 6 }, period, now)).toMatchObject({ count: 0, remaining: 11, credits: 6 });
    expect(usageFromCounter({ ...live, limit: null, count: 7, creditCount: 0, credits: 6 }, period, now)).toMatchObject({ remaining: null, credits: 6 });
  });
});

describe("counterAfter (the counting rule)", () => {
  const november = { start: "2026-11-01T00:00:00.000Z", end: "2026-12-01T00:00:00.000Z" };
  const subscription = { start: "2026-11-23T00:00:00.000Z", end: "2026-12-23T00:00:00.000Z" };

  it("keeps the count and takes the subscription's period on an upgrade mid-period", () => {
    expect(counterAfter({ count: 5, periodStart: november.start, periodEnd: november.end }, subscription, "2026-11-23T10:00:00.000Z")).toEqual({ count: 5, ...subscription });
  });

  it("keeps the count and takes the calendar month on a downgrade mid-period, then resets when the month ends", () => {
    const stored = { count: 80, periodStart: subscription.start, periodEnd: subscription.end };
    expect(counterAfter(stored, november, "2026-11-25T00:00:00.000Z")).toEqual({ count: 80, ...november });
    expect(
      counterAfter({ count: 80, periodStart: november.start, periodEnd: november.end }, { start: "2026-12-01T00:00:00.000Z", end: "2027-01-01T00:00:00.000Z" }, "2026-12-01T00:00:00.000Z").count,
    ).toBe(0);
  });

  it("never reopens an older period for a late request", () => {
    const december = { start: "2026-12-01T00:00:00.000Z", end: "2027-01-01T00:00:00.000Z" };
    expect(counterAfter({ count: 2, periodStart: december.start, periodEnd: december.end }, november, "2026-11-30T23:59:59.000Z")).toEqual({ count: 2, ...december });
  });

  it("starts from zero without a stored counter", () => {
    expect(counterAfter({ count: null, periodStart: null, periodEnd: null }, november, "2026-11-10T00:00:00.000Z")).toEqual({ count: 0, ...november });
  });
});
