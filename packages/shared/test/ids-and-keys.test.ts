import { describe, expect, it } from "vitest";
import { PLATFORM_ID_PATTERN, PUBLISHABLE_KEY_PATTERN, SECRET_KEY_PATTERN, issueKeyPair, keyMode, newPlatformId, randomBase62, sha256Hex } from "../src";

describe("ids and keys", () => {
  it("generates prefixed ids and keys of the documented shapes", async () => {
    expect(newPlatformId()).toMatch(PLATFORM_ID_PATTERN);
    const live = await issueKeyPair("live");
    expect(live.publishableKey).toMatch(/^pk_live_[0-9A-Za-z]{28}$/);
    expect(live.secretKey).toMatch(/^sk_live_[0-9A-Za-z]{40}$/);
    expect(live.publishableKey).toMatch(PUBLISHABLE_KEY_PATTERN);
    expect(live.secretKey).toMatch(SECRET_KEY_PATTERN);
    expect(keyMode((await issueKeyPair("test")).secretKey)).toBe("test");
  });

  it("stores only a hash and a short prefix of the secret", async () => {
    const pair = await issueKeyPair("test");
    expect(pair.secretHash).toBe(await sha256Hex(pair.secretKey));
    expect(pair.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pair.secretPrefix).toBe(`${pair.secretKey.slice(0, 12)}…`);
  });

  it("hashes like the SHA-256 reference", async () => {
    expect(await sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("draws base62 characters uniformly and without repeats across keys", () => {
    const sample = randomBase62(62 * 2000);
    const counts = new Map<string, number>();
    for (const char of sample) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(62);
    for (const count of counts.values()) expect(count).toBeGreaterThan(1500);
    const keys = new Set(Array.from({ length: 1000 }, () => randomBase62(32)));
    expect(keys.size).toBe(1000);
  });
});
