import { useMemo } from "react";
import { NavLink, Navigate, Outlet, useLocation } from "react-router";
import { developerApi } from "../../api/developer-api";
import { useAuth } from "../../auth/auth-context";
import { Badge, Button, ErrorState, Loading } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { DashboardProvider } from "./dashboard-context";

const NAV = [
  { to: "/dashboard", label: "Overview", end: true },
  { to: "/dashboard/tiers", label: "Tiers" },
  { to: "/dashboard/keys", label: "Keys" },
  { to: "/dashboard/customers", label: "Customers" },
  { to: "/dashboard/settings", label: "Settings" },
];

export function DashboardLayout() {
  const auth = useAuth();
  const location = useLocation();
  const api = useMemo(() => developerApi(() => auth.getToken()), [auth]);
  const me = useAsync(() => api.me(), [api]);

  if (auth.status === "loading") return <Loading />;
  if (auth.status === "signed-out") return <Navigate to={`/?signin=1&to=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  return (
    <div className="min-h-screen bg-slate-50">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-3">
            <NavLink to="/" className="text-lg font-bold text-indigo-600">
              dream-api
            </NavLink>
            {me.data ? <Badge tone={me.data.plan === "paid" ? "green" : "slate"}>{me.data.plan === "paid" ? "PAID" : "FREE"}</Badge> : null}
          </div>
          <Button variant="ghost" onClick={() => void auth.signOut()}>
            Sign out
          </Button>
        </div>
        <nav aria-label="Dashboard" className="mx-auto max-w-6xl overflow-x-auto px-4">
          <ul className="flex gap-1">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={item.to}
                  end={item.end ?? false}
                  className={({ isActive }) =>
                    `block whitespace-nowrap border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                      isActive ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"
                    }`
                  }
                >
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-6">
        {me.error ? <ErrorState error={me.error} onRetry={() => void me.reload()} /> : null}
        {!me.data && me.loading ? <Loading label="Loading your account…" /> : null}
        {me.data ? (
          <DashboardProvider value={{ api, me: me.data, reloadMe: me.reload }}>
            <Outlet />
          </DashboardProvider>
        ) : null}
      </main>
    </div>
  );
}
