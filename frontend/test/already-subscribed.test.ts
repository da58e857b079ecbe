import { describe, expect, it } from "vitest";
import { ApiError } from "../src/api/client";
import { alreadySubscribed } from "../src/api/public-api";

const refused = (body: unknown, status = 409, code = "already_subscribed") => new ApiError(status, code, "Customer already has an active subscription.", "req_1", body);

describe("alreadySubscribed", () => {
  it("takes the billing-portal address from api-multi's 409 already_subscribed", () => {
    const body = { error: { code: "already_subscribed", message: "…" }, portalUrl: "http://127.0.0.1:12111/portal/bps_1", requestId: "req_1" };
    expect(alreadySubscribed(refused(body))).toEqual({ portalUrl: "http://127.0.0.1:12111/portal/bps_1" });
  });

  it("answers portalUrl null when there is none or it is not an http(s) address", () => {
    expect(alreadySubscribed(refused({ portalUrl: null }))).toEqual({ portalUrl: null });
    expect(alreadySubscribed(refused({ portalUrl: "javascript:alert(1)" }))).toEqual({ portalUrl: null });
    expect(alreadySubscribed(refused(null))).toEqual({ portalUrl: null });
  });

  it("is undefined for every other error", () => {
    expect(alreadySubscribed(refused({}, 409, "conflict"))).toBeUndefined();
    expect(alreadySubscribed(refused({}, 404, "customer_not_found"))).toBeUndefined();
    expect(alreadySubscribed(new Error("network"))).toBeUndefined();
  });
});
