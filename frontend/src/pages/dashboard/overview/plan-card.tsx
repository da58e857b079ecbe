import { useState } from "react";
import { Badge, Button, Card, UsageBar, InlineError } from "../../../components/ui";
import { formatDate } from "../../../lib/format";
import { useDashboard } from "../dashboard-context";

/** Plan badge, platform usage this month, upgrade call-to-action near and at the limit, subscribe / manage. */
export function PlanCard() {
  const { api, me, reloadMe } = useDashboard();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const { usage } = me;
  const ratio = usage.limit ? usage.count / usage.limit : 0;

  const run = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    setError(null);
    try {
      await action();
      await reloadMe();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(null);
    }
  };
  const subscribe = () => run("subscribe", async () => window.location.assign((await api.subscribe()).url));
  const manage = () => run("manage", async () => window.location.assign((await api.manageSubscription()).url));

  return (
    <Card
      title={
        <span className="flex items-center gap-2">
          Your plan <Badge tone={me.plan === "paid" ? "green" : "slate"}>{me.plan === "paid" ? "PAID" : "FREE"}</Badge>
        </span>
      }
      actions={
        me.plan === "paid" ? (
          <Button variant="secondary" onClick={manage} busy={busy === "manage"}>
            Manage subscription
          </Button>
        ) : (
          <Button onClick={subscribe} busy={busy === "subscribe"}>
            Subscribe — $15/month
          </Button>
        )
      }
    >
      <UsageBar count={usage.count} limit={usage.limit} label="calls this month" />
      <p className="mt-1 text-xs text-slate-500">
        Billing period {formatDate(usage.periodStart)} – {formatDate(usage.periodEnd)}
      </p>
      {me.subscription?.cancelAtPeriodEnd ? (
        <p className="mt-2 text-sm text-amber-700">Your subscription ends on {formatDate(me.subscription.currentPeriodEnd)}; you stay on the paid plan until then.</p>
      ) : null}
      {me.plan === "free" && ratio >= 1 ? (
        <div className="mt-3 rounded-md bg-rose-50 p-3 text-sm text-rose-800" role="alert">
          You have used all {usage.limit} calls of the free plan this month. Upgrade for 500 calls a month and live keys.
          <Button className="mt-2 block" onClick={subscribe} busy={busy === "subscribe"}>
            Upgrade now
          </Button>
        </div>
      ) : me.plan === "free" && ratio >= 0.6 ? (
        <p className="mt-3 rounded-md bg-amber-50 p-3 text-sm text-amber-800">You are close to the free plan's limit. Upgrade for 500 calls a month.</p>
      ) : null}
      <div className="mt-4 flex flex-wrap items-center gap-2">
        <Button variant="secondary" onClick={() => run("meter", async () => void (await api.verifyAuth()))} busy={busy === "meter"}>
          Make a metered test call
        </Button>
        <Button variant="ghost" onClick={() => void reloadMe()}>
          Refresh
        </Button>
      </div>
      <InlineError error={error} />
    </Card>
  );
}
