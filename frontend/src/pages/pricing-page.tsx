/**
 * A developer's hosted pricing page (/p/<platformId>, /p/<platformId>/test):
 * public tiers with an action on each. End-users are people of the shared
 * end-user-api app, and one person may be a customer of many developers, so
 * the session's active organization says which developer it acts for. A
 * signed-in visitor whose session acts elsewhere chooses: continue as this
 * account (our backend makes them a member and customer of this developer,
 * "join", then the page makes this developer's organization active) or sign
 * out. Nothing joins on a plain page load; only a sign-in or sign-up started
 * here (`?join=1`) joins on the way back, then continues a pending purchase
 * (`?buy=<tier>`). Checkout and the billing portal run with a token that
 * acts here, on the developer's Stripe account. A subscriber changes or
 * cancels the plan in the billing portal, never through a second
 * subscription. The developer's brand (Settings) dresses the page.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { useLocation, useNavigate, useSearchParams } from "react-router";
import { ApiError } from "../api/client";
import type { PublicTier } from "../api/models";
import { alreadySubscribed, publicApi } from "../api/public-api";
import { useEndUserAuth } from "../auth/end-user-auth";
import { claimsOf } from "../auth/local-session";
import { PricingTable } from "../components/pricing-table";
import { Button, Empty, ErrorState, Loading } from "../components/ui";
import { useAsync } from "../hooks/use-async";
import { actsFor } from "../lib/active-organization";
import { accentOf, logoOf, supportMailto } from "../lib/brand";
import { type PricingAddress, type PricingIntent, pricingReturnPath, takeIntent } from "../lib/pricing-address";
import { isPaidSubscription, tierAction, type TierAction } from "../lib/pricing-actions";
import { intentStep, pricingError, pricingSessionState } from "../lib/pricing-session";

/** After paying, the webhook moves the plan within seconds: look again this often, this many times. */
const PLAN_POLL_MS = 2000;
const PLAN_POLLS = 10;

const NO_INTENT: PricingIntent = { join: false, buy: null };

/** Actions that end at Checkout or the billing portal, which a sign-in round trip may continue. */
const isPurchase = (action: TierAction) => action === "subscribe" || action === "buy" || action === "change";

