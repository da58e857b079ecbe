/** The Test / Live switch of the header, the test-mode banner, and what a live action shows while live mode is not available. */
import { useState } from "react";
import { Link } from "react-router";
import { Button, InlineError } from "../../components/ui";
import { LIVE_MODE_REQUIREMENT, liveModeMissing, type DashboardMode } from "../../lib/dashboard-mode";
import { useDashboard } from "./dashboard-context";

const SWITCH = [
  { mode: "test", label: "Test", active: "bg-orange-500 text-white" },
  { mode: "live", label: "Live", active: "bg-emerald-600 text-white" },
] as const;

/** Two links, so the other world is a real, shareable address (`href` from `pathFor`); the current one is marked `aria-current`. */
export function ModeSwitch({ mode, pathFor }: { mode: DashboardMode; pathFor: (mode: DashboardMode) => string }) {
  return (
    <nav aria-label="Mode" className="inline-flex shrink-0 rounded-full border border-slate-200 bg-slate-100 p-0.5">
      {SWITCH.map((item) => (
        <Link
          key={item.mode}
          to={pathFor(item.mode)}
          aria-current={mode === item.mode ? "true" : undefined}
          className={`rounded-full px-3 py-1 text-xs font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 ${mode === item.mode ? item.active : "text-slate-600 hover:text-slate-900"}`}
        >
          {item.label}
        </Link>
      ))}
    </nav>
  );
}

export function TestModeBanner() {
  return (
    <div role="status" className="bg-orange-500 px-4 py-1.5 text-center text-xs font-medium text-white sm:text-sm">
      Test mode — you are viewing test data. Nothing here touches real customers or money.
    </div>
  );
}

/**
 * In place of a live action while the developer lacks the paid plan or a
 * connected Stripe account: the one sentence, and the step that fixes it as
 * a button (`withActions={false}` where the page itself shows those
 * buttons, below the notice: the Overview). Renders
 * nothing once live mode is available.
 */
export function LiveModeRequired({ withActions = true }: { withActions?: boolean }) {
  const { api, me } = useDashboard();
  const missing = liveModeMissing(me);
  const [busy, setBusy] = useState<"upgrade" | "connect" | null>(null);
  const [error, setError] = useState<Error | null>(null);
  if (!missing.any) return null;

  const leaveFor = async (which: "upgrade" | "connect", start: () => Promise<{ url: string }>) => {
    setBusy(which);
    setError(null);
    try {
      window.location.assign((await start()).url);
    } catch (caught) {
      setError(caught as Error);
      setBusy(null);
    }
  };
  const next = withActions
    ? missing.plan && missing.stripe
      ? "Upgrade, then connect Stripe."
      : missing.plan
        ? "Upgrade to use it."
        : "Connect Stripe to use it."
    : missing.plan && missing.stripe
      ? "Subscribe and connect Stripe below."
      : missing.plan
        ? "Subscribe below."
        : "Connect Stripe below.";

  return (
    <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" role="note" aria-label="Live mode unavailable">
      <p>
        {LIVE_MODE_REQUIREMENT} {next}
      </p>
      {withActions ? (
        <div className="mt-2 flex flex-wrap gap-2">
          {missing.plan ? (
            <Button onClick={() => void leaveFor("upgrade", api.subscribe)} busy={busy === "upgrade"}>
              Upgrade
            </Button>
          ) : null}
          {missing.stripe ? (
            <Button variant={missing.plan ? "secondary" : "primary"} onClick={() => void leaveFor("connect", api.connectStripe)} busy={busy === "connect"}>
              Connect Stripe
            </Button>
          ) : null}
        </div>
      ) : null}
      <InlineError error={error} />
    </div>
  );
}
