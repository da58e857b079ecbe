/** The one-screen explanation of the product, with sign-in and sign-up. */
import { useEffect } from "react";
import { Link, useSearchParams } from "react-router";
import { useAuth } from "../auth/auth-context";
import { Button } from "../components/ui";
import { safeRedirectPath } from "../lib/safe-redirect";

const SNIPPET = `const res = await fetch("https://api.dream-api.dev/api/usage/track", {
  method: "POST",
  headers: { Authorization: \`Bearer \${process.env.DREAM_SECRET_KEY}\`, "Content-Type": "application/json" },
  body: JSON.stringify({ userId: user.id }),
});
if (res.status === 403) return upgradePrompt(); // usage_limit_exceeded`;

export function Landing() {
  const auth = useAuth();
  const [params] = useSearchParams();
  const to = safeRedirectPath(params.get("to"), window.location.origin);

  useEffect(() => {
    if (params.get("signin") === "1" && auth.status === "signed-out") auth.signIn(to);
  }, [auth, params, to]);

  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-8 px-4 py-12 sm:px-6">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">dream-api</p>
        <h1 className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">Auth, billing and usage limits for your API, as an API.</h1>
        <p className="text-lg text-slate-600">
          Register your users, count their usage against monthly limits, and let them pay on your own Stripe account — you keep 100% of the revenue. Built on Clerk, Stripe and Cloudflare; we are the
          glue.
        </p>
      </header>
      <ol className="grid gap-3 text-sm text-slate-700 sm:grid-cols-3">
        <li className="rounded-lg bg-slate-50 p-3">
          <strong className="block text-slate-900">1. Define tiers</strong>Free, Pro, one-off — synced to your Stripe.
        </li>
        <li className="rounded-lg bg-slate-50 p-3">
          <strong className="block text-slate-900">2. Track usage</strong>One call per request; exact limits under any load.
        </li>
        <li className="rounded-lg bg-slate-50 p-3">
          <strong className="block text-slate-900">3. Get paid</strong>Hosted pricing page and Checkout; plans move by webhook.
        </li>
      </ol>
      <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-xs text-slate-100 sm:text-sm">
        <code>{SNIPPET}</code>
      </pre>
      <div className="flex flex-wrap items-center gap-4">
        <p className="text-slate-700">
          <span className="text-2xl font-bold text-slate-900">$15</span> / month · free to try with test keys
        </p>
        {auth.status === "signed-in" ? (
          <Link
            to="/dashboard"
            className="rounded-md bg-indigo-600 px-3.5 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
          >
            Open dashboard
          </Link>
        ) : (
          <div className="flex gap-2">
            <Button onClick={() => auth.signUp("/dashboard")}>Sign up</Button>
            <Button variant="secondary" onClick={() => auth.signIn("/dashboard")}>
              Sign in
            </Button>
          </div>
        )}
      </div>
    </main>
  );
}
