/**
 * The core of each worker's test/harness.ts, bound to its `createApp` and
 * `cloudflare:test` helpers: callers on a chosen clock, the property
 * suites' `send`, and Stripe's deliveries handed over as they came.
 */
import { templateSender } from "./arbitraries.js";
import type { Delivery } from "./in-worker.js";
import { workerCaller, type Call, type WaitableContext, type WorkerCallerDeps } from "./worker-caller.js";

/** A worker's app as its `createApp` makes it: one clock per instance. */
export interface WorkerApp<Env, Ctx> {
  fetch(request: Request, env: Env, ctx: Ctx): Response | Promise<Response>;
}

/**
 * A worker's harness core: `client(clock)` (a caller bound to a new app on
 * that clock), `call` (one on the harness clock) and `send` (request
 * templates with placeholders, for the property suites, through an app on
 * the system clock).
 */
export function bindWorker<Env extends object, Ctx extends WaitableContext>(deps: {
  createApp(options: { clock?: () => Date }): WorkerApp<NoInfer<Env>, NoInfer<Ctx>>;
  env: Env;
  createExecutionContext: () => Ctx;
  waitOnExecutionContext: (ctx: NoInfer<Ctx>) => Promise<unknown>;
  origin: string;
  clock: () => Date;
}) {
  const through = (app: WorkerApp<Env, Ctx>): WorkerCallerDeps<Env, Ctx> => ({ ...deps, fetch: (request, bindings, ctx) => app.fetch(request, bindings, ctx) });
  const client = (clock: () => Date = deps.clock): Call<Env> => workerCaller(through(deps.createApp({ clock })));
  return { client, call: client(), send: templateSender(through(deps.createApp({}))) };
}

/** `deliver`: hands one webhook delivery to the worker at `path` exactly as Stripe sent it; `deliverAll`: each in order, each one answered 200. */
export function webhookDeliverer<Env>(call: Call<Env>, path: string) {
  const deliver = (delivery: Delivery, options: { envOverrides?: Partial<Env> } = {}) =>
    call("POST", path, { rawBody: delivery.body, headers: { "Stripe-Signature": delivery.signature ?? "", "Content-Type": "application/json" }, ...options });
  const deliverAll = async (deliveries: Delivery[]): Promise<void> => {
    for (const delivery of deliveries) {
      const result = await deliver(delivery);
      if (result.status !== 200) throw new Error(`webhook ${delivery.type}: ${result.status} ${JSON.stringify(result.body)}`);
    }
  };
  return { deliver, deliverAll };
}
