/**
 * The current mode's recent webhook events, newest first: filter by type and
 * end-user (in the URL: `/dashboard/webhooks?userId=u1`), "Load more", and
 * each event expandable to its data, its deliveries with every attempt, and
 * Resend.
 */
import { useEffect, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import type { WebhookEvent } from "../../api/models";
import { Badge, Button, Card, Empty, ErrorState, InlineError, Loading, inputClass } from "../../components/ui";
import { usePagedList } from "../../hooks/use-paged-list";
import { formatDateTime } from "../../lib/format";
import { EVENT_TYPES, eventFiltersFrom, eventQuery, eventSummary, withEventFilters } from "../../lib/webhooks";
import { useDashboard } from "./dashboard-context";
import { DeliveryDetails } from "./webhook-parts";

/** `version`: bumped by the page when it added an event (Send test), to list it. */
export function WebhookEvents({ version }: { version: number }) {
  const { api, mode, modeLink } = useDashboard();
  const [params, setParams] = useSearchParams();
  const filters = eventFiltersFrom(params);
  const [userIdDraft, setUserIdDraft] = useState(filters.userId);
  useEffect(() => setUserIdDraft(filters.userId), [filters.userId]);
  const events = usePagedList(
    async (cursor) => {
      const page = await api.webhookEvents(mode, eventQuery(filters, cursor));
      return { items: page.events, nextCursor: page.nextCursor };
    },
    [api, mode, filters.type, filters.userId, version],
  );
  const setFilters = (next: Partial<typeof filters>) => setParams((current) => withEventFilters(current, { ...filters, ...next }));
  const applyUser = (event: FormEvent) => {
    event.preventDefault();
    setFilters({ userId: userIdDraft });
  };
  const filtered = filters.type !== "" || filters.userId !== "";

  return (
    <Card
      title="Recent events"
      actions={
        <Button variant="secondary" onClick={() => void events.reload()} busy={events.loading}>
          Refresh
        </Button>
      }
    >
      <div className="mb-4 flex flex-col gap-2 sm:flex-row sm:flex-wrap sm:items-end">
        <div className="flex flex-col gap-1">
          <label htmlFor="event-type" className="text-xs font-medium text-slate-700">
            Type
          </label>
          <select id="event-type" className={`${inputClass} sm:w-64`} value={filters.type} onChange={(event) => setFilters({ type: event.target.value })}>
            <option value="">All types</option>
            {EVENT_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
            {filters.type && !EVENT_TYPES.includes(filters.type) ? <option value={filters.type}>{filters.type}</option> : null}
          </select>
        </div>
        <form className="flex flex-col gap-1" onSubmit={applyUser}>
          <label htmlFor="event-user" className="text-xs font-medium text-slate-700">
            End-user id
          </label>
          <div className="flex gap-2">
            <input id="event-user" type="search" className={`${inputClass} sm:w-56`} value={userIdDraft} onChange={(event) => setUserIdDraft(event.target.value)} placeholder="user_42" />
            <Button type="submit" variant="secondary">
              Filter
            </Button>
          </div>
        </form>
        {filtered ? (
          <Button variant="ghost" onClick={() => setFilters({ type: "", userId: "" })}>
            Clear filters
          </Button>
        ) : null}
      </div>
      {filters.userId ? (
        <p className="mb-3 text-sm text-slate-600">
          Events of end-user <span className="font-mono">{filters.userId}</span> ·{" "}
          <Link className="text-indigo-700 hover:underline" to={modeLink(`/dashboard/customers/${encodeURIComponent(filters.userId)}`)}>
            customer
          </Link>{" "}
          ·{" "}
          <Link className="text-indigo-700 hover:underline" to={modeLink(`/dashboard/logs?userId=${encodeURIComponent(filters.userId)}`)}>
            requests
          </Link>
        </p>
      ) : null}
      {events.error ? <ErrorState error={events.error} onRetry={() => void events.reload()} /> : null}
      {events.items === undefined && events.loading ? <Loading label="Loading events…" /> : null}
      {events.items && events.items.length === 0 ? (
        <Empty>{filtered ? "No event matches these filters." : `No ${mode} events yet. Add an endpoint and select "Send test", or wait for your end-users' activity.`}</Empty>
      ) : null}
      {events.items && events.items.length > 0 ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Events">
          {events.items.map((event) => (
            <EventRow key={event.id} event={event} onResent={(resent) => events.update((items) => items.map((item) => (item.id === resent.id ? resent : item)))} />
          ))}
        </ul>
      ) : null}
      {events.nextCursor ? (
        <Button variant="secondary" className="mt-4" busy={events.loadingMore} onClick={() => void events.loadMore()}>
          Load more
        </Button>
      ) : null}
      <InlineError error={events.moreError ?? null} />
    </Card>
  );
}

function EventRow({ event, onResent }: { event: WebhookEvent; onResent: (event: WebhookEvent) => void }) {
  const { api, mode } = useDashboard();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const summary = eventSummary(event.deliveries);
  const panelId = `event-${event.id}`;

  const resend = async () => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const { event: resent } = await api.resendWebhookEvent(mode, event.id);
      onResent(resent);
      setMessage("Queued: we are sending it again to its endpoints.");
    } catch (caught) {
      setError(caught as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li>
      <button
        type="button"
        className="flex w-full flex-col gap-1 px-3 py-2 text-left hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-600 sm:flex-row sm:items-center sm:gap-3"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="flex min-w-0 items-center gap-2">
          <span aria-hidden className="text-slate-400">
            {open ? "▾" : "▸"}
          </span>
          <span className="break-all font-mono text-sm font-medium text-slate-900">{event.type}</span>
        </span>
        <span className="flex flex-wrap items-center gap-2 pl-5 text-xs text-slate-500 sm:ml-auto sm:pl-0">
          {event.userId ? <span className="break-all font-mono">{event.userId}</span> : null}
          <span>{formatDateTime(event.createdAt)}</span>
          <Badge tone={summary.tone}>{summary.label}</Badge>
        </span>
      </button>
      {open ? (
        <div id={panelId} className="space-y-3 border-t border-slate-100 bg-slate-50/50 px-3 py-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <code className="break-all font-mono text-xs text-slate-600">{event.id}</code>
            <Button variant="secondary" busy={busy} onClick={() => void resend()} disabled={event.deliveries.length === 0}>
              Resend
            </Button>
          </div>
          {message ? (
            <p className="text-sm text-emerald-700" role="status">
              {message}
            </p>
          ) : null}
          <InlineError error={error} />
          <div>
            <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Data</h4>
            <pre className="max-h-64 overflow-auto rounded bg-white p-2 font-mono text-xs text-slate-800 ring-1 ring-slate-200">{JSON.stringify(event.data, null, 2)}</pre>
          </div>
          <div>
            <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-500">Deliveries</h4>
            {event.deliveries.length === 0 ? (
              <p className="text-sm text-slate-500">No endpoint was subscribed to this event when it happened.</p>
            ) : (
              <div className="space-y-2">
                {event.deliveries.map((delivery) => (
                  <DeliveryDetails key={delivery.id} delivery={delivery} />
                ))}
              </div>
            )}
          </div>
        </div>
      ) : null}
    </li>
  );
}
