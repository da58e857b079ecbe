import { useCallback, useEffect, useMemo } from "react";
import { NavLink, Navigate, Outlet, useLocation, useSearchParams } from "react-router";
import { developerApi } from "../../api/developer-api";
import { useAuth } from "../../auth/auth-context";
import { Badge, Button, ErrorState, Loading } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { MODE_PARAM, parseMode, rememberedMode, rememberMode, resolveMode, switchModePath, withMode } from "../../lib/dashboard-mode";
import { DashboardProvider } from "./dashboard-context";
import { ModeSwitch, TestModeBanner } from "./mode";

const NAV = [
  { to: "/dashboard", label: "Overview", end: true },
  { to: "/dashboard/tiers", label: "Tiers" },
  { to: "/dashboard/keys", label: "Keys" },
  { to: "/dashboard/customers", label: "Customers" },
  { to: "/dashboard/webhooks", label: "Webhooks" },
  { to: "/dashboard/logs", label: "Logs" },
  { to: "/dashboard/settings", label: "Settings" },
];

/** This tab's sessionStorage, or undefined where the browser refuses it. */
function tabStorage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function DashboardLayout() {
  const auth = useAuth();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const api = useMemo(() => developerApi(() => auth.getToken()), [auth]);
  const me = useAsync(() => api.me(), [api]);

  // The URL names the mode; without a valid one (a first visit, a redirect from Stripe) the tab's last mode or the plan's default is written into it.
  const urlMode = parseMode(params.get(MODE_PARAM));
  const mode = resolveMode({ param: urlMode, remembered: rememberedMode(tabStorage()), plan: me.data?.plan });
  useEffect(() => {
    if (!mode) return;
    rememberMode(tabStorage(), mode);
    if (urlMode !== mode) {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          next.set(MODE_PARAM, mode);
          return next;
        },
        { replace: true },
      );
    }
  }, [mode, urlMode, setParams]);
  // Until the mode is known (the account is loading) a link names none, and the page it opens resolves it.
  const modeLink = useCallback((to: string) => (mode ? withMode(to, mode) : to), [mode]);
  const context = useMemo(() => (me.data && mode ? { api, me: me.data, reloadMe: me.reload, mode, modeLink } : null), [api, me.data, me.reload, mode, modeLink]);

  if (auth.status === "loading") return <Loading />;
  if (auth.status === "signed-out") return <Navigate to={`/?signin=1&to=${encodeURIComponent(location.pathname + location.search)}`} replace />;

  return (
    <div className="min-h-screen bg-slate-50">
      {mode === "test" ? <TestModeBanner /> : null}
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-3">
            <NavLink to="/" className="text-lg font-bold text-indigo-600">
              dream-api
            </NavLink>
            {me.data ? <Badge tone={me.data.plan === "paid" ? "green" : "slate"}>{me.data.plan === "paid" ? "PAID" : "FREE"}</Badge> : null}
          </div>
          <div className="flex items-center gap-2">
            {mode ? <ModeSwitch mode={mode} pathFor={(target) => switchModePath(location.pathname, target)} /> : null}
            <Button variant="ghost" onClick={() => void auth.signOut()}>
              Sign out
            </Button>
          </div>
        </div>
        <nav aria-label="Dashboard" className="mx-auto max-w-6xl overflow-x-auto px-4">
          <ul className="flex gap-1">
            {NAV.map((item) => (
              <li key={item.to}>
                <NavLink
                  to={modeLink(item.to)}
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
        {!context && me.loading ? <Loading label="Loading your account…" /> : null}
        {context ? (
          <DashboardProvider value={context}>
            {/* A new mode is another world: every page starts afresh (no numbers, forms or pages of the other one linger). */}
            <Outlet key={context.mode} />
          </DashboardProvider>
        ) : null}
      </main>
    </div>
  );
}
