/**
 * Going live with the tiers already tried in test mode: when live mode lacks
 * some active test tiers (by name), one button copies them
 * (POST /products/copy-to-live) and says which were copied. Shown on the
 * Tiers page in live mode once live mode is available.
 */
import { useState } from "react";
import type { Tier } from "../../api/models";
import { Button, ErrorState, InlineError, Loading } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { tiersToCopy } from "../../lib/dashboard-mode";
import { useDashboard } from "./dashboard-context";

function displayNames(names: readonly string[], tiers: readonly Tier[]): string {
  return names.map((name) => tiers.find((tier) => tier.name === name)?.displayName ?? name).join(", ");
}

export function CopyTestTiers({ liveTiers, onCopied }: { liveTiers: Tier[]; onCopied: () => Promise<void> }) {
  const { api } = useDashboard();
  // The test tiers are read to know what live lacks; this card never changes them.
  const test = useAsync(() => api.tiers("test"), [api]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const copy = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.copyTiersToLive();
      setCopied(result.copied.length ? `Copied to live mode: ${displayNames(result.copied, result.tiers)}.` : "Nothing to copy: every active test tier already has a live tier of the same name.");
      await onCopied();
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  if (test.error)
    return (
      <div className="mb-4">
        <ErrorState error={test.error} onRetry={() => void test.reload()} />
      </div>
    );
  if (!test.data) return <Loading label="Loading your test tiers…" />;
  const missing = tiersToCopy(test.data.tiers, liveTiers);

  return (
    <>
      {copied ? (
        <p className="mb-4 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800" role="status">
          {copied}
        </p>
      ) : null}
      {missing.length ? (
        <div className="mb-4 rounded-lg border border-indigo-200 bg-indigo-50/40 p-4 text-sm text-slate-700">
          <p>
            {liveTiers.length === 0 ? "Live mode has no tiers yet." : `Live mode lacks ${missing.length === 1 ? "one of your test tiers" : `${missing.length} of your test tiers`}.`} Copy{" "}
            <strong>{displayNames(missing, test.data.tiers)}</strong> from test mode: paid ones get a product and a price on your Stripe account in live mode, and your test tiers stay as they are.
          </p>
          <Button className="mt-3" onClick={() => void copy()} busy={busy}>
            Copy test tiers to live
          </Button>
          <InlineError error={error} />
        </div>
      ) : (
        <InlineError error={error} />
      )}
    </>
  );
}
