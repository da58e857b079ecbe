/**
 * The browser guard: in a page (a `window` with a `document`) a secret key
 * is refused unless explicitly allowed; public tiers and end-user calls work.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DreamApi, DreamApiConfigurationError } from "../src/index.js";
import { stack } from "./support/stack.js";

describe("in a browser", () => {
  beforeEach(() => {
    (globalThis as { window?: unknown }).window = { document: {} };
  });
  afterEach(() => {
    delete (globalThis as { window?: unknown }).window;
  });

  it("refuses a secret key with a clear error", () => {
    expect(() => new DreamApi({ baseUrl: stack.apiUrl, secretKey: stack.secretKey })).toThrow(DreamApiConfigurationError);
    expect(() => new DreamApi({ secretKey: stack.secretKey })).toThrow(/must never be used in a browser/);
  });

  it("allows it with dangerouslyAllowBrowser", async () => {
    const dream = new DreamApi({ baseUrl: stack.apiUrl, secretKey: stack.secretKey, dangerouslyAllowBrowser: true });
    expect((await dream.tiers.list()).tiers.length).toBeGreaterThan(0);
  });

  it("lists public tiers with a publishable key", async () => {
    const dream = new DreamApi({ baseUrl: stack.apiUrl, publishableKey: stack.publishableKey });
    expect((await dream.tiers.listPublic()).tiers.map((tier) => tier.name)).toContain("pro");
  });
});

describe("outside a browser", () => {
  it("accepts a secret key (Node, Deno, Workers have no window.document)", () => {
    (globalThis as { window?: unknown }).window = {}; // e.g. Deno 1.x defines `window` without a document
    try {
      expect(() => new DreamApi({ secretKey: stack.secretKey })).not.toThrow();
    } finally {
      delete (globalThis as { window?: unknown }).window;
    }
  });

  it("validates its settings", () => {
    expect(() => new DreamApi({ timeoutMs: 0 })).toThrow(/timeoutMs/);
    expect(() => new DreamApi({ maxRetries: -1 })).toThrow(/maxRetries/);
    expect(() => new DreamApi({ maxRetries: 1.5 })).toThrow(/maxRetries/);
  });
});
