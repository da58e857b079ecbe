import { describe, expect, it } from "vitest";
import { legacyRedirectPath, modeOfPublishableKey, parsePricingPath, pricingPath, pricingReturnPath, takeIntent } from "../src/lib/pricing-address";

describe("parsePricingPath", () => {
  it("reads a platform's live page and its test page", () => {
    expect(parsePricingPath("/p/plt_8dJ2kQ")).toEqual({ kind: "platform", platformId: "plt_8dJ2kQ", mode: "live" });
    expect(parsePricingPath("/p/plt_8dJ2kQ/test")).toEqual({ kind: "platform", platformId: "plt_8dJ2kQ", mode: "test" });
    expect(parsePricingPath("/p/plt_8dJ2kQ/test/")).toEqual({ kind: "platform", platformId: "plt_8dJ2kQ", mode: "test" });
  });

  it("recognises old links by publishable key, in the key's mode", () => {
    expect(parsePricingPath("/p/pk_test_AbC123")).toEqual({ kind: "legacy", publishableKey: "pk_test_AbC123", mode: "test" });
    expect(parsePricingPath("/p/pk_live_AbC123/")).toEqual({ kind: "legacy", publishableKey: "pk_live_AbC123", mode: "live" });
  });

  it("serves nothing else", () => {
    for (const path of ["/p", "/p/", "/p//test", "/p/plt_1/live", "/p/plt_1/test/more", "/p/pk_test_1/test", "/q/plt_1", "/p/%E0%A4%A", "/p/%20plt_1"]) {
      expect(parsePricingPath(path), path).toBeNull();
    }
  });

  it("decodes the platform id and encodes it again when building the address", () => {
    const parsed = parsePricingPath("/p/plt%5Fx");
    expect(parsed).toEqual({ kind: "platform", platformId: "plt_x", mode: "live" });
    expect(pricingPath({ platformId: "a/b?c", mode: "test" })).toBe("/p/a%2Fb%3Fc/test");
  });
});

describe("pricingPath", () => {
  it("is the stable address of a platform and mode, and parses back to it", () => {
    expect(pricingPath({ platformId: "plt_8dJ2kQ", mode: "live" })).toBe("/p/plt_8dJ2kQ");
    expect(pricingPath({ platformId: "plt_8dJ2kQ", mode: "test" })).toBe("/p/plt_8dJ2kQ/test");
    for (const mode of ["live", "test"] as const) expect(parsePricingPath(pricingPath({ platformId: "plt_8dJ2kQ", mode }))).toEqual({ kind: "platform", platformId: "plt_8dJ2kQ", mode });
  });
});

describe("legacyRedirectPath", () => {
  it("sends a test key to the test page and a live key to the live page, keeping the query", () => {
    expect(legacyRedirectPath("pk_test_AbC", "plt_1")).toBe("/p/plt_1/test");
    expect(legacyRedirectPath("pk_live_AbC", "plt_1", "?checkout=success")).toBe("/p/plt_1?checkout=success");
    expect(legacyRedirectPath("pk_test_AbC", "plt_1", "buy=pro")).toBe("/p/plt_1/test?buy=pro");
  });

  it("knows the mode of a publishable key", () => {
    expect(modeOfPublishableKey("pk_test_x")).toBe("test");
    expect(modeOfPublishableKey("pk_live_x")).toBe("live");
    expect(modeOfPublishableKey("sk_live_x")).toBeNull();
    expect(modeOfPublishableKey("plt_x")).toBeNull();
  });
});

describe("the sign-in round trip's intent", () => {
  it("is carried in the return address", () => {
    expect(pricingReturnPath({ platformId: "plt_1", mode: "live" }, { join: true, buy: null })).toBe("/p/plt_1?join=1");
    expect(pricingReturnPath({ platformId: "plt_1", mode: "test" }, { join: true, buy: "pro plan" })).toBe("/p/plt_1/test?join=1&buy=pro+plan");
    expect(pricingReturnPath({ platformId: "plt_1", mode: "live" }, { join: false, buy: null })).toBe("/p/plt_1");
  });

  it("is taken out of the query, which keeps everything else", () => {
    expect(takeIntent("?join=1&buy=pro+plan&checkout=success")).toEqual({ intent: { join: true, buy: "pro plan" }, rest: "?checkout=success" });
    expect(takeIntent("?buy=pro")).toEqual({ intent: { join: false, buy: "pro" }, rest: "" });
    expect(takeIntent("")).toEqual({ intent: { join: false, buy: null }, rest: "" });
    expect(takeIntent("?join=yes&buy=")).toEqual({ intent: { join: false, buy: null }, rest: "" });
  });
});
