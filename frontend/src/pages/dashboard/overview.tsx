import { useEffect } from "react";
import { useSearchParams } from "react-router";
import { ErrorState, Loading } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { connectErrorMessage } from "../../lib/connect-errors";
import { useDashboard } from "./dashboard-context";
import { LiveModeRequired } from "./mode";
import { OnboardingChecklist } from "./overview/checklist";
import { Metrics } from "./overview/metrics";
import { PlanCard } from "./overview/plan-card";
import { StripeConnection } from "./overview/stripe-connection";

/**
 * Dashboard home: the account (plan, Stripe) and the current mode's metrics.
 * Also the landing spot of Stripe's redirects (?checkout=…, ?connect=…),
 * announced in a banner.
 */
export function Overview() {
  const { api, me, reloadMe, mode } = useDashboard();
  const [params] = useSearchParams();
  const dashboard = useAsync(() => api.dashboard(mode), [api, mode]);
  const tiers = useAsync(() => api.tiers(mode), [api, mode]);
  const checkout = params.get("checkout");
  const connect = params.get("connect");

  // After paying, Stripe's webhook moves the plan within seconds: poll until it shows.
  useEffect(() => {
    if (checkout !== "success" || me.plan === "paid") return;
    const timer = setInterval(() => void reloadMe(), 1500);
    return () => clearInterval(timer);
  }, [checkout, me.plan, reloadMe]);

  return (
    <div className="space-y-6">
      {checkout === "success" ? (
        <Banner tone={me.plan === "paid" ? "green" : "indigo"}>{me.plan === "paid" ? "You are on the paid plan. Thank you!" : "Payment received — confirming with Stripe…"}</Banner>
      ) : checkout === "canceled" ? (
        <Banner tone="amber">Checkout canceled; nothing was charged.</Banner>
      ) : null}
      {connect === "success" ? <Banner tone="green">Stripe account connected.</Banner> : null}
      {connect === "error" ? <Banner tone="red">{connectErrorMessage(params.get("error"))}</Banner> : null}
      {mode === "live" ? <LiveModeRequired withActions={false} /> : null}
      <div className="grid gap-6 lg:grid-cols-2">
        <PlanCard />
        <StripeConnection />
      </div>
      <OnboardingChecklist dashboard={dashboard.data} tiers={tiers.data?.tiers} />
      {dashboard.error ? <ErrorState error={dashboard.error} onRetry={() => void dashboard.reload()} /> : null}
      {!dashboard.data && dashboard.loading ? <Loading label="Loading metrics…" /> : null}
      {dashboard.data ? <Metrics dashboard={dashboard.data} /> : null}
    </div>
  );
}

function Banner({ tone, children }: { tone: "green" | "amber" | "red" | "indigo"; children: React.ReactNode }) {
  const tones = { green: "bg-emerald-50 text-emerald-800", amber: "bg-amber-50 text-amber-800", red: "bg-rose-50 text-rose-800", indigo: "bg-indigo-50 text-indigo-800" };
  return (
    <div className={`rounded-md p-3 text-sm ${tones[tone]}`} role="status">
      {children}
    </div>
  );
}
