/**
 * The request log, written once for the three workers and driven by each
 * one's requests: every request writes exactly one console line (and
 * nothing else to the console), a JSON object whose request id is the one
 * the response carries, whose route is the matched pattern and not the
 * path, with the platform authentication produced — and no line holds the
 * key, the session token or an email the request carried, in its path,
 * query or body. A request that fails on our side (5xx) is that same one
 * line, at level "error".
 */
import { afterEach, describe, expect, it, vi } from "vitest";

/** One request and the line it must write. */
export interface LoggedRequest {
  /** Sends it through the worker (its harness's `call`). */
  send: () => Promise<Answer>;
  /** The line's request-dependent fields; `worker`, `msg`, `requestId` and `latencyMs` are checked on every line. */
  line: {
    level: "info" | "warn" | "error";
    method: string;
    route: string;
    status: number;
    platformId?: string;
    mode?: string;
    errorCode?: string;
    /** The name of what was thrown (5xx); its stack frames come with it. */
    error?: string;
  };
  /** What the request carried that no line may hold: its key or token, emails. */
  carried: string[];
}

export interface RequestLogSuite {
  /** The worker's name, as its lines say it. */
  worker: string;
  /**
   * Calls that pass authentication (answers and error answers) with the
   * credential and an email in the path, query or body, and any others
   * worth showing (a callback carrying a code in its query).
   */
  requests: () => Promise<LoggedRequest[]>;
  /** A call that authentication refuses, carrying a credential that does not pass. */
  refused: () => Promise<LoggedRequest>;
  /** A call that fails on our side (storage throwing): 5xx. */
  serverError: () => Promise<LoggedRequest>;
}

interface Answer {
  status: number;
  headers: Headers;
  body?: unknown;
}

const CONSOLE_METHODS = ["log", "info", "warn", "error", "debug"] as const;

/** Sends `request` with the console captured; checks it wrote exactly its one line and returns it. */
async function sendLogged(worker: string, request: LoggedRequest): Promise<Record<string, unknown>> {
  const spies = CONSOLE_METHODS.map((method) => vi.spyOn(console, method).mockImplementation(() => undefined));
  let response: Answer;
  let calls: unknown[][];
  let others: unknown[][];
  try {
    response = await request.send();
  } finally {
    // Read before restoring: restoring a spy clears what it recorded.
    const [log, ...rest] = spies;
    calls = [...(log?.mock.calls ?? [])];
    others = rest.flatMap((spy) => [...spy.mock.calls]);
    for (const spy of spies) spy.mockRestore();
  }
  expect(others).toEqual([]);
  expect(calls).toHaveLength(1);
  const args = calls[0] ?? [];
  expect(args).toHaveLength(1);
  const raw = args[0];
  expect(typeof raw).toBe("string");
  expect(response.status, JSON.stringify(response.body)).toBe(request.line.status);
  for (const secret of request.carried) expect(raw, `the line holds ${secret}`).not.toContain(secret);
  const line = JSON.parse(raw as string) as Record<string, unknown>;
  const { error, platformId, mode, errorCode, ...always } = request.line;
  expect(line).toEqual({
    ...always,
    msg: "request",
    worker,
    requestId: response.headers.get("X-Request-Id"),
    latencyMs: expect.any(Number),
    ...(platformId === undefined ? {} : { platformId }),
    ...(mode === undefined ? {} : { mode }),
    ...(errorCode === undefined ? {} : { errorCode }),
    ...(error === undefined ? {} : { error, errorStack: expect.arrayContaining([expect.stringMatching(/^at /)]) }),
  });
  expect(line.latencyMs as number).toBeGreaterThanOrEqual(0);
  return line;
}

export function describeRequestLog(suite: RequestLogSuite): void {
  describe(`${suite.worker} request log`, () => {
    afterEach(() => vi.restoreAllMocks());

    it("writes one JSON line per request: its request id, the route's pattern, status, latency and the platform authentication produced, nothing it carried", async () => {
      const requests = await suite.requests();
      expect(requests.length).toBeGreaterThan(0);
      const ids = new Set<unknown>();
      for (const request of requests) ids.add((await sendLogged(suite.worker, request)).requestId);
      expect(ids.size).toBe(requests.length);
    });

    it("names no platform for a call authentication refused, and does not hold its credential", async () => {
      await sendLogged(suite.worker, await suite.refused());
    });

    it("logs a request that fails on our side once, at level error, without the error's message", async () => {
      await sendLogged(suite.worker, await suite.serverError());
    });
  });
}

/**
 * A D1 binding (typed as the caller's, from where it goes) that fails every
 * statement with `message`, as an outage would: put in it the input an
 * error message could quote.
 */
export function failingDatabase<Database extends object>(message: string): Database {
  const fail = () => {
    throw new Error(message);
  };
  return { prepare: fail, batch: fail, exec: fail, dump: fail, withSession: fail } as unknown as Database;
}
