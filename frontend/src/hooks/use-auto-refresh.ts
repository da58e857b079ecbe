import { useEffect, useRef, useState } from "react";
import { startAutoRefresh } from "../lib/auto-refresh";

/** Calls `refresh` every `intervalMs` while the tab is visible and `enabled` (see lib/auto-refresh). */
export function useAutoRefresh(refresh: () => Promise<unknown>, intervalMs: number, enabled: boolean): void {
  const latest = useRef(refresh);
  latest.current = refresh;
  useEffect(() => {
    if (!enabled) return;
    const auto = startAutoRefresh({ intervalMs, refresh: () => latest.current(), page: document });
    return () => auto.stop();
  }, [intervalMs, enabled]);
}

/** The time now, ticking every `everyMs` (for "updated 3s ago"). */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
