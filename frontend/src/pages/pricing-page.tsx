/**
 * A developer's hosted pricing page (/p/<publishableKey>): public tiers with
 * buy buttons. Buying needs a signed-in end-user of the shared end-user-api
 * app; checkout and the billing portal are opened with the end-user's own
 * session on the developer's Stripe account. A signed-in end-user sees their
 * plan as "Current plan"; a subscriber changes plans in the billing portal,
 * never through a second subscription. The developer's brand (display name,
 * logo, accent colour, support email; dashboard Settings) dresses the page;
 * unset, it keeps the default look.
 */
import { useEffect, useMemo, useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import { alreadySubscribed, publicApi } from "../api/public-api";
import type { PublicTier } from "../api/models";
import { claimsOf, LocalSession } from "../auth/local-session";
import { PricingTable } from "../components/pricing-table";
import { Button, Empty, ErrorState, Loading } from "../components/ui";
import { useAsync } from "../hooks/use-async";
import { accentOf, logoOf, supportMailto } from "../lib/brand";
import { isPaidSubscription, tierAction, type TierAction } from "../lib/pricing-actions";

/** After paying, the webhook moves the plan within seconds: look again this often, this many times. */
const PLAN_POLL_MS = 2000;
const PLAN_POLLS = 10;

export function PricingPage() {
  const { publishableKey = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const session = useMemo(() => new LocalSession("end-user-api", `dream.endUser.${publishableKey}`), [publishableKey]);
  // Back from the sign-in/up page, the session is in the URL fragment: keep it before the first render.
  const [signedIn, setSignedIn] = useState(() => session.captureFromHash(window.location.hash) || session.read() !== null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [pendingBuy, setPendingBuy] = useState<string | null>(null);
  const [polls, setPolls] = useState(0);
  const justPaid = params.get("checkout") === "success";

  /** A fresh session token of this developer's end-user; otherwise an error that says what to do. */
  const endUserToken = async (): Promise<string> => {
    const token = await session.token();
    if (!token) {
      setSignedIn(false);
      throw new Error("Your session ended. Sign in again.");
    }
    if (claimsOf(token)["publishableKey"] !== publishableKey) {
      throw new Error("This account belongs to another app. Sign out, then sign up here.");
    }
    return token;
  };

  const tiers = useAsync(() => publicApi.tiers(publishableKey), [publishableKey]);
  // The end-user's plan; null when signed out or not yet a customer of this app.
  const plan = useAsync(async () => {
    if (!signedIn) return null;
    try {
      return (await publicApi.usage(await endUserToken())).usage.plan;
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "customer_not_found") return null;
      throw caught;
    }
  }, [signedIn, session]);
  const currentPlan = plan.data ?? null;
  const subscribedTo = tiers.data && isPaidSubscription(currentPlan, tiers.data.tiers) ? tiers.data.tiers.find((tier) => tier.name === currentPlan) : undefined;

  const run = async (name: string, action: () => Promise<void>) => {
    setBusy(name);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof Error ? caught : new Error(String(caught)));
      setBusy(null);
    }
  };

  /** The billing portal's address, or null when the end-user never paid (there is no billing account yet). */
  const portalUrl = async (): Promise<string | null> => {
    try {
      return (await publicApi.portal(await endUserToken())).url;
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "no_billing_account") return null;
      throw caught;
    }
  };

  const openPortal = async () => {
    const url = await portalUrl();
    if (!url) throw new Error("There is no billing account to manage yet: it opens after your first purchase.");
    window.location.assign(url);
  };

  const checkout = async (tierName: string) => {
    const token = await endUserToken();
    try {
      window.location.assign((await publicApi.checkout(token, tierName)).url);
    } catch (caught) {
      const subscribed = alreadySubscribed(caught);
      if (!subscribed) throw caught;
      // Already subscribed: the plan changes in the billing portal, not through a second subscription.
      if (subscribed.portalUrl) window.location.assign(subscribed.portalUrl);
      else await openPortal();
    }
  };

  const choose = (tier: PublicTier, action: TierAction) => {
    if (!session.read()) {
      const back = `${window.location.origin}/p/${encodeURIComponent(publishableKey)}?buy=${encodeURIComponent(tier.name)}`;
      window.location.assign(session.pageUrl("sign-up", back, { publishable_key: publishableKey }));
      return;
    }
    if (action === "change") {
      // Subscribed: the portal changes the plan. A plan set without paying has no portal; then checkout decides.
      void run(`tier:${tier.name}`, async () => {
        const url = await portalUrl();
        if (url) window.location.assign(url);
        else await checkout(tier.name);
      });
      return;
    }
    void run(`tier:${tier.name}`, () => checkout(tier.name));
  };

  // Drop the session fragment from the address; remember a `?buy=` from the sign-up round trip.
  useEffect(() => {
    if (window.location.hash) window.history.replaceState(null, "", window.location.pathname + window.location.search);
    const buy = params.get("buy");
    if (buy) {
      const rest = new URLSearchParams(params);
      rest.delete("buy");
      setParams(rest, { replace: true });
      if (session.read()) setPendingBuy(buy);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Continue that purchase once tiers and plan are known — only for a tier on this page that can be bought.
  useEffect(() => {
    if (!pendingBuy || !tiers.data || plan.loading) return;
    setPendingBuy(null);
    const tier = tiers.data.tiers.find((candidate) => candidate.name === pendingBuy);
    if (!tier) return;
    const action = tierAction(tier, currentPlan, tiers.data.tiers);
    if (action === "subscribe" || action === "buy" || action === "change") choose(tier, action);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [pendingBuy, tiers.data, plan.loading, currentPlan]);

  // Back from Checkout: look again until the webhook has moved the plan.
  const reloadPlan = plan.reload;
  useEffect(() => {
    if (!justPaid || !signedIn || !tiers.data || plan.loading || subscribedTo || polls >= PLAN_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((count) => count + 1);
      void reloadPlan();
    }, PLAN_POLL_MS);
    return () => clearTimeout(timer);
  }, [justPaid, signedIn, tiers.data, plan.loading, reloadPlan, subscribedTo, polls]);

  const brand = tiers.data?.brand;
  const accent = accentOf(brand);
  const logo = logoOf(brand);
  const support = supportMailto(brand);

  return (
    <main className="mx-auto min-h-screen max-w-5xl px-4 py-10">
      <header className="mb-8 flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-3">
          {logo ? <img src={logo} alt={brand?.displayName ? "" : "Logo"} className="h-10 max-w-[10rem] object-contain" /> : null}
          <div>
            {brand?.displayName ? (
              <p className="text-sm font-semibold" style={accent ? { color: accent } : undefined}>
                {brand.displayName}
              </p>
            ) : null}
            <h1 className="text-3xl font-bold tracking-tight text-slate-900">Pricing</h1>
          </div>
        </div>
        {signedIn ? (
          <div className="flex flex-wrap items-center gap-2">
            {typeof plan.data === "string" ? (
              <Button variant="secondary" onClick={() => void run("portal", openPortal)} busy={busy === "portal"}>
                Manage billing
              </Button>
            ) : null}
            <Button
              variant="ghost"
              onClick={() => {
                void session.signOut();
                setSignedIn(false);
                setError(null);
              }}
            >
              Sign out
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => window.location.assign(session.pageUrl("sign-in", window.location.href))}>
            Sign in
          </Button>
        )}
      </header>
      {justPaid ? (
        <p className="mb-6 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800" role="status">
          Thank you! Your purchase is confirmed.
        </p>
      ) : null}
      {signedIn && plan.loading && plan.data === undefined ? <Loading label="Checking your plan…" /> : null}
      {plan.error ? (
        <div className="mb-6">
          <ErrorState error={plan.error} onRetry={() => void plan.reload()} />
        </div>
      ) : null}
      {subscribedTo ? <p className="mb-6 text-sm text-slate-600">You are subscribed to {subscribedTo.displayName}. To change or cancel your plan, select Manage billing.</p> : null}
      {error ? (
        <div className="mb-6">
          <ErrorState error={error} />
        </div>
      ) : null}
      {tiers.error ? <ErrorState error={tiers.error} onRetry={() => void tiers.reload()} /> : null}
      {!tiers.data && tiers.loading ? <Loading label="Loading prices…" /> : null}
      {tiers.data && tiers.data.tiers.length === 0 ? <Empty>Nothing for sale yet.</Empty> : null}
      {tiers.data && tiers.data.tiers.length > 0 ? (
        <PricingTable tiers={tiers.data.tiers} onBuy={choose} busyTier={busy?.startsWith("tier:") ? busy.slice(5) : null} currentPlan={currentPlan} accentColor={accent} />
      ) : null}
      {tiers.data?.mode === "preview" ? <p className="mt-6 text-center text-xs text-slate-500">Preview mode: test payments only.</p> : null}
      {support ? (
        <p className="mt-10 text-center text-sm text-slate-600">
          Questions?{" "}
          <a href={support} className="font-medium underline" style={accent ? { color: accent } : undefined}>
            {brand?.supportEmail}
          </a>
        </p>
      ) : null}
      <p className={`${support ? "mt-4" : "mt-10"} text-center text-xs text-slate-400`}>Payments by Stripe · accounts by Clerk · powered by dream-api</p>
    </main>
  );
}
