/** What every dashboard page shares: the developer API bound to the session, and the developer's account (`/me`). */
import { createContext, useContext, type ReactNode } from "react";
import type { DeveloperApi } from "../../api/developer-api";
import type { Me } from "../../api/models";

export interface DashboardContextValue {
  api: DeveloperApi;
  me: Me;
  reloadMe: () => Promise<void>;
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
