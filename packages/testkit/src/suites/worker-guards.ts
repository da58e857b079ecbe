/**
 * Guards every worker has alike (the Stripe webhook's body cap, the
 * required list of authorized parties), written once and run by each
 * worker's own test file against its own app (its `call`).
 */
import { describe, expect, it } from "vitest";
import { createDeveloper, expectError } from "../in-worker.js";
import type { Call } from "../worker-caller.js";

/** A body of unknown length (chunked) that could go on for 64 MiB; counts what the worker pulled. */
function endlessBody() {
  const chunk = new Uint8Array(64 * 1024).fill(0x20);
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= 64 * 1024 * 1024) return controller.close();
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled, chunkBytes: chunk.byteLength };
}

/**
 * The Stripe webhook route is open to anyone (the signature is its
 * authentication), so its body's size is checked before the body is read:
 * a declared Content-Length over the cap is refused at once, and a body of
 * unknown length is cut off as soon as it passes the cap.
 */
export function describeWebhookBodyCap<Env>(call: Call<Env>, maxBytes: number): void {
  describe("POST /webhook/stripe body size", () => {
    it("refuses a streamed body as soon as it passes the cap, without reading the rest", async () => {
      const body = endlessBody();
      const result = await call("POST", "/webhook/stripe", { rawBody: body.stream, headers: { "Stripe-Signature": "t=1,v1=00" } });
      expectError(result, 400, "body_too_large");
      expect(body.pulled()).toBeLessThanOrEqual(maxBytes + 2 * body.chunkBytes);
    });

    it("refuses a declared length over the cap", async () => {
      const result = await call("POST", "/webhook/stripe", { rawBody: " ".repeat(maxBytes + 1), headers: { "Stripe-Signature": "t=1,v1=00" } });
      expectError(result, 400, "body_too_large");
    });
  });
}

/**
 * A worker that accepts developer sessions requires its list of authorized
 * parties (the `azp` a token may carry): missing, empty or malformed, every
 * call is 500 `misconfigured` naming the variable — without the list
 * @clerk/backend would check no `azp` at all.
 */
export function describeAuthorizedPartiesRequired<Env>(
  call: Call<Env>,
  options: { variable: keyof Env & string; path: string; unauthorizedCode: string /** What an accepted new developer gets at `path` (default 200). */; acceptedStatus?: number },
): void {
  const withList = (value: string | undefined) => ({ [options.variable]: value }) as Partial<Env>;
  describe(`${options.variable} is required`, () => {
    it.each([
      ["missing", undefined],
      ["empty", ""],
      ["only commas", " , "],
      ["not an origin", "dashboard.example.com"],
      ["a URL with a path", "https://dashboard.example.com/app"],
    ])("%s: 500 misconfigured naming the variable, and no session is accepted", async (_label, value) => {
      const dev = await createDeveloper();
      const result = await call("GET", options.path, { token: dev.token, envOverrides: withList(value) });
      expectError(result, 500, "misconfigured");
      expect(result.body.error.message).toContain(options.variable);
    });

    it("a token whose azp is on the list passes; any other azp is 401", async () => {
      const dev = await createDeveloper();
      expect((await call("GET", options.path, { token: dev.token, envOverrides: withList("https://x.example, http://localhost:5173") })).status).toBe(options.acceptedStatus ?? 200);
      expectError(await call("GET", options.path, { token: dev.token, envOverrides: withList("https://x.example") }), 401, options.unauthorizedCode);
    });
  });
}
