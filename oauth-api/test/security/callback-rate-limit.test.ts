/**
 * GET /connect/callback needs no session (Stripe redirects the developer's
 * browser there), so it is limited per client IP: 60 calls a minute
 * (CLIENT_IP_RATE_LIMITER in wrangler.jsonc), then 429 with Retry-After.
 */
import { describe, expect, it } from "vitest";
import { awaitRateLimitWindow, call, expectError } from "../harness";

const PER_IP = 60;

describe("GET /connect/callback per client IP", () => {
  it("refuses the 61st call of a minute from one IP; another IP goes on", async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    await awaitRateLimitWindow(PER_IP + 2);
    const callback = (from: string) => call("GET", "/connect/callback?code=ac_x&state=forged.state", { headers: { "CF-Connecting-IP": from } });
    for (let i = 0; i < PER_IP; i++) expectError(await callback(ip), 400, "invalid_state");
    const refused = await callback(ip);
    expectError(refused, 429, "rate_limited");
    expect(Number(refused.headers.get("Retry-After"))).toBeGreaterThan(0);
    expectError(await callback(`198.51.100.${Math.floor(Math.random() * 250) + 1}x`), 400, "invalid_state");
  });
});
