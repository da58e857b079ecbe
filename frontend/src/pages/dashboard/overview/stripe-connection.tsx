import { useState } from "react";
import { Badge, Button, Card, InlineError } from "../../../components/ui";
import { useDashboard } from "../dashboard-context";

/** The connected Stripe account (Connect Standard): connect, or disconnect with confirmation. */
export function StripeConnection() {
  const { api, me, reloadMe } = useDashboard();
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const connect = async () => {
    setBusy(true);
    setError(null);
    try {
      window.location.assign((await api.connectStripe()).url);
    } catch (caught) {
      setError(caught as Error);
      setBusy(false);
    }
  };
  const disconnect = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.disconnectStripe();
      setConfirming(false);
      await reloadMe();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Stripe">
      {me.stripe.connected ? (
        <div className="space-y-3">
          <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge tone="green">Connected</Badge>
            <span className="font-mono text-xs">{me.stripe.accountId}</span>
            <Badge tone={me.stripe.livemode ? "indigo" : "amber"}>{me.stripe.livemode ? "live" : "test mode"}</Badge>
          </p>
          <p className="text-sm text-slate-600">Your end-users pay on this account; you keep 100% of the revenue.</p>
          {confirming ? (
            <div className="rounded-md bg-rose-50 p-3 text-sm text-rose-800" role="alertdialog" aria-label="Confirm disconnect">
              <p>Disconnect Stripe? New checkouts stop until you connect again; existing subscriptions keep running on Stripe.</p>
              <div className="mt-2 flex gap-2">
                <Button variant="danger" onClick={() => void disconnect()} busy={busy}>
                  Yes, disconnect
                </Button>
                <Button variant="secondary" onClick={() => setConfirming(false)}>
                  Keep connected
                </Button>
              </div>
            </div>
          ) : (
            <Button variant="secondary" onClick={() => setConfirming(true)}>
              Disconnect Stripe
            </Button>
          )}
        </div>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-slate-600">Connect your own Stripe account so your end-users can pay you. Until then, test keys run checkouts in preview mode.</p>
          <Button onClick={() => void connect()} busy={busy}>
            Connect Stripe
          </Button>
        </div>
      )}
      <InlineError error={error} />
    </Card>
  );
}
