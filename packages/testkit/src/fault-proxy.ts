/**
 * A pass-through proxy in front of a stand-in (Stripe or Clerk) that can be
 * told to fail: tests use it to make Stripe or Clerk fail midway through a
 * multi-call operation (say, the price after the product) and check that
 * nothing is left half-done and that a retry completes the job.
 *
 *   POST   /_fault {method?, pathPrefix, mode?, status?, delayMs?, phase?, skip?, times?}
 *                                arm a fault (default: 500 on every match, until cleared)
 *   GET    /_fault              the armed faults and every request proxied since the last clear
 *   DELETE /_fault              clear all faults and the request log
 *   POST   /_fault/proxies      a private proxy to the same target (own faults and log) → {url}
 *   anything else               forwarded to the target
 *
 * Fault modes:
 *   - `status` answers `status` (default 500) with the target's error shape.
 *   - `hang` holds the request `delayMs` (default 30 s, released early when
 *     the client gives up) and then answers 504: longer than a client's
 *     timeout, the client sees a timeout; shorter, a 504.
 *   - `drop` destroys the connection without a response.
 * Phases: `request` (default) fails before the target sees the request;
 * `response` forwards it first — the target acts — and then fails the
 * response, as when a network or the caller's timeout loses the answer.
 * `skip` lets the first N matching requests through and `times` then fails
 * the next N (default: every one): matching requests are counted per fault
 * from the moment it is armed, whether or not another fault took them.
 *
 * Private proxies exist so that concurrently running test files cannot clear
 * or trip each other's faults: each gets its own port and fault list.
 */
import { Hono } from "hono";

export type FaultMode = "status" | "hang" | "drop";
export type FaultPhase = "request" | "response";

export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Path prefix to match, e.g. "/v1/checkout/sessions". */
  pathPrefix: string;
  mode?: FaultMode;
  /** `status` mode: the status to answer (default 500). */
  status?: number;
  /** `hang` mode: how long to hold the request before answering 504 (default 30,000 ms). */
  delayMs?: number;
  phase?: FaultPhase;
  /** Let this many matching requests through first (default 0). */
  skip?: number;
  /** Fail this many matching requests after the skipped ones (default: all, until cleared). */
  times?: number;
}

/** One request that reached the proxy, and what the proxy did to it. */
export interface ProxiedRequest {
  seq: number;
  method: string;
  path: string;
  /** The fault applied, or null when the request went through untouched. */
  fault: { mode: FaultMode; phase: FaultPhase } | null;
}

export type TargetFlavor = "stripe" | "clerk";

export interface FaultProxyOptions {
  /** Whose error shape `status` and `hang` answers use (default "stripe"). */
  flavor?: TargetFlavor;
  /** Starts a private sibling proxy (POST /_fault/proxies); without it that route answers 501. */
  spawn?: () => Promise<string>;
}

interface ArmedFault {
  method: string | null;
  pathPrefix: string;
  mode: FaultMode;
  status: number;
  delayMs: number;
  phase: FaultPhase;
  skip: number;
  times: number;
  /** Matching requests seen since the fault was armed. */
  seen: number;
}

/** What @hono/node-server passes as the env: the raw Node request (structurally, to stay free of Node types). */
interface NodeBindings {
  incoming?: { socket?: { destroy(): void } | null };
}

const DEFAULT_HANG_MS = 30_000;

function errorBody(flavor: TargetFlavor, status: number): unknown {
  const message = `Injected failure (fault proxy, HTTP ${status}).`;
  return flavor === "clerk" ? { errors: [{ code: "unexpected_error", message, long_message: message }], clerk_trace_id: "fault-proxy" } : { error: { type: "api_error", message } };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done);
  });
}

function armFault(body: FaultSpec): ArmedFault {
  if (typeof body.pathPrefix !== "string") throw new Error("pathPrefix is required");
  const mode = body.mode ?? "status";
  if (!["status", "hang", "drop"].includes(mode)) throw new Error(`unknown mode ${mode}`);
  const phase = body.phase ?? "request";
  if (!["request", "response"].includes(phase)) throw new Error(`unknown phase ${phase}`);
  return {
    method: body.method?.toUpperCase() ?? null,
    pathPrefix: body.pathPrefix,
    mode,
    status: body.status ?? 500,
    delayMs: body.delayMs ?? DEFAULT_HANG_MS,
    phase,
    skip: body.skip ?? 0,
    times: body.times ?? Number.POSITIVE_INFINITY,
    seen: 0,
  };
}

export function createFaultProxy(targetBase: string, options: FaultProxyOptions = {}): Hono<{ Bindings: NodeBindings }> {
  const flavor = options.flavor ?? "stripe";
  let faults: ArmedFault[] = [];
  let log: ProxiedRequest[] = [];
  let seq = 0;
  const app = new Hono<{ Bindings: NodeBindings }>();

  app.post("/_fault", async (c) => {
    try {
      faults.push(armFault((await c.req.json()) as FaultSpec));
    } catch (error) {
      return c.json({ error: String(error) }, 400);
    }
    return c.json({ armed: faults.length });
  });
  app.get("/_fault", (c) =>
    c.json({
      faults: faults.map(({ times, ...fault }) => ({ ...fault, times: Number.isFinite(times) ? times : null })),
      requests: log,
    }),
  );
  app.delete("/_fault", (c) => {
    faults = [];
    log = [];
    return c.json({ cleared: true });
  });
  app.post("/_fault/proxies", async (c) => {
    if (!options.spawn) return c.json({ error: "this proxy cannot start private proxies" }, 501);
    return c.json({ url: await options.spawn() }, 201);
  });

  app.all("*", async (c) => {
    const url = new URL(c.req.url);
    const method = c.req.method.toUpperCase();
    let fault: ArmedFault | undefined;
    for (const candidate of faults) {
      if (!url.pathname.startsWith(candidate.pathPrefix) || (candidate.method && candidate.method !== method)) continue;
      candidate.seen += 1;
      const position = candidate.seen - candidate.skip;
      if (!fault && position >= 1 && position <= candidate.times) fault = candidate;
    }
    const entry: ProxiedRequest = { seq: ++seq, method, path: `${url.pathname}${url.search}`, fault: fault ? { mode: fault.mode, phase: fault.phase } : null };
    log.push(entry);

    const forward = async (): Promise<Response> => {
      const headers = new Headers(c.req.raw.headers);
      headers.delete("host");
      headers.delete("content-length");
      const body = ["GET", "HEAD"].includes(method) ? undefined : await c.req.arrayBuffer();
      const upstream = await fetch(`${targetBase}${url.pathname}${url.search}`, { method, headers, body, redirect: "manual" });
      return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
    };
    if (!fault) return forward();
    if (fault.phase === "response") {
      // The target acts on the request; only its answer is lost.
      const upstream = await forward();
      await upstream.arrayBuffer();
    }
    switch (fault.mode) {
      case "drop":
        // Read the whole request first, so the client sees a lost connection rather than a failed upload.
        if (fault.phase === "request" && !["GET", "HEAD"].includes(method)) await c.req.arrayBuffer();
        c.env?.incoming?.socket?.destroy();
        return new Response(null, { status: 502 }); // never reaches the client: the socket is gone
      case "hang":
        await sleep(fault.delayMs, c.req.raw.signal);
        return c.json(errorBody(flavor, 504), 504);
      case "status":
        return c.json(errorBody(flavor, fault.status), fault.status as 500);
    }
  });
  return app;
}
