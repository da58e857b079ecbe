/**
 * Every bad input the issue lists gets a 400 with the error shape and
 * changes nothing in D1.
 */
import { describe, expect, it } from "vitest";
import { call, expectErrorShape, seedPlatform, tableCounts, type CallOptions } from "./harness";

interface BadCase {
  label: string;
  method: string;
  path: string;
  options: CallOptions;
  code: string;
}

const LONG_ID = "a".repeat(10 * 1024);
const OVERSIZED = JSON.stringify({ userId: "big", pad: "x".repeat(65 * 1024) });

const cases: BadCase[] = [
  { label: "malformed JSON", method: "POST", path: "/api/usage/track", options: { rawBody: '{"userId": "a",', headers: { "Content-Type": "application/json" } }, code: "invalid_json" },
  { label: "a JSON array body", method: "POST", path: "/api/usage/track", options: { body: ["a"] }, code: "invalid_json" },
  { label: "a JSON string body", method: "POST", path: "/api/customers", options: { body: "hello" }, code: "invalid_json" },
  { label: "invalid UTF-8", method: "POST", path: "/api/usage/track", options: { rawBody: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }, code: "invalid_json" },
  { label: "missing userId", method: "POST", path: "/api/usage/track", options: { body: { amount: 1 } }, code: "invalid_request" },
  { label: "userId of the wrong type", method: "POST", path: "/api/usage/track", options: { body: { userId: 42 } }, code: "invalid_request" },
  { label: "amount 0", method: "POST", path: "/api/usage/track", options: { body: { userId: "u", amount: 0 } }, code: "invalid_request" },
  { label: "negative amount", method: "POST", path: "/api/usage/track", options: { body: { userId: "u", amount: -5 } }, code: "invalid_request" },
  { label: "amount 10^9", method: "POST", path: "/api/usage/track", options: { body: { userId: "u", amount: 1e9 } }, code: "invalid_request" },
  { label: 'amount "1"', method: "POST", path: "/api/usage/track", options: { body: { userId: "u", amount: "1" } }, code: "invalid_request" },
  { label: "fractional amount", method: "POST", path: "/api/usage/track", options: { body: { userId: "u", amount: 1.5 } }, code: "invalid_request" },
  { label: "an unknown field", method: "POST", path: "/api/usage/track", options: { body: { userId: "u", plan: "pro" } }, code: "invalid_request" },
  { label: "a body over 64 KiB", method: "POST", path: "/api/usage/track", options: { rawBody: OVERSIZED, headers: { "Content-Type": "application/json" } }, code: "body_too_large" },
  { label: "a userId with control characters", method: "POST", path: "/api/usage/track", options: { body: { userId: "evil\u0000\nid" } }, code: "invalid_id" },
  { label: "a 10 KB userId", method: "POST", path: "/api/usage/track", options: { body: { userId: LONG_ID } }, code: "invalid_id" },
  { label: "a userId header with control characters", method: "POST", path: "/api/usage/track", options: { headers: { "X-User-Id": "bad\tid" } }, code: "invalid_id" },
  { label: "a 10 KB userId in the path", method: "GET", path: `/api/customers/${LONG_ID}`, options: {}, code: "invalid_id" },
  { label: "a path userId with control characters", method: "GET", path: "/api/customers/bad%00id", options: {}, code: "invalid_id" },
  { label: "a 10 KB X-User-Id on GET /api/usage", method: "GET", path: "/api/usage", options: { headers: { "X-User-Id": LONG_ID } }, code: "invalid_id" },
  { label: "customer without email", method: "POST", path: "/api/customers", options: { body: { userId: "x" } }, code: "invalid_request" },
  { label: "customer with a bad email", method: "POST", path: "/api/customers", options: { body: { userId: "x", email: "not-an-email" } }, code: "invalid_request" },
  { label: "customer with a 10 KB userId", method: "POST", path: "/api/customers", options: { body: { userId: LONG_ID, email: "a@example.com" } }, code: "invalid_request" },
  { label: "customer with a control-character userId", method: "POST", path: "/api/customers", options: { body: { userId: "a\u0007b", email: "a@example.com" } }, code: "invalid_request" },
  { label: "customer with a plan of the wrong type", method: "POST", path: "/api/customers", options: { body: { email: "a@example.com", plan: 3 } }, code: "invalid_request" },
  { label: "customer over 64 KiB", method: "POST", path: "/api/customers", options: { rawBody: JSON.stringify({ email: "a@example.com", userId: "x".repeat(70_000) }) }, code: "body_too_large" },
  { label: "patch without plan", method: "PATCH", path: "/api/customers/someone", options: { body: {} }, code: "invalid_request" },
  { label: "patch with malformed JSON", method: "PATCH", path: "/api/customers/someone", options: { rawBody: "{plan:pro}" }, code: "invalid_json" },
  { label: "patch with an extra field", method: "PATCH", path: "/api/customers/someone", options: { body: { plan: "pro", email: "x@example.com" } }, code: "invalid_request" },
];

describe("bad input", () => {
  it.each(cases)("$label → 400 $code, nothing written", async ({ method, path, options, code }) => {
    const platform = await seedPlatform();
    await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "someone" } });
    const before = await tableCounts(platform.platformId);
    const res = await call(method, path, { ...options, key: platform.secretKey });
    expectErrorShape(res, 400, code);
    expect(await tableCounts(platform.platformId)).toEqual(before);
  });

  it("names the offending field", async () => {
    const platform = await seedPlatform();
    const res = await call("POST", "/api/usage/track", { key: platform.secretKey, body: { userId: "u", amount: 0 } });
    expect(res.body.error.param).toBe("amount");
    expect(res.body.error.message).toMatch(/amount/);
  });
});
