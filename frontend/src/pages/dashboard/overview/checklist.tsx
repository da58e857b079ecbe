import { Link } from "react-router";
import type { Dashboard, Tier } from "../../../api/models";
import { CopyButton, Card } from "../../../components/ui";
import { config } from "../../../config";
import { useDashboard } from "../dashboard-context";

/**
 * The new developer's path: subscribe → connect Stripe → create tiers → get
 * keys → first API call → first customer. The plan and Stripe are the
 * account's; tiers, keys, calls and customers are the current mode's.
 */
export function OnboardingChecklist({ dashboard, tiers }: { dashboard: Dashboard | undefined; tiers: Tier[] | undefined }) {
  const { me, mode, modeLink } = useDashboard();
  const keys = (me.credentials?.keys ?? []).filter((key) => key.mode === mode);
  const publishableKey = keys.find((key) => key.expiresAt === null)?.publishableKey ?? keys[0]?.publishableKey;
  const firstCall = `curl -X POST ${config.apiMultiUrl}/api/usage/track \\
  -H "Authorization: Bearer sk_${mode}_YOUR_SECRET_KEY" \\
  -H "Content-Type: application/json" \\
  -d '{"userId": "user_123"}'`;
  const pricing = `curl "${config.apiMultiUrl}/api/public/tiers?pk=${publishableKey ?? `pk_${mode}_…`}"`;
  const steps = [
    { label: "Subscribe to dream-api ($15/month)", done: me.plan === "paid", link: "/dashboard" },
    { label: "Connect your Stripe account", done: me.stripe.connected, link: "/dashboard" },
    { label: "Create your pricing tiers", done: (tiers ?? []).some((tier) => !tier.archived), link: "/dashboard/tiers" },
    { label: "Get your API keys", done: keys.length > 0, link: "/dashboard/keys" },
    { label: "Make your first API call", done: (dashboard?.dailyUsage ?? []).some((day) => day.calls > 0), link: null },
    { label: "Get your first customer", done: (dashboard?.totals.customers ?? 0) > 0, link: "/dashboard/customers" },
  ];
  const doneCount = steps.filter((step) => step.done).length;
  if (doneCount === steps.length) return null;
  return (
    <Card title={`Get started — ${doneCount} of ${steps.length} done`}>
      <ol className="space-y-2">
        {steps.map((step, index) => (
          <li key={step.label} className="flex items-start gap-3 text-sm">
            <span
              className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ${step.done ? "bg-emerald-500 text-white" : "bg-slate-200 text-slate-600"}`}
              aria-hidden
            >
              {step.done ? "✓" : index + 1}
            </span>
            <span className={step.done ? "text-slate-500 line-through" : "text-slate-800"}>
              {step.link && !step.done ? (
                <Link className="underline decoration-slate-300 underline-offset-2 hover:text-indigo-700" to={modeLink(step.link)}>
                  {step.label}
                </Link>
              ) : (
                step.label
              )}
              <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
            </span>
          </li>
        ))}
      </ol>
      <div className="mt-4 space-y-3">
        <div>
          <div className="mb-1 flex items-center justify-between gap-2">
            <h3 className="text-sm font-medium text-slate-800">Your first call (replace the secret with yours)</h3>
            <CopyButton value={firstCall} />
          </div>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
            <code>{firstCall}</code>
          </pre>
        </div>
        <div>
          <div className="mb-1 flex items-center justify-between gap-2">
            <h3 className="text-sm font-medium text-slate-800">Your public pricing (publishable key)</h3>
            <CopyButton value={pricing} />
          </div>
          <pre className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
            <code>{pricing}</code>
          </pre>
        </div>
      </div>
    </Card>
  );
}
