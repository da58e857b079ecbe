import { describe, expect, it } from "vitest";
import { accentOf, logoOf, supportMailto } from "../src/lib/brand";

const NONE = { displayName: null, logoUrl: null, accentColor: null, supportEmail: null };

describe("the brand on the pricing page", () => {
  it("uses what the developer set", () => {
    const brand = { displayName: "Acme AI", logoUrl: "https://app.example/logo.png", accentColor: "#4F46E5", supportEmail: "support@app.example" };
    expect(accentOf(brand)).toBe("#4F46E5");
    expect(logoOf(brand)).toBe("https://app.example/logo.png");
    expect(supportMailto(brand)).toBe("mailto:support@app.example");
  });

  it("falls back to the default look when a field is unset, or not what the API promises", () => {
    for (const brand of [undefined, NONE]) {
      expect(accentOf(brand)).toBeNull();
      expect(logoOf(brand)).toBeNull();
      expect(supportMailto(brand)).toBeNull();
    }
    expect(accentOf({ ...NONE, accentColor: "red;background:url(x)" })).toBeNull();
    expect(logoOf({ ...NONE, logoUrl: "javascript:alert(1)" })).toBeNull();
    expect(supportMailto({ ...NONE, supportEmail: "a@b.example?subject=x" })).toBeNull();
  });
});
