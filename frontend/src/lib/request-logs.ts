/**
 * The Logs page's filters, kept in the URL (`/dashboard/logs?userId=u1`
 * links work, and the back button undoes a filter) and sent to
 * GET /api/logs; the status colours; and how an auto-refresh merges the
 * newest page into the rows already shown.
 */
import type { RequestLogEntry, RequestLogQuery } from "../api/models";

export const STATUS_CLASSES = ["2xx", "4xx", "5xx"] as const;

export interface LogFilters {
  /** "" (all), a class ("2xx", "4xx", "5xx") or an exact status ("404"). */
  status: string;
  userId: string;
  route: string;
}

export const NO_LOG_FILTERS: LogFilters = { status: "", userId: "", route: "" };

/** The search parameters the filters live in (beside `mode`, and `requestId` for the detail). */
const FILTER_PARAMS = ["status", "userId", "route"] as const satisfies readonly (keyof LogFilters)[];

/** The status filter the API understands, or "" (all) for anything else. */
export function parseStatusFilter(value: string | null | undefined): string {
  const status = value?.trim().toLowerCase() ?? "";
  return /^[1-5]xx$/.test(status) || /^[1-5]\d\d$/.test(status) ? status : "";
}

/** The filters a page address names. */
export function logFiltersFrom(params: URLSearchParams): LogFilters {
  return {
    status: parseStatusFilter(params.get("status")),
    userId: params.get("userId")?.trim() ?? "",
    route: params.get("route")?.trim() ?? "",
  };
}

/** The page address's parameters with these filters: the others (mode, …) kept, empty filters removed. */
export function withLogFilters(params: URLSearchParams, filters: LogFilters): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const name of FILTER_PARAMS) {
    const value = filters[name].trim();
    if (value === "") next.delete(name);
    else next.set(name, value);
  }
  return next;
}

/** The GET /api/logs query of these filters and page (empty filters not sent). */
export function logQuery(filters: LogFilters, cursor: string | null = null, limit = 50): RequestLogQuery {
  const query: RequestLogQuery = { limit, ...(cursor ? { cursor } : {}) };
  const status = parseStatusFilter(filters.status);
  if (status) query.status = status;
  if (filters.userId.trim()) query.userId = filters.userId.trim();
  if (filters.route.trim()) query.route = filters.route.trim();
  return query;
}

export function hasLogFilters(filters: LogFilters): boolean {
  return FILTER_PARAMS.some((name) => filters[name].trim() !== "");
}

export type StatusTone = "green" | "slate" | "amber" | "red";

/** 2xx green, 3xx grey, 4xx amber, 5xx red. */
export function statusTone(status: number): StatusTone {
  if (status >= 500) return "red";
  if (status >= 400) return "amber";
  if (status >= 300) return "slate";
  return "green";
}

/**
 * The rows after a refresh: the fresh first page on top of the rows already
 * loaded ("Load more" pages kept) when the two overlap; the fresh page alone
 * (and its cursor) when more requests came in than a page holds, since the
 * rows in between would be missing otherwise.
 */
export function mergeNewest(shown: { logs: RequestLogEntry[]; nextCursor: string | null }, fresh: { logs: RequestLogEntry[]; nextCursor: string | null }) {
  const freshIds = new Set(fresh.logs.map((log) => log.requestId));
  const overlaps = shown.logs.some((log) => freshIds.has(log.requestId));
  if (!overlaps || shown.logs.length <= fresh.logs.length) return { logs: fresh.logs, nextCursor: fresh.nextCursor };
  return { logs: [...fresh.logs, ...shown.logs.filter((log) => !freshIds.has(log.requestId))], nextCursor: shown.nextCursor };
}

/** "just now", "12s ago", "3 min ago". */
export function updatedAgo(updatedAt: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - updatedAt) / 1000));
  if (seconds < 2) return "just now";
  if (seconds < 60) return `${seconds}s ago`;
  return `${Math.floor(seconds / 60)} min ago`;
}
