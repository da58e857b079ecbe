import { describe, expect, it } from "vitest";
import {
  LIVE_MODE_REQUIREMENT,
  REMEMBERED_MODE_KEY,
  defaultMode,
  liveModeMissing,
  parseMode,
  rememberMode,
  rememberedMode,
  resolveMode,
  switchModePath,
  tiersToCopy,
  withMode,
} from "../src/lib/dashboard-mode";

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

const throwing = {
  getItem: () => {
    throw new Error("SecurityError");
  },
  setItem: () => {
    throw new Error("QuotaExceededError");
  },
};

describe("the dashboard's mode", () => {
  it("is read from the URL only when it names test or live", () => {
    expect(parseMode("test")).toBe("test");
    expect(parseMode("live")).toBe("live");
    for (const value of ["", "LIVE", "Test", "production", " live", "live ", null, undefined]) expect(parseMode(value)).toBeNull();
  });

  it("defaults to live for a paid developer and test otherwise", () => {
    expect(defaultMode("paid")).toBe("live");
    expect(defaultMode("free")).toBe("test");
  });

  it("takes the URL's mode first, then the tab's last mode, then the plan's default", () => {
    expect(resolveMode({ param: "test", remembered: "live", plan: "paid" })).toBe("test");
    expect(resolveMode({ param: "live", remembered: null, plan: "free" })).toBe("live");
    expect(resolveMode({ param: null, remembered: "test", plan: "paid" })).toBe("test");
    expect(resolveMode({ param: null, remembered: null, plan: "paid" })).toBe("live");
    expect(resolveMode({ param: null, remembered: null, plan: "free" })).toBe("test");
  });

  it("treats an invalid URL value as absent", () => {
    expect(resolveMode({ param: "sandbox", remembered: null, plan: "paid" })).toBe("live");
    expect(resolveMode({ param: "sandbox", remembered: "junk", plan: "free" })).toBe("test");
    expect(resolveMode({ param: "", remembered: "live", plan: "free" })).toBe("live");
  });

  it("is unknown while nothing names it and the account is still loading", () => {
    expect(resolveMode({ param: null, remembered: null, plan: undefined })).toBeNull();
    expect(resolveMode({ param: "live", remembered: null, plan: undefined })).toBe("live");
  });
});

describe("links in the current mode", () => {
  it("add the mode to a dashboard path", () => {
    expect(withMode("/dashboard", "live")).toBe("/dashboard?mode=live");
    expect(withMode("/dashboard/customers/user%20one", "test")).toBe("/dashboard/customers/user%20one?mode=test");
  });

  it("keep the other parameters and the hash, and replace a mode already there", () => {
    expect(withMode("/dashboard?connect=success&account=acct_1", "test")).toBe("/dashboard?connect=success&account=acct_1&mode=test");
    expect(withMode("/dashboard/tiers?mode=test#new", "live")).toBe("/dashboard/tiers?mode=live#new");
    expect(withMode("/dashboard?mode=junk&mode=test", "live")).toBe("/dashboard?mode=live");
  });

  it("stay on our own origin whatever the path looks like", () => {
    expect(withMode("//attacker.example/x", "live").startsWith("/x")).toBe(true);
    expect(withMode("/\\attacker.example", "live").startsWith("//")).toBe(false);
  });
});

describe("the mode switch", () => {
  it("keeps the page and drops one-time parameters", () => {
    expect(switchModePath("/dashboard", "live")).toBe("/dashboard?mode=live");
    expect(switchModePath("/dashboard/tiers", "test")).toBe("/dashboard/tiers?mode=test");
    expect(switchModePath("/dashboard/settings", "live")).toBe("/dashboard/settings?mode=live");
  });

  it("goes from a customer's page to the list, since a customer lives in one mode", () => {
    expect(switchModePath("/dashboard/customers/e2e-user", "live")).toBe("/dashboard/customers?mode=live");
    expect(switchModePath("/dashboard/customers/e2e-user/", "test")).toBe("/dashboard/customers?mode=test");
    expect(switchModePath("/dashboard/customers", "live")).toBe("/dashboard/customers?mode=live");
  });
});

describe("the tab's last mode", () => {
  it("is remembered and read back", () => {
    const storage = memoryStorage();
    expect(rememberedMode(storage)).toBeNull();
    rememberMode(storage, "live");
    expect(storage.values.get(REMEMBERED_MODE_KEY)).toBe("live");
    expect(rememberedMode(storage)).toBe("live");
  });

  it("ignores a stored value that is not a mode", () => {
    expect(rememberedMode(memoryStorage({ [REMEMBERED_MODE_KEY]: "prod" }))).toBeNull();
  });

  it("does without storage when the browser refuses it", () => {
    expect(rememberedMode(throwing)).toBeNull();
    expect(() => rememberMode(throwing, "test")).not.toThrow();
    expect(rememberedMode(undefined)).toBeNull();
    expect(() => rememberMode(undefined, "live")).not.toThrow();
  });
});

describe("live mode", () => {
  it("needs the paid plan and a connected Stripe account", () => {
    expect(liveModeMissing({ plan: "free", stripe: { connected: false } })).toEqual({ plan: true, stripe: true, any: true });
    expect(liveModeMissing({ plan: "free", stripe: { connected: true } })).toEqual({ plan: true, stripe: false, any: true });
    expect(liveModeMissing({ plan: "paid", stripe: { connected: false } })).toEqual({ plan: false, stripe: true, any: true });
    expect(liveModeMissing({ plan: "paid", stripe: { connected: true } })).toEqual({ plan: false, stripe: false, any: false });
    expect(LIVE_MODE_REQUIREMENT).toBe("Live mode needs the paid plan ($15/month) and a connected Stripe account.");
  });

  it("offers to copy the active test tiers that live lacks by name", () => {
    const test = [
      { name: "free", archived: false },
      { name: "pro", archived: false },
      { name: "old", archived: true },
    ];
    expect(tiersToCopy(test, [])).toEqual(["free", "pro"]);
    expect(tiersToCopy(test, [{ name: "free" }])).toEqual(["pro"]);
    expect(tiersToCopy(test, [{ name: "free" }, { name: "pro" }])).toEqual([]);
    expect(tiersToCopy([], [])).toEqual([]);
  });
});
