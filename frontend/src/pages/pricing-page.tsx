/**
 * A developer's hosted pricing page (/p/<publishableKey>): public tiers with
 * buy buttons. Buying needs a signed-in end-user of the shared end-user-api
 * app; checkout is opened with the end-user's own session on the
 * developer's Stripe account.
 */
import { useEffect, useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import type { PublicTier } from "../api/types";
import { publicApi } from "../api/public-api";
import { claimsOf, LocalSession } from "../auth/local-session";
import { PricingTable } from "../components/pricing-table";
import { Button, Empty, ErrorState, Loading } from "../components/ui";
import { useAsync } from "../hooks/use-async";

export function PricingPage() {
  const { publishableKey = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const session = useMemo(() => new LocalSession("end-user-api", `dream.endUser.${publishableKey}`), [publishableKey]);
  const [signedIn, setSignedIn] = useState(() => session.read() !== null);
  const [busyTier, setBusyTier] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const tiers = useAsync(() => publicApi.tiers(publishableKey), [publishableKey]);

  const startCheckout = async (tierName: string) => {
    setBusyTier(tierName);
    setError(null);
    try {
      const token = await session.token();
      if (!token) {
        setSignedIn(false);
        throw new Error("Your session ended. Sign in again to buy.");
      }
      if (claimsOf(token)["publishableKey"] !== publishableKey) {
        throw new Error("This account belongs to another app. Sign out and sign up here to buy.");
      }
      window.location.assign((await publicApi.checkout(token, tierName)).url);
    } catch (caught) {
      setError(caught as Error);
      setBusyTier(null);
    }
  };

  // Back from the sign-up page: keep the session from the fragment, then continue to checkout.
  useEffect(() => {
    if (session.captureFromHash(window.location.hash)) {
      setSignedIn(true);
      window.history.replaceState(null, "", window.location.pathname + window.location.search);
    }
    const buy = params.get("buy");
    if (buy && session.read()) {
      setParams({}, { replace: true });
      void startCheckout(buy);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const buy = (tier: PublicTier) => {
    if (!session.read()) {
      const back = `${window.location.origin}/p/${publishableKey}?buy=${encodeURIComponent(tier.name)}`;
      window.location.assign(session.pageUrl("sign-up", back, { publishable_key: publishableKey }));
      return;
    }
    void startCheckout(tier.name);
  };

  return (
    <main className="mx-auto min-h-screen max-w-5xl px-4 py-10">
      <header className="mb-8 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight text-slate-900">Pricing</h1>
        {signedIn ? (
          <Button
            variant="ghost"
            onClick={() => {
              void session.signOut();
              setSignedIn(false);
            }}
          >
            Sign out
          </Button>
        ) : (
          <Button variant="secondary" onClick={() => window.location.assign(session.pageUrl("sign-in", window.location.href))}>
            Sign in
          </Button>
        )}
      </header>
      {params.get("checkout") === "success" ? (
        <p className="mb-6 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800" role="status">
          Thank you! Your purchase is confirmed.
        </p>
      ) : null}
      {error ? <div className="mb-6"><ErrorState error={error} /></div> : null}
      {tiers.error ? <ErrorState error={tiers.error} onRetry={() => void tiers.reload()} /> : null}
      {!tiers.data && tiers.loading ? <Loading label="Loading prices…" /> : null}
      {tiers.data && tiers.data.tiers.length === 0 ? <Empty>Nothing for sale yet.</Empty> : null}
      {tiers.data && tiers.data.tiers.length > 0 ? <PricingTable tiers={tiers.data.tiers} onBuy={buy} busyTier={busyTier} /> : null}
      {tiers.data?.mode === "preview" ? <p className="mt-6 text-center text-xs text-slate-500">Preview mode: test payments only.</p> : null}
      <p className="mt-10 text-center text-xs text-slate-400">Payments by Stripe · accounts by Clerk · powered by dream-api</p>
    </main>
  );
}
