/**
 * A track whose response is lost is retried with the same Idempotency-Key
 * and counted once: the proxy forwards the first track to api-multi (which
 * counts it), waits for the answer, then drops the connection instead of
 * replying, so the SDK retries.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxy, type RunningProxy } from "./support/proxy.js";
import { client, stack, uniqueId } from "./support/stack.js";

describe("idempotent track under retry", () => {
  let proxy: RunningProxy;
  let tracks = 0;
  beforeAll(async () => {
    proxy = await startProxy(stack.apiUrl, (request) => {
      if (request.path !== "/api/usage/track") return { kind: "forward" };
      tracks += 1;
      return tracks === 1 ? { kind: "forward-then-drop" } : { kind: "forward" };
    });
  });
  afterAll(() => proxy.close());

  it("counts a retried track exactly once", async () => {
    const direct = client();
    const userId = uniqueId("idem");
    await direct.usage.track({ userId });
    const before = (await direct.usage.check(userId)).usage.count;

    const { usage } = await client({ baseUrl: proxy.url }).usage.track({ userId });

    const attempts = proxy.requests.filter((request) => request.path === "/api/usage/track");
    expect(attempts).toHaveLength(2);
    // The first attempt reached api-multi and was answered there; only the answer was lost.
    expect(attempts[0]!.upstream?.status).toBe(200);
    const key = attempts[0]!.headers["idempotency-key"];
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(attempts[1]!.headers["idempotency-key"]).toBe(key);
    expect(attempts[1]!.upstream?.headers.get("Idempotent-Replayed")).toBe("true");

    const after = (await direct.usage.check(userId)).usage.count;
    expect(after).toBe(before + 1);
    expect(usage.count).toBe(before + 1);
  });
});
