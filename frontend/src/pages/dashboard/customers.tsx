import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import type { SubscriptionSummary } from "../../api/models";
import { Badge, Button, Card, Empty, ErrorState, Loading, Table, UsageBar, inputClass } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { usageCreditsLabel } from "../../lib/credits";
import { formatDate, formatDateTime } from "../../lib/format";
import { CreditsCard } from "./customer-credits";
import { useDashboard } from "./dashboard-context";

/** "+ 1,000 credits" under a usage bar: what tracks can still spend past the allowance. */
export function UsageCredits({ credits }: { credits: number }) {
  const label = usageCreditsLabel(credits);
  return label ? (
    <div className="text-xs font-medium text-emerald-700" data-testid="usage-credits">
      {label}
    </div>
  ) : null;
}

function SubscriptionBadge({ subscription }: { subscription: SubscriptionSummary | null }) {
  if (!subscription) return <span className="text-slate-400">—</span>;
  const tone = subscription.status === "active" || subscription.status === "trialing" ? "green" : subscription.status === "past_due" ? "amber" : "slate";
  return <Badge tone={tone}>{subscription.status}</Badge>;
}

/** The current mode's customers, searchable and paginated, with plan, usage, subscription status and cancel date. */
export function CustomersPage() {
  const { api, mode, modeLink } = useDashboard();
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors.at(-1) ?? null;
  const page = useAsync(() => api.customers(mode, { q: query || undefined, cursor }), [api, mode, query, cursor]);

  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setCursors([null]);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  return (
    <Card title="Customers">
      <label htmlFor="customer-search" className="sr-only">
        Search customers
      </label>
      <input id="customer-search" type="search" placeholder="Search by user id or email…" className={`${inputClass} mb-4 max-w-md`} value={search} onChange={(e) => setSearch(e.target.value)} />
      {page.error ? <ErrorState error={page.error} onRetry={() => void page.reload()} /> : null}
      {!page.data && page.loading ? <Loading label="Loading customers…" /> : null}
      {page.data && page.data.data.length === 0 ? (
        <Empty>{query ? `No customer matches “${query}”.` : `No ${mode} customers yet. They appear when your backend registers or tracks a user with a ${mode} secret key (sk_${mode}_…).`}</Empty>
      ) : null}
      {page.data && page.data.data.length > 0 ? (
        <Table headers={["Customer", "Plan", "Usage", "Subscription", "Cancels"]}>
          {page.data.data.map((customer) => (
            <tr key={customer.userId}>
              <td className="py-2 pr-4">
                <Link className="font-medium text-indigo-700 hover:underline" to={modeLink(`/dashboard/customers/${encodeURIComponent(customer.userId)}`)}>
                  {customer.userId}
                </Link>
                <div className="text-xs text-slate-500">{customer.email ?? "no email"}</div>
              </td>
              <td className="py-2 pr-4">{customer.plan}</td>
              <td className="py-2 pr-4">
                <UsageBar count={customer.usage.count} limit={customer.usage.limit} />
                <UsageCredits credits={customer.usage.credits} />
              </td>
              <td className="py-2 pr-4">
                <SubscriptionBadge subscription={customer.subscription} />
              </td>
              <td className="whitespace-nowrap py-2 text-slate-600">
                {customer.subscription?.cancelAtPeriodEnd ? formatDate(customer.subscription.currentPeriodEnd) : customer.subscription?.canceledAt ? formatDate(customer.subscription.canceledAt) : "—"}
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <div className="mt-4 flex gap-2">
        <Button variant="secondary" disabled={cursors.length <= 1} onClick={() => setCursors((stack) => stack.slice(0, -1))}>
          Previous
        </Button>
        <Button variant="secondary" disabled={!page.data?.hasMore} onClick={() => page.data?.nextCursor && setCursors((stack) => [...stack, page.data!.nextCursor])}>
          Next
        </Button>
      </div>
    </Card>
  );
}

/** One customer of the current mode (a customer of the other mode is not found here). */
export function CustomerDetail() {
  const { api, mode, modeLink } = useDashboard();
  const { userId = "" } = useParams();
  const customer = useAsync(() => api.customer(mode, userId), [api, mode, userId]);
  if (customer.error) return <ErrorState error={customer.error} onRetry={() => void customer.reload()} />;
  if (!customer.data) return <Loading label="Loading customer…" />;
  const { customer: c } = customer.data;
  return (
    <div className="space-y-4">
      <Link to={modeLink("/dashboard/customers")} className="text-sm text-indigo-700 hover:underline">
        ← All customers
      </Link>
      <Card
        title={c.userId}
        actions={
          <nav aria-label="This customer's activity" className="flex flex-wrap gap-2">
            <Link
              className="rounded-md px-3 py-1.5 text-sm font-semibold text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
              to={modeLink(`/dashboard/logs?userId=${encodeURIComponent(c.userId)}`)}
            >
              Requests
            </Link>
            <Link
              className="rounded-md px-3 py-1.5 text-sm font-semibold text-indigo-700 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-50"
              to={modeLink(`/dashboard/webhooks?userId=${encodeURIComponent(c.userId)}`)}
            >
              Events
            </Link>
          </nav>
        }
      >
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <div>
            <dt className="text-slate-500">Email</dt>
            <dd>{c.email ?? "—"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Plan</dt>
            <dd>{c.plan}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Usage this period</dt>
            <dd>
              <UsageBar count={c.usage.count} limit={c.usage.limit} />
              <UsageCredits credits={c.usage.credits} />
              <span className="text-xs text-slate-500">
                {formatDate(c.usage.periodStart)} – {formatDate(c.usage.periodEnd)}
              </span>
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Subscription</dt>
            <dd>
              {c.subscription ? (
                <>
                  <SubscriptionBadge subscription={c.subscription} />{" "}
                  {c.subscription.cancelAtPeriodEnd
                    ? `cancels ${formatDate(c.subscription.currentPeriodEnd)}`
                    : c.subscription.currentPeriodEnd
                      ? `renews ${formatDate(c.subscription.currentPeriodEnd)}`
                      : ""}
                </>
              ) : (
                "none"
              )}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Clerk user</dt>
            <dd className="font-mono text-xs">{c.clerkUserId ?? "— (registered by a track call)"}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Customer since</dt>
            <dd>{formatDateTime(c.createdAt)}</dd>
          </div>
        </dl>
      </Card>
      <CreditsCard userId={c.userId} onChanged={() => void customer.reload()} />
    </div>
  );
}
