import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "../src/lib/safe-redirect";

const origin = "http://127.0.0.1:5173";

describe("safeRedirectPath", () => {
  it.each([
    ["/dashboard/keys", "/dashboard/keys"],
    ["/dashboard/customers?q=ann#top", "/dashboard/customers?q=ann#top"],
    ["dashboard/tiers", "/dashboard/tiers"],
    [`${origin}/dashboard/tiers?x=1`, "/dashboard/tiers?x=1"],
    ["/p/pk_test_abc?buy=pro", "/p/pk_test_abc?buy=pro"],
  ])("keeps a path on our origin: %s", (to, expected) => {
    expect(safeRedirectPath(to, origin)).toBe(expected);
  });

  it.each([
    "//attacker.example",
    "//attacker.example/dashboard",
    "/\\attacker.example",
    "\\\\attacker.example",
    "\\/attacker.example",
    "/\t/attacker.example",
    "/\n/attacker.example",
    " //attacker.example",
    "https://attacker.example/dashboard",
    "http://127.0.0.1:5174/dashboard",
    "https://127.0.0.1:5173/dashboard",
    "http://127.0.0.1:5173.attacker.example/",
    "http://127.0.0.1:5173@attacker.example/",
    "javascript:alert(document.domain)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "/.//attacker.example",
    `${origin}//attacker.example`,
    "",
    null,
    undefined,
  ])("falls back to /dashboard for %j", (to) => {
    expect(safeRedirectPath(to, origin)).toBe("/dashboard");
  });

  it("uses the given fallback, and never one from the query", () => {
    expect(safeRedirectPath("//attacker.example", origin, "/")).toBe("/");
  });

  it("always returns a path with exactly one leading slash", () => {
    for (const to of ["/a", "//b", "/\\c", "/./d", "/..//e", "/%2F/f"]) {
      const path = safeRedirectPath(to, origin);
      expect(path).toMatch(/^\/(?![/\\])/);
      expect(new URL(path, origin).origin).toBe(origin);
    }
  });
});
