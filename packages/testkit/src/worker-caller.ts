/**
 * Sends requests through a worker's Hono app inside workerd tests, with the
 * test's bindings (optionally overridden) and a real ExecutionContext whose
 * waitUntil work is awaited, and decodes the answer. Each worker's harness
 * binds it to its own `createApp` and `cloudflare:test` helpers (worker-harness.ts).
 */
export interface WaitableContext {
  waitUntil(promise: Promise<unknown>): void;
}

export interface CallOptions<Env> {
  /** Sent as `Authorization: Bearer …` (a secret key, or a session JWT). */
  key?: string | null;
  token?: string | null;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  envOverrides?: Partial<Env>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** A worker's `call`: a request through its app, the answer decoded. */
export type Call<Env> = (method: string, path: string, options?: CallOptions<Env>) => Promise<CallResult>;

export interface WorkerCallerDeps<Env, Ctx extends WaitableContext> {
  fetch: (request: Request, env: Env, ctx: Ctx) => Response | Promise<Response>;
  env: Env;
  createExecutionContext: () => Ctx;
  waitOnExecutionContext: (ctx: Ctx) => Promise<unknown>;
  /** The origin request URLs are built on, e.g. http://api.test. */
  origin: string;
}

export function workerCaller<Env extends object, Ctx extends WaitableContext>(deps: WorkerCallerDeps<Env, Ctx>): Call<Env> {
  return async function call(method, path, options = {}) {
    const headers = new Headers(options.headers);
    const bearer = options.key ?? options.token;
    if (bearer) headers.set("Authorization", `Bearer ${bearer}`);
    let body: BodyInit | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(options.body);
    }
    const ctx = deps.createExecutionContext();
    const env = options.envOverrides ? { ...deps.env, ...options.envOverrides } : deps.env;
    const response = await deps.fetch(new Request(`${deps.origin}${path}`, { method, headers, body, redirect: "manual" }), env, ctx);
    await deps.waitOnExecutionContext(ctx);
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, headers: response.headers, body: parsed };
  };
}
