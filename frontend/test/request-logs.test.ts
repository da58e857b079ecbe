/** The Logs page: filters in the page address and in GET /api/logs, status colours, merging a refresh. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { developerApi } from "../src/api/developer-api";
import type { RequestLogEntry } from "../src/api/models";
import { config } from "../src/config";
import { requestNotFoundMessage } from "../src/pages/dashboard/logs";
import { hasLogFilters, logFiltersFrom, logQuery, mergeNewest, NO_LOG_FILTERS, parseStatusFilter, statusTone, updatedAgo, withLogFilters } from "../src/lib/request-logs";

const urls: URL[] = [];
beforeEach(() => {
  urls.length = 0;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (input: string) => {
      urls.push(new URL(input));
      return new Response(JSON.stringify({ logs: [], nextCursor: null, mode: "test" }), { status: 200 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

const api = developerApi(async () => "jwt");

describe("the logs filters", () => {
  it("are read from the page address, so /dashboard/logs?userId=u1 links work", () => {
    expect(logFiltersFrom(new URLSearchParams("mode=live&userId=u1"))).toEqual({ status: "", userId: "u1", route: "" });
    expect(logFiltersFrom(new URLSearchParams("status=4XX&route=/api/usage/track"))).toEqual({ status: "4xx", userId: "", route: "/api/usage/track" });
    expect(logFiltersFrom(new URLSearchParams("status=404"))).toMatchObject({ status: "404" });
    expect(logFiltersFrom(new URLSearchParams("status=teapot"))).toMatchObject({ status: "" });
  });

  it("are written to the page address beside the mode, empty ones removed", () => {
    const params = new URLSearchParams("mode=test&userId=u1&requestId=req_1");
    expect(withLogFilters(params, { status: "5xx", userId: "u1", route: "" }).toString()).toBe("mode=test&userId=u1&requestId=req_1&status=5xx");
    expect(withLogFilters(params, NO_LOG_FILTERS).toString()).toBe("mode=test&requestId=req_1");
    expect(withLogFilters(new URLSearchParams("mode=live"), { status: "", userId: " user 1 ", route: "/api/customers/:userId" }).toString()).toBe(
      "mode=live&userId=user+1&route=%2Fapi%2Fcustomers%2F%3AuserId",
    );
  });

  it("become GET /api/logs's query string, with the mode first and no empty filter", async () => {
    await api.logs("test", logQuery({ status: "4xx", userId: "u1", route: "/api/usage/track" }));
    await api.logs("live", logQuery(NO_LOG_FILTERS, "cur_2"));
    await api.logs("live", logQuery({ status: "all", userId: "  ", route: "" }));
    expect(urls.map((url) => `${url.origin}${url.pathname}`)).toEqual(Array(3).fill(`${config.apiMultiUrl}/api/logs`));
    expect(urls[0]?.search).toBe("?mode=test&limit=50&status=4xx&userId=u1&route=%2Fapi%2Fusage%2Ftrack");
    expect(urls[1]?.search).toBe("?mode=live&limit=50&cursor=cur_2");
    expect(urls[2]?.search).toBe("?mode=live&limit=50");
  });

  it("round-trip: the address's filters are the API's", async () => {
    await api.logs("live", logQuery(logFiltersFrom(new URLSearchParams("mode=live&status=2xx&userId=u1"))));
    expect(Object.fromEntries(urls[0]!.searchParams)).toEqual({ mode: "live", limit: "50", status: "2xx", userId: "u1" });
  });

  it("know when any is set", () => {
    expect(hasLogFilters(NO_LOG_FILTERS)).toBe(false);
    expect(hasLogFilters({ ...NO_LOG_FILTERS, route: "/api/me" })).toBe(true);
    expect(parseStatusFilter(" 5xx ")).toBe("5xx");
    expect(parseStatusFilter("600")).toBe("");
  });
});

describe("one request", () => {
  it("is asked by id in the mode, and its absence named", async () => {
    await api.log("live", "req_a/b");
    expect(`${urls[0]?.pathname}${urls[0]?.search}`).toBe("/api/logs/req_a%2Fb?mode=live");
    expect(requestNotFoundMessage("live")).toBe("No request with this id in the last 7 days in live mode.");
    expect(requestNotFoundMessage("test")).toBe("No request with this id in the last 7 days in test mode.");
  });
});

describe("the logs rows", () => {
  it("colour statuses by class", () => {
    expect([200, 201, 302, 400, 404, 429, 500, 503].map(statusTone)).toEqual(["green", "green", "slate", "amber", "amber", "amber", "red", "red"]);
  });

  const log = (n: number): RequestLogEntry => ({
    requestId: `req_${n}`,
    time: new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString(),
    method: "POST",
    route: "/api/usage/track",
    status: 200,
    errorCode: null,
    userId: "u1",
    latencyMs: 12,
    caller: "sk_test_AbCd…",
  });

  it("keep the pages loaded when a refresh overlaps them", () => {
    const shown = { logs: [5, 4, 3, 2, 1].map(log), nextCursor: "cur_old" };
    const fresh = { logs: [7, 6, 5].map(log), nextCursor: "cur_fresh" };
    expect(mergeNewest(shown, fresh)).toEqual({ logs: [7, 6, 5, 4, 3, 2, 1].map(log), nextCursor: "cur_old" });
  });

  it("start again from the fresh page when more came in than a page holds, or only one page was shown", () => {
    expect(mergeNewest({ logs: [3, 2, 1].map(log), nextCursor: "cur_old" }, { logs: [9, 8, 7].map(log), nextCursor: "cur_fresh" })).toEqual({ logs: [9, 8, 7].map(log), nextCursor: "cur_fresh" });
    expect(mergeNewest({ logs: [2, 1].map(log), nextCursor: null }, { logs: [3, 2, 1].map(log), nextCursor: null })).toEqual({ logs: [3, 2, 1].map(log), nextCursor: null });
    expect(mergeNewest({ logs: [], nextCursor: null }, { logs: [1].map(log), nextCursor: null })).toEqual({ logs: [log(1)], nextCursor: null });
  });

  it('say when they were updated ("updated 3s ago")', () => {
    expect(updatedAgo(10_000, 10_500)).toBe("just now");
    expect(updatedAgo(10_000, 13_000)).toBe("3s ago");
    expect(updatedAgo(10_000, 10_000 + 125_000)).toBe("2 min ago");
    expect(updatedAgo(10_000, 9_000)).toBe("just now");
  });
});
