/**
 * What every dashboard page shares: the developer API bound to the session,
 * the developer's account (`/me`), and the mode the dashboard shows. The mode
 * comes from the URL (`?mode=`, read once by the layout) and only from here:
 * pages pass `mode` to every tenant-scoped call and build their links with
 * `modeLink`, so a page never picks a mode of its own.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { DeveloperApi } from "../../api/developer-api";
import type { Me } from "../../api/models";
import type { DashboardMode } from "../../lib/dashboard-mode";

export interface DashboardContextValue {
  api: DeveloperApi;
  me: Me;
  reloadMe: () => Promise<void>;
  /** The world every page shows and every tenant-scoped call names. */
  mode: DashboardMode;
  /** A dashboard path in the current mode (`/dashboard/tiers` → `/dashboard/tiers?mode=live`). */
  modeLink: (to: string) => string;
}

const DashboardContext = createContext<DashboardContextValue | null>(null);

export function DashboardProvider({ value, children }: { value: DashboardContextValue; children: ReactNode }) {
  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}

export function useDashboard(): DashboardContextValue {
  const value = useContext(DashboardContext);
  if (!value) throw new Error("useDashboard() outside the dashboard");
  return value;
}
