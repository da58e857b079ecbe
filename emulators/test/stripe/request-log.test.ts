import Stripe from "stripe";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { API_KEY, type Harness, LIVE_API_KEY, startEmulator, stripeClient } from "./harness.js";

const NOW = 1_767_225_600; // 2026-01-01T00:00:00Z
let h: Harness;
beforeEach(async () => {
  h = await startEmulator({ now: () => NOW });
});
afterEach(() => h.close());

const TEST_LOG = /^https:\/\/dashboard\.stripe\.com\/test\/logs\/(req_[A-Za-z0-9]+)\?t=1767225600$/;
const LIVE_LOG = /^https:\/\/dashboard\.stripe\.com\/logs\/(req_[A-Za-z0-9]+)\?t=1767225600$/;

describe("request ids and request_log_url, as Stripe sends them", () => {
  it("an API error carries request_log_url naming the request of its Request-Id header; stripe-node exposes both", async () => {
    const error = await h.stripe.customers.retrieve("cus_missing").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError);
    const { requestId, request_log_url: logUrl } = error as Stripe.errors.StripeError;
    expect(requestId).toMatch(/^req_/);
    expect(logUrl).toMatch(TEST_LOG);
    expect(TEST_LOG.exec(String(logUrl))?.[1]).toBe(requestId);
  });

  it("live mode's log is the Dashboard's live one (no /test/)", async () => {
    const live = stripeClient(h.port, LIVE_API_KEY);
    const error = (await live.products.retrieve("prod_missing").catch((e: unknown) => e)) as Stripe.errors.StripeError;
    expect(error.request_log_url).toMatch(LIVE_LOG);
    expect(LIVE_LOG.exec(String(error.request_log_url))?.[1]).toBe(error.requestId);
  });

  it("on every kind of error: unknown parameter, bad key, unknown URL, control endpoint", async () => {
    const responses = [
      await fetch(`${h.baseUrl}/v1/customers?bogus=1`, { headers: { authorization: `Bearer ${API_KEY}` } }),
      await fetch(`${h.baseUrl}/v1/customers`, { headers: { authorization: "Bearer sk_test_not_configured" } }),
      await fetch(`${h.baseUrl}/v1/customers`),
      await fetch(`${h.baseUrl}/v1/nothing_here`, { headers: { authorization: `Bearer ${API_KEY}` } }),
      await fetch(`${h.baseUrl}/v1/nothing_here`, { headers: { authorization: `Bearer ${LIVE_API_KEY}` } }),
      await fetch(`${h.baseUrl}/_emulator/subscriptions/sub_missing/advance`, { method: "POST" }),
    ];
    const logs = [TEST_LOG, TEST_LOG, TEST_LOG, TEST_LOG, LIVE_LOG, TEST_LOG];
    for (const [index, response] of responses.entries()) {
      const requestId = response.headers.get("request-id");
      const { error } = (await response.json()) as { error: { request_log_url: string } };
      expect(response.status, String(index)).toBeGreaterThanOrEqual(400);
      expect(requestId, String(index)).toMatch(/^req_/);
      expect(logs[index]?.exec(error.request_log_url)?.[1], String(index)).toBe(requestId);
    }
  });

  it("successful API responses and OAuth errors carry a Request-Id too, each request its own", async () => {
    const first = await fetch(`${h.baseUrl}/v1/customers`, { headers: { authorization: `Bearer ${API_KEY}` } });
    const second = await fetch(`${h.baseUrl}/v1/customers`, { headers: { authorization: `Bearer ${API_KEY}` } });
    expect(first.headers.get("request-id")).toMatch(/^req_/);
    expect(second.headers.get("request-id")).not.toBe(first.headers.get("request-id"));
    const oauth = await fetch(`${h.baseUrl}/oauth/token`, {
      method: "POST",
      headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/x-www-form-urlencoded" },
      body: "grant_type=authorization_code&code=ac_bogus",
    });
    expect(oauth.status).toBe(400);
    expect(oauth.headers.get("request-id")).toMatch(/^req_/);
    expect(await oauth.json()).toEqual({ error: "invalid_grant", error_description: "Authorization code does not exist: ac_bogus" });
  });
});
