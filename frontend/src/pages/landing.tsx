/** The one-screen explanation of the product. The dashboard itself lands with its issue. */
const SNIPPET = `await fetch("https://api.dream-api.dev/api/usage/track", {
  method: "POST",
  headers: { Authorization: \`Bearer \${process.env.DREAM_SECRET_KEY}\` },
  body: JSON.stringify({ userId: user.id }),
}); // 200 with usage, or 403 usage_limit_exceeded`;

export function Landing() {
  return (
    <main className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center gap-8 px-6 py-12">
      <header className="space-y-3">
        <p className="text-sm font-semibold uppercase tracking-wide text-indigo-600">dream-api</p>
        <h1 className="text-4xl font-bold tracking-tight">Auth, billing and usage limits for your API, as an API.</h1>
        <p className="text-lg text-slate-600">
          Register end-users, count their usage against monthly limits, and let them pay on your own Stripe account. Built on
          Clerk, Stripe and Cloudflare — we are the glue.
        </p>
      </header>
      <pre className="overflow-x-auto rounded-lg bg-slate-900 p-4 text-sm text-slate-100">
        <code>{SNIPPET}</code>
      </pre>
      <p className="text-slate-700">
        <span className="text-2xl font-bold">$15</span> / month, and you keep 100% of your revenue.
      </p>
    </main>
  );
}
