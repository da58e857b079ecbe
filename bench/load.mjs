/**
 * The load generator, run as its own process (so it does not share a CPU
 * budget with workerd's event loop): one autocannon run described by a JSON
 * argument, printed back as one JSON line.
 */
import autocannon from "autocannon";

/** @type {{ url: string, method?: string, headers?: Record<string, string>, bodyUsers?: string[], body?: Record<string, unknown>, headerUser?: string[], connections: number, duration?: number, amount?: number }} */
const spec = JSON.parse(process.argv[2] ?? "{}");
const pick = (/** @type {string[]} */ list) => list[Math.floor(Math.random() * list.length)] ?? "";

const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  ...(spec.amount ? { amount: spec.amount } : { duration: spec.duration ?? 10 }),
  requests: [
    {
      method: /** @type {any} */ (spec.method ?? "GET"),
      headers: spec.headers ?? {},
      setupRequest: (/** @type {Record<string, unknown>} */ request) => {
        const headers = { ...(spec.headers ?? {}) };
        if (spec.headerUser) headers["X-User-Id"] = pick(spec.headerUser);
        const body = spec.bodyUsers ? JSON.stringify({ ...spec.body, userId: pick(spec.bodyUsers) }) : spec.body ? JSON.stringify(spec.body) : undefined;
        return { ...request, headers, ...(body ? { body } : {}) };
      },
    },
  ],
});

process.stdout.write(
  `${JSON.stringify({
    rps: result.requests.average,
    total: result.requests.total,
    p50_ms: result.latency.p50,
    p99_ms: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    status: result.statusCodeStats,
  })}\n`,
);
