import { env } from "cloudflare:test";
import { accountCacheKvKey } from "@dream-api/shared/caches";
import { describe, expect, it } from "vitest";
import { accountRow, answerConnect, awaitDeliveries, call, client, connectStripe, createDeveloper, expectError, harnessClock, inboxCursor, platformIdOf } from "../../harness";

describe("Stripe Connect OAuth", () => {
  it("connects on approve: stores the account, refreshes the cache, redirects to the dashboard", async () => {
    const dev = await createDeveloper();
    const { start, back, callback, location } = await connectStripe(dev);
    const authorize = new URL(start.body.url);
    expect(authorize.pathname).toBe("/oauth/authorize");
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      response_type: "code",
      client_id: "ca_local_dreamapi",
      scope: "read_write",
      redirect_uri: "http://oauth.test/connect/callback",
    });
    expect(back.searchParams.get("code")).toMatch(/^ac_/);
    expect(callback.status).toBe(302);
    expect(location.origin + location.pathname).toBe("http://127.0.0.1:5173/dashboard");
    expect(location.searchParams.get("connect")).toBe("success");
    const platformId = await platformIdOf(dev);
    const row = await accountRow(platformId);
    // The token exchange runs with the platform's live key: the account is connected in live mode (and serves test mode too).
    expect(row).toMatchObject({ stripe_user_id: location.searchParams.get("account"), livemode: 1, scope: "read_write", disconnected_at: null });
    expect(await env.ACCOUNT_CACHE.get(accountCacheKvKey(platformId), { type: "json" })).toMatchObject({ stripeUserId: row!.stripe_user_id });
    expect(JSON.stringify(await env.DB.prepare("SELECT * FROM stripe_accounts WHERE platform_id = ?1").bind(platformId).first())).not.toMatch(/sk_test_|rt_/);
  });

  it("redirects with an error code only on deny and stores nothing", async () => {
    const dev = await createDeveloper();
    const { back, location } = await connectStripe(dev, "deny");
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(Object.fromEntries(location.searchParams)).toEqual({ connect: "error", error: "access_denied" });
    expect(await accountRow(await platformIdOf(dev))).toBeNull();
  });

  it("forwards no text from the callback's query: known Stripe codes pass, anything else becomes stripe_error", async () => {
    const attackerText = "Your account is locked. Call +1 555 0100 now";
    const cases: [Record<string, string>, string][] = [
      [{ error: "invalid_scope", error_description: attackerText }, "invalid_scope"],
      [{ error: "invalid_request", error_description: attackerText }, "invalid_request"],
      [{ error: "<b>call us</b>", error_description: attackerText, message: attackerText }, "stripe_error"],
      [{ error: attackerText }, "stripe_error"],
      [{ message: attackerText }, "missing_code"],
    ];
    for (const [params, code] of cases) {
      const dev = await createDeveloper();
      const start = await call("POST", "/connect/start", { token: dev.token });
      const state = new URL(start.body.url).searchParams.get("state")!;
      const callback = await call("GET", `/connect/callback?${new URLSearchParams({ state, ...params }).toString()}`);
      expect(callback.status).toBe(302);
      const location = callback.headers.get("Location") ?? "";
      expect(Object.fromEntries(new URL(location).searchParams)).toEqual({ connect: "error", error: code });
      expect(decodeURIComponent(location.replace(/\+/g, " ")).toLowerCase()).not.toMatch(/call|locked/);
      expect(await accountRow(await platformIdOf(dev))).toBeNull();
    }
  });

  it("refuses a replayed state with 400 and changes nothing", async () => {
    const dev = await createDeveloper();
    const { back } = await connectStripe(dev);
    const platformId = await platformIdOf(dev);
    const before = await accountRow(platformId);
    const replay = await call("GET", `${back.pathname}${back.search}`);
    expectError(replay, 400, "invalid_state");
    expect(await accountRow(platformId)).toEqual(before);
  });

  it("refuses forged, malformed and expired states with 400", async () => {
    const dev = await createDeveloper();
    const start = await call("POST", "/connect/start", { token: dev.token });
    const state = new URL(start.body.url).searchParams.get("state")!;
    const [body, signature] = state.split(".");
    const payload = JSON.parse(atob(body!.replace(/-/g, "+").replace(/_/g, "/")));
    const forgedBody = btoa(JSON.stringify({ ...payload, developerId: "user_attacker" }))
      .replace(/=+$/, "")
      .replace(/\+/g, "-")
      .replace(/\//g, "_");
    for (const bad of [`${forgedBody}.${signature}`, "garbage", `${body}.AAAA`, ""]) {
      expectError(await call("GET", `/connect/callback?code=ac_x&state=${encodeURIComponent(bad)}`), 400, "invalid_state");
    }
    const later = client(() => new Date(harnessClock().getTime() + 11 * 60_000));
    expectError(await later("GET", `/connect/callback?code=ac_x&state=${encodeURIComponent(state)}`), 400, "invalid_state");
    expect(await accountRow(await platformIdOf(dev))).toBeNull();
  });

  it("attaches an account only to the developer who started the flow", async () => {
    const alice = await createDeveloper();
    const bob = await createDeveloper();
    await call("GET", "/products?mode=test", { token: bob.token });
    const aliceStart = await call("POST", "/connect/start", { token: alice.token });
    const back = await answerConnect(aliceStart.body.url, "approve");
    // Bob's browser completing Alice's flow still only connects Alice.
    await call("GET", `${back.pathname}${back.search}`, { token: bob.token });
    expect(await accountRow(await platformIdOf(alice))).not.toBeNull();
    expect(await accountRow(await platformIdOf(bob))).toBeNull();
  });

  it("refuses to start a second connection while one exists", async () => {
    const dev = await createDeveloper();
    await connectStripe(dev);
    expectError(await call("POST", "/connect/start", { token: dev.token }), 409, "conflict");
  });

  it("disconnects: deauthorizes on Stripe, marks D1 and the cache, and paid tiers then need a connection", async () => {
    const dev = await createDeveloper();
    const { location } = await connectStripe(dev);
    const accountId = location.searchParams.get("account")!;
    const cursor = await inboxCursor("connect");
    const res = await call("POST", "/connect/disconnect", { token: dev.token });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ connected: false, accountId });
    const platformId = await platformIdOf(dev);
    expect((await accountRow(platformId))?.disconnected_at).not.toBeNull();
    expect(await env.ACCOUNT_CACHE.get(accountCacheKvKey(platformId), { type: "json" })).toBeNull();
    const delivered = await awaitDeliveries(cursor, ["account.application.deauthorized"], "connect");
    expect(delivered.some((d) => d.type === "account.application.deauthorized" && d.body.includes(accountId))).toBe(true);
    const paid = await call("POST", "/products?mode=test", { token: dev.token, body: { name: "pro", displayName: "Pro", kind: "subscription", price: 900, limit: 100 } });
    expectError(paid, 409, "stripe_not_connected");
    expectError(await call("POST", "/connect/disconnect", { token: dev.token }), 409, "stripe_not_connected");
  });
});
