/**
 * The request log (GET /api/logs, GET /api/logs/:requestId): every request
 * that authenticated a platform lands, through the queue, in its own
 * tenant's and mode's log — with the route's pattern, the error code, the
 * end-user and the caller's key prefix, and never a body, a query string,
 * a secret or an email.
 */
import { secretKeyDisplayPrefix } from "@dream-api/shared";
import { describe, expect, it } from "vitest";
import { type CallResult, call, expectErrorShape, seedPlatform } from "../../harness";
import { developerSession, landedLines, platformLines, twoModePlatform } from "./helpers";

const idOf = (result: CallResult): string => result.headers.get("X-Request-Id") ?? "";
const ids = (body: { logs: { requestId: string }[] }) => body.logs.map((line) => line.requestId);

describe("what lands", () => {
  it("writes each mode's lines to that mode's log only, and another tenant's to its own", async () => {
    const platform = await twoModePlatform();
    const other = await seedPlatform();
    const tracked = await call("POST", "/api/usage/track", { key: platform.testKey, body: { userId: "u1" } });
    const refused = await call("POST", "/api/usage/track", { key: platform.testKey, body: { userId: "u1", amount: 5 } });
    const read = await call("GET", "/api/customers/u1", { key: platform.testKey });
    const live = await call("POST", "/api/usage/track", { key: platform.liveKey, body: { userId: "u2" } });
    const stranger = await call("POST", "/api/usage/track", { key: other.secretKey, body: { userId: "u1" } });
    expect([tracked.status, refused.status, read.status, live.status, stranger.status]).toEqual([200, 403, 200, 200, 200]);
    const testIds = [tracked, refused, read].map(idOf);
    const lines = await landedLines([...testIds, idOf(live), idOf(stranger)]);
    const line = (result: CallResult) => lines.find((stored) => stored.request_id === idOf(result));

    expect(line(tracked)).toMatchObject({ platform_id: platform.platformId, mode: "test", method: "POST", route: "/api/usage/track", status: 200, error_code: null, user_id: "u1" });
    expect(line(tracked)?.caller).toBe(secretKeyDisplayPrefix(platform.testKey));
    expect(line(tracked)?.caller).toMatch(/^sk_test_[A-Za-z0-9]{4}…$/);
    expect(line(refused)).toMatchObject({ status: 403, error_code: "usage_limit_exceeded", user_id: "u1" });
    // The route's pattern, never the raw path.
    expect(line(read)).toMatchObject({ method: "GET", route: "/api/customers/:userId", status: 200, user_id: "u1" });
    expect(line(live)).toMatchObject({ platform_id: platform.platformId, mode: "live", user_id: "u2", caller: secretKeyDisplayPrefix(platform.liveKey) });
    expect(line(stranger)).toMatchObject({ platform_id: other.platformId, mode: "test" });
    for (const stored of lines) {
      expect(stored.latency_ms).toBeGreaterThanOrEqual(0);
      expect(Date.parse(stored.time)).not.toBeNaN();
    }

    const testLog = await call("GET", "/api/logs", { key: platform.testKey });
    expect(testLog.status).toBe(200);
    expect(testLog.body.mode).toBe("test");
    expect(ids(testLog.body)).toEqual([...testIds].reverse());
    const liveLog = await call("GET", "/api/logs", { key: platform.liveKey });
    expect(liveLog.body.mode).toBe("live");
    expect(ids(liveLog.body)).toEqual([idOf(live)]);
    const strangerLog = await call("GET", "/api/logs", { key: other.secretKey });
    expect(ids(strangerLog.body)).toEqual([idOf(stranger)]);
    expect(testLog.body.logs[1]).toEqual({
      requestId: idOf(refused),
      time: line(refused)?.time,
      method: "POST",
      route: "/api/usage/track",
      status: 403,
      errorCode: "usage_limit_exceeded",
      userId: "u1",
      latencyMs: line(refused)?.latency_ms,
      caller: secretKeyDisplayPrefix(platform.testKey),
    });
  });

  it("shows the developer's dashboard each mode's log, and names the dashboard as the caller", async () => {
    const platform = await twoModePlatform();
    const session = await developerSession(platform.platformId);
    const test = await call("POST", "/api/usage/track", { key: platform.testKey, body: { userId: "u1" } });
    const live = await call("POST", "/api/usage/track", { key: platform.liveKey, body: { userId: "u1" } });
    await landedLines([idOf(test), idOf(live)]);
    const route = encodeURIComponent("/api/usage/track");
    const testLog = await call("GET", `/api/logs?mode=test&route=${route}`, { key: session });
    expect(testLog.status).toBe(200);
    expect(ids(testLog.body)).toEqual([idOf(test)]);
    const liveLog = await call("GET", `/api/logs?mode=live&route=${route}`, { key: session });
    expect(ids(liveLog.body)).toEqual([idOf(live)]);
    expectErrorShape(await call("GET", "/api/logs", { key: session }), 400, "invalid_request");
    // A key may only name its own mode.
    expectErrorShape(await call("GET", "/api/logs?mode=live", { key: platform.testKey }), 400, "invalid_request");
    const [own] = await landedLines([idOf(testLog)]);
    expect(own).toMatchObject({ route: "/api/logs", caller: "dashboard", mode: "test", user_id: null });
  });

  it("keeps no body, query string, secret or email", async () => {
    const platform = await twoModePlatform();
    const person = `person.${crypto.randomUUID().slice(0, 8)}@example.com`;
    const marker = `body-marker-${crypto.randomUUID()}`;
    const results = [
      await call("POST", "/api/customers", { key: platform.testKey, body: { email: person } }),
      // An email as the developer's userId: in the body, then in the path and the query.
      await call("POST", "/api/usage/track", { key: platform.testKey, body: { userId: person } }),
      await call("GET", `/api/customers/${encodeURIComponent(person)}?email=${encodeURIComponent(person)}`, { key: platform.testKey }),
      await call("GET", `/api/customers/${encodeURIComponent(person)}`, { key: platform.testKey }),
      // Secrets and markers in bodies that are refused, and in a query.
      await call("POST", "/api/usage/track", { key: platform.testKey, body: { userId: "u1", secret: platform.liveKey, note: marker } }),
      await call("PATCH", `/api/customers/u1?token=${marker}`, { key: platform.testKey, body: { plan: marker } }),
    ];
    expect(results.map((result) => result.status)).toEqual([201, 200, 400, 200, 400, 400]);
    const lines = await landedLines(results.map(idOf));
    const stored = JSON.stringify(await platformLines(platform.platformId));
    for (const secret of [person, encodeURIComponent(person), "example.com", marker, platform.testKey, platform.liveKey, "token="]) {
      expect(stored).not.toContain(secret);
    }
    // The created customer is named by its id; the email-shaped userId only as a hash, which the filter finds again.
    const created = lines.find((line) => line.request_id === idOf(results[0]!));
    expect(created?.user_id).toBe(results[0]!.body.customer.userId);
    const hashed = lines.find((line) => line.request_id === idOf(results[1]!))?.user_id;
    expect(hashed).toMatch(/^hashed:[0-9a-f]{24}$/);
    const byEmail = await call("GET", `/api/logs?userId=${encodeURIComponent(person)}`, { key: platform.testKey });
    expect(ids(byEmail.body).sort()).toEqual([results[1]!, results[2]!, results[3]!].map(idOf).sort());
    expect(byEmail.body.logs.every((line: { userId: string }) => line.userId === hashed)).toBe(true);
  });

  it("logs nothing of calls that authenticated no platform", async () => {
    const platform = await twoModePlatform();
    const before = (await platformLines(platform.platformId)).length;
    const refused = await call("POST", "/api/usage/track", { key: `sk_test_${"x".repeat(40)}`, body: { userId: "u1" } });
    const publicTiers = await call("GET", `/api/public/tiers?pk=nothing`);
    const tracked = await call("POST", "/api/usage/track", { key: platform.testKey, body: { userId: "u1" } });
    await landedLines([idOf(tracked)]);
    expect(refused.status).toBe(401);
    expect(publicTiers.status).toBeGreaterThanOrEqual(400);
    expect(await landedLines([idOf(refused)], 0).catch(() => [])).toEqual([]);
    expect((await platformLines(platform.platformId)).length).toBe(before + 1);
  });
});

