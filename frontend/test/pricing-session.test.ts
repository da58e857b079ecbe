import { describe, expect, it } from "vitest";
import { ApiError } from "../src/api/client";
import { intentStep, pricingError, pricingSessionState, type PricingSessionState } from "../src/lib/pricing-session";

describe("pricingSessionState", () => {
  const here = "org_here";

  it("waits for the session and, once signed in, for the page's organization", () => {
    expect(pricingSessionState({ status: "loading", activeOrganizationId: null, organizationId: here })).toBe("loading");
    expect(pricingSessionState({ status: "signed-in", activeOrganizationId: here, organizationId: undefined })).toBe("loading");
  });

  it("is signed out without a session, whatever the page", () => {
    expect(pricingSessionState({ status: "signed-out", activeOrganizationId: null, organizationId: undefined })).toBe("signed-out");
    expect(pricingSessionState({ status: "signed-out", activeOrganizationId: null, organizationId: here })).toBe("signed-out");
  });

  it("is active here only when the session's organization is this page's", () => {
    expect(pricingSessionState({ status: "signed-in", activeOrganizationId: here, organizationId: here })).toBe("here");
  });

  it("is elsewhere for another developer's organization, for none, and while nobody has joined this developer", () => {
    expect(pricingSessionState({ status: "signed-in", activeOrganizationId: "org_other", organizationId: here })).toBe("elsewhere");
    expect(pricingSessionState({ status: "signed-in", activeOrganizationId: null, organizationId: here })).toBe("elsewhere");
    expect(pricingSessionState({ status: "signed-in", activeOrganizationId: null, organizationId: null })).toBe("elsewhere");
    expect(pricingSessionState({ status: "signed-in", activeOrganizationId: "org_other", organizationId: null })).toBe("elsewhere");
  });
});

describe("intentStep", () => {
  const steps = (intent: { join: boolean; buy: string | null }) =>
    Object.fromEntries((["loading", "signed-out", "elsewhere", "here"] as PricingSessionState[]).map((state) => [state, intentStep(state, intent)]));

  it("never joins on a plain page load", () => {
    expect(steps({ join: false, buy: null })).toEqual({ loading: "wait", "signed-out": "done", elsewhere: "done", here: "done" });
  });

  it("joins after a sign-in or sign-up from this page, and only when not already active here", () => {
    expect(steps({ join: true, buy: null })).toEqual({ loading: "wait", "signed-out": "done", elsewhere: "join", here: "done" });
  });

  it("continues a purchase once active here, joining first when asked to", () => {
    expect(steps({ join: true, buy: "pro" })).toEqual({ loading: "wait", "signed-out": "done", elsewhere: "join", here: "buy" });
  });

  it("asks before a purchase from a session that acts elsewhere", () => {
    expect(steps({ join: false, buy: "pro" })).toEqual({ loading: "wait", "signed-out": "done", elsewhere: "ask", here: "buy" });
  });
});

describe("pricingError", () => {
  it("words the join and page errors for a shopper, keeping the request id", () => {
    for (const code of ["no_tiers_configured", "preview_limit_reached", "live_mode_unavailable", "not_found", "invalid_token", "invalid_request", "invalid_api_key"]) {
      const error = pricingError(new ApiError(409, code, `raw ${code}`, "req_1", null));
      expect(error).toBeInstanceOf(ApiError);
      expect(error.message).not.toContain("raw");
      expect((error as ApiError).code).toBe(code);
      expect((error as ApiError).requestId).toBe("req_1");
    }
    expect(pricingError(new ApiError(409, "no_tiers_configured", "x", null, null)).message).toMatch(/nothing for sale/);
    expect(pricingError(new ApiError(403, "preview_limit_reached", "x", null, null)).message).toMatch(/preview/);
    expect(pricingError(new ApiError(403, "live_mode_unavailable", "x", null, null)).message).toMatch(/not open yet/);
  });

  it("passes other errors unchanged", () => {
    const other = new ApiError(500, "internal_error", "Something broke.", "req_2", null);
    expect(pricingError(other)).toBe(other);
    const plain = new Error("plain");
    expect(pricingError(plain)).toBe(plain);
    expect(pricingError("text").message).toBe("text");
  });
});
