/** The stand-in session's part of contract 4: make an organization active, then a fresh token that carries it. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LocalSession } from "../src/auth/local-session";
import { config } from "../src/config";
import { memoryStorage } from "./support/memory-storage";

const jwt = (claims: Record<string, unknown>) => `h.${Buffer.from(JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600, ...claims })).toString("base64url")}.s`;

type Call = { url: string; method: string; body: unknown };

function fakeStandIn(answers: Record<string, () => Response>) {
  const calls: Call[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit = {}) => {
      const path = url.replace(config.localClerkUrl, "");
      calls.push({ url: path, method: init.method ?? "GET", body: init.body ? JSON.parse(String(init.body)) : undefined });
      const answer = answers[`${init.method ?? "GET"} ${path}`];
      return answer ? answer() : new Response("{}", { status: 500 });
    }),
  );
  return calls;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

describe("LocalSession", () => {
  let session: LocalSession;
  const before = jwt({ sub: "user_1", o: { id: "org_other", slg: "other", rol: "member" } });
  const after = jwt({ sub: "user_1", o: { id: "org_here", slg: "here", rol: "member" } });

  beforeEach(() => {
    vi.stubGlobal("localStorage", memoryStorage());
    session = new LocalSession("end-user-api", "dream.endUser.session");
    session.captureFromHash(`#__clerk_session=sess_1&__session=${before}`);
  });

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("keeps a token far from expiry, and fetches a new one when asked for a fresh one", async () => {
    const calls = fakeStandIn({ "POST /local/sessions/sess_1/tokens": () => json(200, { object: "token", jwt: after }) });
    expect(await session.token()).toBe(before);
    expect(calls).toHaveLength(0);
    expect(await session.token({ fresh: true })).toBe(after);
    expect(session.read()).toEqual({ sessionId: "sess_1", jwt: after, receivedAt: expect.any(Number) });
  });

  it("makes an organization active through the session touch, then stores a token that carries it", async () => {
    const calls = fakeStandIn({
      "POST /local/sessions/sess_1/touch": () => json(200, { id: "sess_1", last_active_organization_id: "org_here" }),
      "POST /local/sessions/sess_1/tokens": () => json(200, { object: "token", jwt: after }),
    });
    expect(await session.setActiveOrganization("org_here")).toBe(after);
    expect(calls.map((call) => `${call.method} ${call.url}`)).toEqual(["POST /local/sessions/sess_1/touch", "POST /local/sessions/sess_1/tokens"]);
    expect(calls[0]!.body).toEqual({ active_organization_id: "org_here" });
    expect(session.read()?.jwt).toBe(after);
  });

  it("refuses an organization the person is not a member of, keeping the session", async () => {
    fakeStandIn({ "POST /local/sessions/sess_1/touch": () => json(404, { errors: [{ code: "organization_not_found_or_unauthorized", message: "not found" }] }) });
    await expect(session.setActiveOrganization("org_else")).rejects.toThrow(/could not be switched/);
    expect(session.read()?.jwt).toBe(before);
  });

  it("forgets a session the stand-in has ended", async () => {
    fakeStandIn({ "POST /local/sessions/sess_1/touch": () => json(404, { errors: [{ code: "resource_not_found", message: "not found" }] }) });
    await expect(session.setActiveOrganization("org_here")).rejects.toThrow(/Sign in again/);
    expect(session.read()).toBeNull();
  });

  describe("with Clerk's 60-second tokens", () => {
    const NOW = new Date("2030-12-31T23:59:50Z").getTime();
    /** A token as the stand-in mints it, on the stand-in's clock `serverNow` (ms). */
    const minted = (serverNow: number, claims: Record<string, unknown> = {}) => {
      const iat = Math.floor(serverNow / 1000);
      return jwt({ sub: "user_1", iat, nbf: iat - 10, exp: iat + 60, ...claims });
    };

    beforeEach(() => {
      vi.useFakeTimers({ toFake: ["Date"] });
      vi.setSystemTime(NOW);
    });

    it("keeps a token while it has more than 30 s to live, then fetches a new one", async () => {
      session.captureFromHash(`#__clerk_session=sess_1&__session=${minted(NOW)}`);
      const calls = fakeStandIn({ "POST /local/sessions/sess_1/tokens": () => json(200, { object: "token", jwt: minted(Date.now()) }) });
      vi.setSystemTime(NOW + 29_000);
      await session.token();
      expect(calls).toHaveLength(0);
      vi.setSystemTime(NOW + 31_000);
      const next = await session.token();
      expect(calls).toHaveLength(1);
      expect(JSON.parse(Buffer.from(next!.split(".")[1]!, "base64url").toString())).toMatchObject({ iat: Math.floor((NOW + 31_000) / 1000) });
    });

    it("counts a token's lifetime from its arrival when this browser's clock runs behind the stand-in's", async () => {
      // The stand-in's clock is two minutes ahead: by this browser's clock the token looks good for three minutes.
      const ahead = 120_000;
      session.captureFromHash(`#__clerk_session=sess_1&__session=${minted(NOW + ahead)}`);
      const calls = fakeStandIn({ "POST /local/sessions/sess_1/tokens": () => json(200, { object: "token", jwt: minted(Date.now() + ahead) }) });
      vi.setSystemTime(NOW + 20_000);
      await session.token();
      expect(calls).toHaveLength(0);
      // 40 s after it arrived, 20 s are left of its 60: replaced, although its exp is still far ahead here.
      vi.setSystemTime(NOW + 40_000);
      await session.token();
      expect(calls).toHaveLength(1);
    });

    it("makes one refresh for the calls a page makes at once", async () => {
      session.captureFromHash(`#__clerk_session=sess_1&__session=${minted(NOW)}`);
      const calls = fakeStandIn({ "POST /local/sessions/sess_1/tokens": () => json(200, { object: "token", jwt: minted(Date.now()) }) });
      vi.setSystemTime(NOW + 45_000);
      const tokens = await Promise.all([session.token(), session.token(), session.token()]);
      expect(calls).toHaveLength(1);
      expect(new Set(tokens).size).toBe(1);
      expect(session.read()?.jwt).toBe(tokens[0]);
    });

    it("stores the newest answer: a slower refresh begun before a fresh one does not replace its token", async () => {
      session.captureFromHash(`#__clerk_session=sess_1&__session=${minted(NOW)}`);
      const old = minted(NOW, { o: { id: "org_other", slg: "other", rol: "member" } });
      const newer = minted(NOW, { o: { id: "org_here", slg: "here", rol: "member" } });
      let release: () => void = () => undefined;
      const slow = new Promise<void>((resolve) => {
        release = resolve;
      });
      let answers = 0;
      vi.stubGlobal(
        "fetch",
        vi.fn(async () => {
          answers += 1;
          if (answers === 1) {
            await slow;
            return json(200, { object: "token", jwt: old });
          }
          return json(200, { object: "token", jwt: newer });
        }),
      );
      vi.setSystemTime(NOW + 45_000);
      const first = session.token();
      expect(await session.token({ fresh: true })).toBe(newer);
      release();
      expect(await first).toBe(old);
      expect(session.read()?.jwt).toBe(newer);
    });
  });
});
