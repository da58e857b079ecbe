/**
 * A pass-through proxy in front of the Stripe stand-in that can be told to
 * fail: tests use it to make Stripe fail midway through a multi-call
 * operation (say, the price after the product) and check that nothing is
 * left half-done and that a retry completes the job.
 *
 *   POST   /_fault {method?, pathPrefix, status?, times?}   arm a fault (default 500, until cleared)
 *   DELETE /_fault                                          clear all faults
 *   anything else                                           forwarded to the target
 */
import { Hono } from "hono";

interface Fault {
  method: string | null;
  pathPrefix: string;
  status: number;
  remaining: number;
}

export function createFaultProxy(targetBase: string): Hono {
  let faults: Fault[] = [];
  const app = new Hono();
  app.post("/_fault", async (c) => {
    const body = (await c.req.json()) as { method?: string; pathPrefix: string; status?: number; times?: number };
    faults.push({ method: body.method?.toUpperCase() ?? null, pathPrefix: body.pathPrefix, status: body.status ?? 500, remaining: body.times ?? Number.POSITIVE_INFINITY });
    return c.json({ armed: faults.length });
  });
  app.delete("/_fault", (c) => {
    faults = [];
    return c.json({ cleared: true });
  });
  app.all("*", async (c) => {
    const url = new URL(c.req.url);
    const fault = faults.find((candidate) => candidate.remaining > 0 && url.pathname.startsWith(candidate.pathPrefix) && (!candidate.method || candidate.method === c.req.method));
    if (fault) {
      fault.remaining -= 1;
      return c.json({ error: { type: "api_error", message: "Injected failure (fault proxy)." } }, fault.status as 500);
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete("host");
    headers.delete("content-length");
    const body = ["GET", "HEAD"].includes(c.req.method) ? undefined : await c.req.arrayBuffer();
    const upstream = await fetch(`${targetBase}${url.pathname}${url.search}`, { method: c.req.method, headers, body, redirect: "manual" });
    return new Response(upstream.body, { status: upstream.status, headers: upstream.headers });
  });
  return app;
}
