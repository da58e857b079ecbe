/**
 * The current mode's request log (api-multi, 7 days), newest first: filters
 * by status, end-user and route kept in the URL (`/dashboard/logs?userId=u1`),
 * "Load more", a request id search that opens one request
 * (`?requestId=`), and an auto-refresh every 5 s while the tab is visible.
 * Rows are a table on wide screens and cards on phones, in one list.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { ApiError } from "../../api/client";
import type { RequestLogEntry } from "../../api/models";
import { Badge, Button, Card, Empty, ErrorState, InlineError, Loading, inputClass } from "../../components/ui";
import { useAsync } from "../../hooks/use-async";
import { useAutoRefresh, useNow } from "../../hooks/use-auto-refresh";
import { usePagedList } from "../../hooks/use-paged-list";
import type { DashboardMode } from "../../lib/dashboard-mode";
import { formatDateTimeSeconds } from "../../lib/format";
import { hasLogFilters, logFiltersFrom, logQuery, mergeNewest, NO_LOG_FILTERS, STATUS_CLASSES, statusTone, updatedAgo, withLogFilters, type LogFilters } from "../../lib/request-logs";
import { useDashboard } from "./dashboard-context";

export const LOGS_REFRESH_MS = 5000;
const REQUEST_ID_PARAM = "requestId";

export function LogsPage() {
  const { api, mode } = useDashboard();
  const [params, setParams] = useSearchParams();
  const filters = logFiltersFrom(params);
  const requestId = params.get(REQUEST_ID_PARAM)?.trim() ?? "";
  const [autoRefresh, setAutoRefresh] = useState(true);
  const logs = usePagedList(
    async (cursor) => {
      const page = await api.logs(mode, logQuery(filters, cursor));
      return { items: page.logs, nextCursor: page.nextCursor };
    },
    [api, mode, filters.status, filters.userId, filters.route],
    (shown, fresh) => {
      const merged = mergeNewest({ logs: shown.items, nextCursor: shown.nextCursor }, { logs: fresh.items, nextCursor: fresh.nextCursor });
      return { items: merged.logs, nextCursor: merged.nextCursor };
    },
  );
  useAutoRefresh(logs.refresh, LOGS_REFRESH_MS, autoRefresh && logs.items !== undefined);
  const now = useNow(1000);

  const setFilters = (next: LogFilters) => setParams((current) => withLogFilters(current, next));
  const openRequest = (id: string) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (id) next.set(REQUEST_ID_PARAM, id);
      else next.delete(REQUEST_ID_PARAM);
      return next;
    });

  return (
    <div className="space-y-6">
      <RequestSearch initial={requestId} onSearch={openRequest} />
      {requestId ? <RequestDetail key={requestId} mode={mode} requestId={requestId} onClose={() => openRequest("")} /> : null}
      <Card
        title={mode === "live" ? "Live requests" : "Test requests"}
        actions={
          <div className="flex flex-wrap items-center gap-3 text-xs text-slate-500">
            <label className="flex items-center gap-1.5">
              <input type="checkbox" className="h-4 w-4 rounded border-slate-300 text-indigo-600" checked={autoRefresh} onChange={(event) => setAutoRefresh(event.target.checked)} />
              Auto-refresh
            </label>
            <span aria-live="off" data-testid="logs-updated">
              {logs.updatedAt ? `Updated ${updatedAgo(logs.updatedAt, now)}` : ""}
            </span>
          </div>
        }
      >
        <FiltersForm key={`${filters.status}|${filters.userId}|${filters.route}`} filters={filters} onApply={setFilters} />
        {logs.error ? <ErrorState error={logs.error} onRetry={() => void logs.reload()} /> : null}
        {logs.items === undefined && logs.loading ? <Loading label="Loading requests…" /> : null}
        {logs.items && logs.items.length === 0 ? (
          <Empty>
            {hasLogFilters(filters)
              ? "No request in the last 7 days matches these filters."
              : `No ${mode} requests in the last 7 days. They appear here a few seconds after your backend calls the API with a ${mode} key.`}
          </Empty>
        ) : null}
        {logs.items && logs.items.length > 0 ? <LogList logs={logs.items} onOpen={openRequest} /> : null}
        {logs.nextCursor ? (
          <Button variant="secondary" className="mt-4" busy={logs.loadingMore} onClick={() => void logs.loadMore()}>
            Load more
          </Button>
        ) : null}
        <InlineError error={logs.moreError ?? null} />
      </Card>
    </div>
  );
}

function FiltersForm({ filters, onApply }: { filters: LogFilters; onApply: (filters: LogFilters) => void }) {
  const [draft, setDraft] = useState(filters);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply(draft);
  };
  const statuses = filters.status && !(STATUS_CLASSES as readonly string[]).includes(filters.status) ? [...STATUS_CLASSES, filters.status] : STATUS_CLASSES;
  return (
    <form className="mb-4 grid gap-2 sm:grid-cols-[10rem_1fr_1fr_auto] sm:items-end" onSubmit={submit} aria-label="Filter requests">
      <div className="flex flex-col gap-1">
        <label htmlFor="log-status" className="text-xs font-medium text-slate-700">
          Status
        </label>
        <select
          id="log-status"
          className={inputClass}
          value={draft.status}
          onChange={(event) => {
            const next = { ...draft, status: event.target.value };
            setDraft(next);
            onApply(next);
          }}
        >
          <option value="">All</option>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {status}
            </option>
          ))}
        </select>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="log-user" className="text-xs font-medium text-slate-700">
          End-user id
        </label>
        <input id="log-user" type="search" className={inputClass} value={draft.userId} onChange={(event) => setDraft({ ...draft, userId: event.target.value })} placeholder="user_42" />
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="log-route" className="text-xs font-medium text-slate-700">
          Route
        </label>
        <input id="log-route" type="search" className={inputClass} value={draft.route} onChange={(event) => setDraft({ ...draft, route: event.target.value })} placeholder="/api/usage/track" />
      </div>
      <div className="flex gap-2">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        {hasLogFilters(filters) ? (
          <Button variant="ghost" onClick={() => onApply(NO_LOG_FILTERS)}>
            Clear
          </Button>
        ) : null}
      </div>
    </form>
  );
}

const STATUS_TEXT = { green: "text-emerald-700 bg-emerald-50", slate: "text-slate-700 bg-slate-100", amber: "text-amber-800 bg-amber-50", red: "text-rose-700 bg-rose-50" } as const;

function Status({ status }: { status: number }) {
  return <span className={`inline-flex rounded px-1.5 py-0.5 font-mono text-xs font-semibold ${STATUS_TEXT[statusTone(status)]}`}>{status}</span>;
}

const COLUMNS = "md:grid md:grid-cols-[10rem_4rem_minmax(0,1fr)_4rem_minmax(0,8rem)_minmax(0,8rem)_4.5rem_minmax(0,8rem)] md:items-center md:gap-3";

/** One list: a table's rows from md up, labelled cards below (no sideways scroll at 375 px). */
function LogList({ logs, onOpen }: { logs: RequestLogEntry[]; onOpen: (requestId: string) => void }) {
  const { modeLink } = useDashboard();
  return (
    <div>
      <div className={`hidden px-2 pb-2 text-xs font-semibold uppercase text-slate-500 ${COLUMNS}`} aria-hidden>
        <span>Time</span>
        <span>Method</span>
        <span>Route</span>
        <span>Status</span>
        <span>Error</span>
        <span>User</span>
        <span className="text-right">Latency</span>
        <span>Caller</span>
      </div>
      <ul className="space-y-2 md:space-y-0 md:divide-y md:divide-slate-100" aria-label="Requests">
        {logs.map((log) => (
          <li key={log.requestId} className={`rounded-lg border border-slate-200 p-3 text-sm md:rounded-none md:border-0 md:px-2 md:py-2 ${COLUMNS}`}>
            <div className="flex items-center justify-between gap-2 md:block">
              <button
                type="button"
                className="text-left text-xs text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-600"
                onClick={() => onOpen(log.requestId)}
                title={`Open ${log.requestId}`}
              >
                {formatDateTimeSeconds(log.time)}
              </button>
              <span className="md:hidden">
                <Status status={log.status} />
              </span>
            </div>
            <div className="mt-1 flex min-w-0 items-baseline gap-2 md:contents">
              <span className="font-mono text-xs font-semibold text-slate-700">{log.method}</span>
              <span className="min-w-0 break-all font-mono text-xs text-slate-800">{log.route}</span>
            </div>
            <span className="hidden md:block">
              <Status status={log.status} />
            </span>
            <dl className="mt-2 grid grid-cols-[5rem_minmax(0,1fr)] gap-x-2 gap-y-0.5 text-xs md:contents">
              <dt className="text-slate-500 md:hidden">Error</dt>
              <dd className="min-w-0 break-all font-mono text-rose-700">{log.errorCode ?? <span className="text-slate-400">—</span>}</dd>
              <dt className="text-slate-500 md:hidden">User</dt>
              <dd className="min-w-0 break-all font-mono">
                {log.userId ? (
                  <Link className="text-indigo-700 hover:underline" to={modeLink(`/dashboard/logs?userId=${encodeURIComponent(log.userId)}`)}>
                    {log.userId}
                  </Link>
                ) : (
                  <span className="text-slate-400">—</span>
                )}
              </dd>
              <dt className="text-slate-500 md:hidden">Latency</dt>
              <dd className="text-slate-700 md:text-right">{log.latencyMs} ms</dd>
              <dt className="text-slate-500 md:hidden">Caller</dt>
              <dd className="min-w-0 break-all font-mono text-slate-600">{log.caller}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RequestSearch({ initial, onSearch }: { initial: string; onSearch: (requestId: string) => void }) {
  const [value, setValue] = useState(initial);
  useEffect(() => setValue(initial), [initial]);
  return (
    <form
      className="flex flex-col gap-2 sm:flex-row sm:items-end"
      aria-label="Find a request"
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(value.trim());
      }}
    >
      <div className="flex flex-1 flex-col gap-1">
        <label htmlFor="request-id" className="text-sm font-medium text-slate-800">
          Find a request by id
        </label>
        <input
          id="request-id"
          type="search"
          className={`${inputClass} font-mono`}
          value={value}
          onChange={(event) => setValue(event.target.value)}
          placeholder="req_… (from an error body or the X-Request-Id header)"
        />
      </div>
      <Button type="submit" disabled={value.trim() === ""}>
        Find
      </Button>
    </form>
  );
}

/** The message of a request id that is not in this mode's log (kept 7 days). */
export function requestNotFoundMessage(mode: DashboardMode): string {
  return `No request with this id in the last 7 days in ${mode} mode.`;
}

function RequestDetail({ mode, requestId, onClose }: { mode: DashboardMode; requestId: string; onClose: () => void }) {
  const { api, modeLink } = useDashboard();
  const found = useAsync(() => api.log(mode, requestId), [api, mode, requestId]);
  const notFound = found.error instanceof ApiError && found.error.status === 404;
  const log = found.data?.log;
  return (
    <Card
      title={<span className="break-all font-mono text-sm">{requestId}</span>}
      actions={
        <Button variant="ghost" onClick={onClose}>
          Close
        </Button>
      }
    >
      {notFound ? (
        <p className="text-sm text-slate-700" role="status">
          {requestNotFoundMessage(mode)}
        </p>
      ) : found.error ? (
        <ErrorState error={found.error} onRetry={() => void found.reload()} />
      ) : !log ? (
        <Loading label="Looking up the request…" />
      ) : (
        <dl className="grid gap-3 text-sm sm:grid-cols-2">
          <Item label="Time">{formatDateTimeSeconds(log.time)}</Item>
          <Item label="Request">
            <span className="break-all font-mono text-xs">
              {log.method} {log.route}
            </span>
          </Item>
          <Item label="Status">
            <Status status={log.status} />
          </Item>
          <Item label="Error code">
            <span className="font-mono text-xs">{log.errorCode ?? "—"}</span>
          </Item>
          <Item label="End-user">
            {log.userId ? (
              <span className="flex flex-wrap gap-x-3">
                <span className="break-all font-mono text-xs">{log.userId}</span>
                <Link className="text-indigo-700 hover:underline" to={modeLink(`/dashboard/customers/${encodeURIComponent(log.userId)}`)}>
                  Customer
                </Link>
                <Link className="text-indigo-700 hover:underline" to={modeLink(`/dashboard/logs?userId=${encodeURIComponent(log.userId)}`)}>
                  Their requests
                </Link>
              </span>
            ) : (
              "—"
            )}
          </Item>
          <Item label="Latency">{log.latencyMs} ms</Item>
          <Item label="Caller">
            <span className="break-all font-mono text-xs">{log.caller}</span>
          </Item>
          <Item label="Mode">
            <Badge tone={mode === "live" ? "indigo" : "amber"}>{mode}</Badge>
          </Item>
        </dl>
      )}
    </Card>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-slate-500">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
