import type { RequestLogRecord } from "@dream-api/shared/db";

/** A request-log line as the API shows it (RequestLogEntry): the stored row without its tenant. */
export interface RequestLogView {
  requestId: string;
  time: string;
  method: string;
  route: string;
  status: number;
  errorCode: string | null;
  userId: string | null;
  latencyMs: number;
  caller: string;
}

export function toRequestLogView(record: RequestLogRecord): RequestLogView {
  const { platformId: _platformId, mode: _mode, ...view } = record;
  return view;
}
