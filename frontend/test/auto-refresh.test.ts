/** The Logs page's auto-refresh: every 5 s while the tab is visible, paused while it is hidden. */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startAutoRefresh, type VisibilitySource } from "../src/lib/auto-refresh";

/** A document whose visibility the test sets. */
function fakePage(state: DocumentVisibilityState = "visible") {
  const listeners = new Set<() => void>();
  const page: VisibilitySource & { set(next: DocumentVisibilityState): void; listeners: Set<() => void> } = {
    get visibilityState() {
      return state;
    },
    addEventListener: (_type, listener) => void listeners.add(listener),
    removeEventListener: (_type, listener) => void listeners.delete(listener),
    set(next) {
      state = next;
      for (const listener of listeners) listener();
    },
    listeners,
  };
  return page;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe("auto-refresh", () => {
  it("refreshes every 5 s while the tab is visible", async () => {
    const refresh = vi.fn(async () => undefined);
    const auto = startAutoRefresh({ intervalMs: 5000, refresh, page: fakePage() });
    await vi.advanceTimersByTimeAsync(4999);
    expect(refresh).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(refresh).toHaveBeenCalledTimes(3);
    auto.stop();
  });

  it("pauses while the tab is hidden, and refreshes at once when it comes back", async () => {
    const page = fakePage();
    const refresh = vi.fn(async () => undefined);
    const auto = startAutoRefresh({ intervalMs: 5000, refresh, page });
    await vi.advanceTimersByTimeAsync(5000);
    expect(refresh).toHaveBeenCalledTimes(1);
    page.set("hidden");
    expect(auto.running).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    page.set("visible");
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(auto.running).toBe(true);
    await vi.advanceTimersByTimeAsync(5000);
    expect(refresh).toHaveBeenCalledTimes(3);
    auto.stop();
  });

  it("does not start in a hidden tab", async () => {
    const page = fakePage("hidden");
    const refresh = vi.fn(async () => undefined);
    const auto = startAutoRefresh({ intervalMs: 5000, refresh, page });
    await vi.advanceTimersByTimeAsync(30_000);
    expect(refresh).not.toHaveBeenCalled();
    page.set("visible");
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    auto.stop();
  });

  it("never overlaps a slow refresh, and keeps going after a failed one", async () => {
    let calls = 0;
    const refresh = vi.fn(async () => {
      calls += 1;
      if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 12_000));
      if (calls === 2) throw new Error("offline");
    });
    const page = fakePage();
    const auto = startAutoRefresh({ intervalMs: 5000, refresh, page });
    await vi.advanceTimersByTimeAsync(5000);
    page.set("hidden");
    page.set("visible");
    await vi.advanceTimersByTimeAsync(11_000);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000 + 5000);
    expect(refresh).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(5000);
    expect(refresh).toHaveBeenCalledTimes(3);
    auto.stop();
  });

  it("stops for good, and lets go of the page", async () => {
    const page = fakePage();
    const refresh = vi.fn(async () => undefined);
    const auto = startAutoRefresh({ intervalMs: 5000, refresh, page });
    expect(page.listeners.size).toBe(1);
    auto.stop();
    expect(page.listeners.size).toBe(0);
    page.set("visible");
    await vi.advanceTimersByTimeAsync(30_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});