export function PricingPage({ platformId, mode }: PricingAddress) {
  const auth = useEndUserAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [params] = useSearchParams();
  const address = useMemo<PricingAddress>(() => ({ platformId, mode }), [platformId, mode]);
  // The intent a sign-in round trip brought back, read once; the address bar drops it (below) so a reload does not repeat it.
  const [intent, setIntent] = useState<PricingIntent>(() => takeIntent(location.search).intent);
  const [joinedOrganizationId, setJoinedOrganizationId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [polls, setPolls] = useState(0);
  const joinStarted = useRef(false);
  const justPaid = params.get("checkout") === "success";

  const page = useAsync(() => publicApi.platform(platformId, mode), [platformId, mode]);
  // The developer's organization here: undefined while loading, null until someone has joined (then the join's answer names it).
  const organizationId = page.data ? (joinedOrganizationId ?? page.data.organizationId) : undefined;
  const state = pricingSessionState({ status: auth.status, activeOrganizationId: auth.activeOrganizationId, organizationId });
  const tiers = page.data?.tiers;

  /** A token that acts for this developer; never one acting for another (the backend would take it as that developer's customer). */
  const pageToken = async (): Promise<string> => {
    const token = await auth.getToken();
    if (!token) throw new Error("Your session ended. Sign in again.");
    if (!actsFor(claimsOf(token), organizationId ?? null)) throw new Error("Your account is now using another app (perhaps in another tab). Select Continue as this account to come back here.");
    return token;
  };

  // The end-user's plan here, tagged with the organization it was read for; null when not a customer yet.
  const plan = useAsync(async () => {
    if (state !== "here" || !organizationId) return null;
    try {
      return { organizationId, plan: (await publicApi.usage(await pageToken())).usage.plan };
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === "customer_not_found") return { organizationId, plan: null };
      throw caught;
    }
  }, [state, organizationId]);
  const planHere = state === "here" && plan.data && plan.data.organizationId === organizationId ? plan.data : null;
  const planKnown = planHere !== null && !plan.loading;
  const currentPlan = planHere?.plan ?? null;
  const subscribedTo = tiers && isPaidSubscription(currentPlan, tiers) ? tiers.find((tier) => tier.name === currentPlan) : undefined;
  const currentTier = tiers?.find((tier) => tier.name === currentPlan);

  /** Runs an action with its button busy; `leaves` when it ends by leaving the page (Checkout, portal), so the button stays busy. */
  const run = async (name: string, action: () => Promise<void>, leaves = true) => {
    setBusy(name);
    setError(null);
    try {
      await action();
      if (!leaves) setBusy(null);
    } catch (caught) {
      setError(pricingError(caught));
      setBusy(null);
    }
  };

  /** Joins this developer (idempotent) and makes its organization the session's active one. */
  const joinHere = async () => {
    const token = await auth.getToken();
    if (!token) throw new Error("Your session ended. Sign in again.");
    const joined = await publicApi.join(token, platformId, mode);
    await auth.setActiveOrganization(joined.organizationId);
    setJoinedOrganizationId(joined.organizationId);
  };

  /** The billing portal's address, or null when the end-user never paid (there is no billing account yet). */
  const portalUrl = async (): Promise<string | null> => {
    try {
      return (await publicApi.portal(await pageToken())).url;
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
    const token = await pageToken();
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
    const buy = isPurchase(action) ? tier.name : null;
    if (state === "loading") return;
    if (state === "signed-out") {
      // A new visitor is the usual case: sign up, then join and continue on the way back.
      auth.signUp(pricingReturnPath(address, { join: true, buy }));
      return;
    }
    if (state === "elsewhere") {
      // Never join on the visitor's behalf without asking: remember the tier and show the choice.
      setIntent({ join: false, buy });
      return;
    }
    const busyName = `tier:${tier.name}`;
    if (action === "get-started") {
      void run(
        busyName,
        async () => {
          await joinHere();
          await plan.reload();
        },
        false,
      );
      return;
    }
    if (action === "downgrade") {
      void run(busyName, openPortal);
      return;
    }
    if (action === "change") {
      // Subscribed: the portal changes the plan. A plan set without paying has no portal; then checkout decides.
      void run(busyName, async () => {
        const url = await portalUrl();
        if (url) window.location.assign(url);
        else await checkout(tier.name);
      });
      return;
    }
    void run(busyName, () => checkout(tier.name));
  };

  const signOut = () => {
    setIntent(NO_INTENT);
    setError(null);
    void auth.signOut();
  };

  // Drop the intent from the address bar; other parameters (`?checkout=success`) stay.
  useEffect(() => {
    const { rest } = takeIntent(location.search);
    if (rest !== location.search) navigate({ pathname: location.pathname, search: rest, hash: location.hash }, { replace: true });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Act on the intent once it is known who is looking: join when asked to, then continue a pending purchase.
  useEffect(() => {
    const step = intentStep(state, intent);
    if (step === "wait" || step === "ask") return;
    if (step === "done") {
      if (intent.join || intent.buy) setIntent(NO_INTENT);
      return;
    }
    if (step === "join") {
      if (joinStarted.current) return;
      joinStarted.current = true;
      setIntent((current) => ({ ...current, join: false }));
      void run("join", joinHere, false);
      return;
    }
    // step === "buy": once the tiers and the plan here are known, and only for a tier on this page that can be bought.
    if (!tiers || !planKnown) return;
    setIntent(NO_INTENT);
    const tier = tiers.find((candidate) => candidate.name === intent.buy);
    if (!tier) return;
    const action = tierAction(tier, currentPlan, tiers);
    if (isPurchase(action)) choose(tier, action);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, intent, tiers, planKnown, currentPlan]);

  // Back from Checkout: look again until the webhook has moved the plan.
  const reloadPlan = plan.reload;
  useEffect(() => {
    if (!justPaid || state !== "here" || !tiers || plan.loading || subscribedTo || polls >= PLAN_POLLS) return;
    const timer = setTimeout(() => {
      setPolls((count) => count + 1);
      void reloadPlan();
    }, PLAN_POLL_MS);
    return () => clearTimeout(timer);
  }, [justPaid, state, tiers, plan.loading, reloadPlan, subscribedTo, polls]);

  const brand = page.data?.brand;
  const accent = accentOf(brand);
  const logo = logoOf(brand);
  const support = supportMailto(brand);
  const appName = brand?.displayName ?? "this app";
  const pendingTier = intent.buy ? tiers?.find((tier) => tier.name === intent.buy) : undefined;
  const backHere = pricingReturnPath(address, { join: true, buy: null });

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
        {state === "signed-out" ? (
          <div className="flex flex-wrap items-center gap-2">
            <Button variant="secondary" onClick={() => auth.signIn(backHere)}>
              Sign in
            </Button>
            <Button onClick={() => auth.signUp(backHere)} style={accent ? { backgroundColor: accent } : undefined}>
              Sign up
            </Button>
          </div>
        ) : null}
        {state === "here" ? (
          <div className="flex flex-wrap items-center gap-2">
            {typeof currentPlan === "string" ? (
              <Button variant="secondary" onClick={() => void run("portal", openPortal)} busy={busy === "portal"}>
                Manage billing
              </Button>
            ) : null}
            <Button variant="ghost" onClick={signOut}>
              Sign out
            </Button>
          </div>
        ) : null}
      </header>
      {justPaid ? (
        <p className="mb-6 rounded-md bg-emerald-50 p-3 text-sm text-emerald-800" role="status">
          Thank you! Your purchase is confirmed.
        </p>
      ) : null}
      {busy === "join" ? <Loading label={`Setting up your account with ${appName}…`} /> : null}
      {state === "elsewhere" && busy !== "join" ? (
        <section className="mb-6 rounded-md border border-slate-200 bg-slate-50 p-4" aria-label="Choose an account">
          <p className="text-sm text-slate-800">
            You are signed in.{" "}
            {pendingTier
              ? `Continue as this account to buy ${pendingTier.displayName} from ${appName}, or sign out to use another account.`
              : `Continue as this account to use it with ${appName}, or sign out to use another account.`}
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button onClick={() => void run("join", joinHere, false)} style={accent ? { backgroundColor: accent } : undefined}>
              Continue as this account
            </Button>
            <Button variant="secondary" onClick={signOut}>
              Sign out
            </Button>
          </div>
        </section>
      ) : null}
      {state === "here" && plan.loading && !planKnown ? <Loading label="Checking your plan…" /> : null}
      {state === "here" && plan.error ? (
        <div className="mb-6">
          <ErrorState error={pricingError(plan.error)} onRetry={() => void plan.reload()} />
        </div>
      ) : null}
      {subscribedTo ? (
        <p className="mb-6 text-sm text-slate-600">You are subscribed to {subscribedTo.displayName}. To change or cancel your plan, select Manage billing.</p>
      ) : currentPlan !== null && planKnown ? (
        <p className="mb-6 text-sm text-slate-600">Your plan: {currentTier?.displayName ?? currentPlan}.</p>
      ) : null}
      {error ? (
        <div className="mb-6">
          <ErrorState error={error} />
        </div>
      ) : null}
      {page.error ? <ErrorState error={pricingError(page.error)} onRetry={() => void page.reload()} /> : null}
      {!page.data && page.loading ? <Loading label="Loading prices…" /> : null}
      {tiers && tiers.length === 0 ? <Empty>Nothing for sale yet.</Empty> : null}
      {tiers && tiers.length > 0 ? <PricingTable tiers={tiers} onBuy={choose} busyTier={busy?.startsWith("tier:") ? busy.slice(5) : null} currentPlan={currentPlan} accentColor={accent} /> : null}
      {page.data?.mode === "preview" ? <p className="mt-6 text-center text-xs text-slate-500">Preview mode: test payments only.</p> : null}
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
