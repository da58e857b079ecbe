/**
 * Refreshes every few seconds while the tab is visible: nothing runs while
 * it is hidden (a background tab costs no requests), and coming back
 * refreshes at once, then on the interval again. A refresh never overlaps
 * the previous one. The page and the timers are passed in, so it runs (and
 * is tested) without a browser.
 */

/** The part of `document` it needs. */
export interface VisibilitySource {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: "visibilitychange", listener: () => void): void;
  removeEventListener(type: "visibilitychange", listener: () => void): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface AutoRefresh {
  /** Stops for good (the page is left). */
  stop(): void;
  /** True while it is waiting for its next refresh (visible and not stopped). */
  readonly running: boolean;
}

export function startAutoRefresh(options: { intervalMs: number; refresh: () => Promise<unknown>; page: VisibilitySource; timers?: Timers }): AutoRefresh {
  const timers: Timers = options.timers ?? {
    setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
    clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let timer: unknown = null;
  let stopped = false;
  let inFlight = false;

  const hidden = () => options.page.visibilityState === "hidden";
  const clear = () => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
  };
  const schedule = () => {
    clear();
    if (!stopped && !hidden()) timer = timers.setTimeout(tick, options.intervalMs);
  };
  const tick = () => {
    timer = null;
    if (stopped || hidden() || inFlight) return;
    inFlight = true;
    void options
      .refresh()
      .catch(() => undefined)
      .finally(() => {
        inFlight = false;
        schedule();
      });
  };
  const onVisibility = () => {
    if (stopped) return;
    if (hidden()) clear();
    else if (timer === null && !inFlight) tick();
  };

  options.page.addEventListener("visibilitychange", onVisibility);
  schedule();
  return {
    stop() {
      stopped = true;
      clear();
      options.page.removeEventListener("visibilitychange", onVisibility);
    },
    get running() {
      return timer !== null;
    },
  };
}