describe("GET /api/logs filters and pages", () => {
  it("filters by status, status class, userId and route, and pages newest first with a cursor", async () => {
    const platform = await twoModePlatform();
    const key = platform.testKey;
    const sent: CallResult[] = [];
    for (const userId of ["u1", "u1", "u2"]) sent.push(await call("POST", "/api/usage/track", { key, body: { userId } }));
    sent.push(await call("GET", "/api/customers/nobody", { key }));
    sent.push(await call("POST", "/api/usage/track", { key, body: { userId: "u1", amount: 0 } }));
    sent.push(await call("GET", "/api/customers/u2", { key }));
    sent.push(await call("GET", "/api/tiers", { key }));
    expect(sent.map((result) => result.status)).toEqual([200, 200, 200, 404, 400, 200, 200]);
    await landedLines(sent.map(idOf));
    const newestFirst = sent.map(idOf).reverse();
    const list = async (query: string) => {
      const result = await call("GET", `/api/logs?${query}`, { key });
      expect(result.status).toBe(200);
      // Lines of the log reads themselves land too: keep the ones this test sent.
      return ids(result.body).filter((id) => newestFirst.includes(id));
    };
    const only = (...indexes: number[]) => newestFirst.filter((id) => indexes.map((index) => idOf(sent[index]!)).includes(id));

    expect(await list("status=4xx")).toEqual(only(3, 4));
    expect(await list("status=404")).toEqual(only(3));
    expect(await list("status=2xx&route=%2Fapi%2Fusage%2Ftrack")).toEqual(only(0, 1, 2));
    expect(await list("userId=u1")).toEqual(only(0, 1));
    expect(await list("userId=u2")).toEqual(only(2, 5));
    expect(await list("userId=nobody")).toEqual(only(3));
    expect(await list("route=%2Fapi%2Fcustomers%2F%3AuserId")).toEqual(only(3, 5));
    expect(await list("route=%2Fapi%2Fcustomers%2Fu2")).toEqual([]);
    expect(await list("status=5xx")).toEqual([]);

    const route = "route=%2Fapi%2Fusage%2Ftrack";
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const page: CallResult = await call("GET", `/api/logs?${route}&limit=2${cursor ? `&cursor=${cursor}` : ""}`, { key });
      expect(page.status).toBe(200);
      pages.push(ids(page.body));
      cursor = page.body.nextCursor;
    } while (cursor && pages.length < 10);
    expect(pages).toEqual([only(4, 2), only(1, 0)]);

    const everything = await call("GET", "/api/logs?limit=100", { key });
    expect(ids(everything.body).filter((id) => newestFirst.includes(id))).toEqual(newestFirst);
    const times = everything.body.logs.map((line: { time: string }) => line.time);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it("refuses a bad status, limit or cursor", async () => {
    const platform = await twoModePlatform();
    for (const query of ["status=abc", "status=6xx", "status=2x", "status=99", "limit=0", "limit=101", "cursor=nope", "userId=%20", "unknown=1"]) {
      expectErrorShape(await call("GET", `/api/logs?${query}`, { key: platform.testKey }), 400, "invalid_request");
    }
  });
});

describe("GET /api/logs/:requestId", () => {
  it("answers the tenant's own line in its mode, and 404 for any other", async () => {
    const platform = await twoModePlatform();
    const other = await seedPlatform();
    const own = await call("GET", "/api/customers/nobody", { key: platform.testKey });
    const live = await call("POST", "/api/usage/track", { key: platform.liveKey, body: { userId: "u1" } });
    const stranger = await call("GET", "/api/tiers", { key: other.secretKey });
    await landedLines([own, live, stranger].map(idOf));

    const found = await call("GET", `/api/logs/${idOf(own)}`, { key: platform.testKey });
    expect(found.status).toBe(200);
    expect(found.body).toMatchObject({
      mode: "test",
      log: { requestId: idOf(own), method: "GET", route: "/api/customers/:userId", status: 404, errorCode: "customer_not_found", userId: "nobody", caller: secretKeyDisplayPrefix(platform.testKey) },
    });
    const session = await developerSession(platform.platformId);
    expect((await call("GET", `/api/logs/${idOf(own)}?mode=test`, { key: session })).body.log.requestId).toBe(idOf(own));

    expectErrorShape(await call("GET", `/api/logs/${idOf(live)}`, { key: platform.testKey }), 404, "not_found");
    expectErrorShape(await call("GET", `/api/logs/${idOf(own)}`, { key: platform.liveKey }), 404, "not_found");
    expectErrorShape(await call("GET", `/api/logs/${idOf(own)}?mode=live`, { key: session }), 404, "not_found");
    expectErrorShape(await call("GET", `/api/logs/${idOf(stranger)}`, { key: platform.testKey }), 404, "not_found");
    expectErrorShape(await call("GET", `/api/logs/${idOf(own)}`, { key: other.secretKey }), 404, "not_found");
    expectErrorShape(await call("GET", "/api/logs/req_doesNotExist0000000", { key: platform.testKey }), 404, "not_found");
    expectErrorShape(await call("GET", "/api/logs/not-a-request-id", { key: platform.testKey }), 400, "invalid_request");
  });
});
