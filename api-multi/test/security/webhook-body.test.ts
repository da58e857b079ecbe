/**
 * The webhook route is open to anyone (the signature is its authentication),
 * so its body's size is checked before the body is read: a declared
 * Content-Length over the cap is refused at once, and a body of unknown
 * length is cut off as soon as it passes the cap.
 */
import { MAX_WEBHOOK_BODY_BYTES } from "@dream-api/shared/stripe";
import { describe, expect, it } from "vitest";
import { call, expectErrorShape as expectError } from "../harness";

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
  return { stream, pulled: () => pulled };
}

describe("POST /webhook/stripe body size", () => {
  it("refuses a streamed body as soon as it passes the cap, without reading the rest", async () => {
    const body = endlessBody();
    const result = await call("POST", "/webhook/stripe", { rawBody: body.stream, headers: { "Stripe-Signature": "t=1,v1=00" } });
    expectError(result, 400, "body_too_large");
    expect(body.pulled()).toBeLessThanOrEqual(MAX_WEBHOOK_BODY_BYTES + 2 * 64 * 1024);
  });

  it("refuses a declared length over the cap", async () => {
    const result = await call("POST", "/webhook/stripe", { rawBody: " ".repeat(MAX_WEBHOOK_BODY_BYTES + 1), headers: { "Stripe-Signature": "t=1,v1=00" } });
    expectError(result, 400, "body_too_large");
  });
});
