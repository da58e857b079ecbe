import { describe, expect, it } from "vitest";
import { connectErrorMessage, GENERIC_CONNECT_ERROR } from "../src/lib/connect-errors";

describe("connectErrorMessage", () => {
  it.each(["access_denied", "missing_code", "token_exchange_failed", "invalid_request", "invalid_scope", "invalid_grant", "unsupported_response_type"])("has its own sentence for %s", (code) => {
    const message = connectErrorMessage(code);
    expect(message).not.toBe(GENERIC_CONNECT_ERROR);
    expect(message).toMatch(/\.$/);
  });

  it.each(["stripe_error", "Your account is locked. Call +1 555 0100", "<img src=x onerror=alert(1)>", "constructor", "__proto__", "toString", "", null, undefined])(
    "answers %j with the generic sentence, never the input",
    (code) => {
      expect(connectErrorMessage(code)).toBe(GENERIC_CONNECT_ERROR);
    },
  );
});
