import { describe, expect, it } from "vitest";
import { activeOrganizationOf, actsFor } from "../src/lib/active-organization";

describe("activeOrganizationOf", () => {
  it("reads Clerk's v2 claim o.id", () => {
    expect(activeOrganizationOf({ v: 2, sub: "user_1", o: { id: "org_A", slg: "acme", rol: "member" } })).toBe("org_A");
  });

  it("reads the v1 claim org_id", () => {
    expect(activeOrganizationOf({ sub: "user_1", org_id: "org_B", org_role: "org:member" })).toBe("org_B");
  });

  it("prefers o.id when a token has both", () => {
    expect(activeOrganizationOf({ o: { id: "org_A" }, org_id: "org_B" })).toBe("org_A");
  });

  it("is null without an active organization or with a malformed claim", () => {
    for (const claims of [{}, { o: null }, { o: "org_A" }, { o: ["org_A"] }, { o: { id: 7 } }, { o: { id: "" } }, { org_id: "" }, { org_id: 1 }]) {
      expect(activeOrganizationOf(claims), JSON.stringify(claims)).toBeNull();
    }
  });
});

describe("actsFor", () => {
  it("matches only the page's own organization, and nothing while it is unknown", () => {
    expect(actsFor({ o: { id: "org_A" } }, "org_A")).toBe(true);
    expect(actsFor({ o: { id: "org_A" } }, "org_B")).toBe(false);
    expect(actsFor({}, "org_A")).toBe(false);
    expect(actsFor({}, null)).toBe(false);
  });
});
