/**
 * One HTTP exchange with the API, with a timeout per attempt and retries
 * (429, 5xx, no response) — the only module that calls `fetch`.
 */
import { DreamApiError, NetworkError, TimeoutError, errorFromResponse } from "./errors.js";
import { isRetryable, retryDelayMs, sleep } from "./retry.js";

/** A `fetch` with the standard signature (globalThis.fetch, undici, a test double…). */
export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** Per-call overrides of the client's settings. */
export interface RequestOptions {
  /** Aborts the call (including any wait between retries); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Per attempt, in ms. */
  timeoutMs?: number;
  /** Retries after the first attempt. */
  maxRetries?: number;
}

export interface HttpRequest {
  method: HttpMethod;
  /** Path under the base URL, e.g. `/api/customers`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
  /**
   * The `Authorization` header value, asked again before every attempt (an
   * end-user token getter may hand out a fresh token); `undefined` sends none.
   */
  authorization?: () => Promise<string | undefined>;
}

/** A success response: the parsed body plus what a caller may want from the exchange. */
export interface ApiResponse<T> {
  data: T;
  status: number;
  headers: Headers;
  /** `X-Request-Id`. */
  requestId: string | null;
  /** How many attempts the call took (1 = no retry). */
  attempts: number;
}

export interface HttpSettings {
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  /** A `Retry-After` longer than this is not waited for: the call fails at once with the 429. */
  maxRetryDelayMs: number;
  fetch: FetchLike;
}

export class HttpClient {
  constructor(private readonly settings: HttpSettings) {}

  /** Sends the request, retrying per the client's policy; resolves with the parsed 2xx body or rejects with a {@link DreamApiError}. */
  async request<T>(request: HttpRequest, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const maxRetries = options.maxRetries ?? this.settings.maxRetries;
    for (let attempt = 0; ; attempt++) {
      try {
        return { ...(await this.attempt<T>(request, options)), attempts: attempt + 1 };
      } catch (error) {
        if (attempt >= maxRetries || !isRetryable(error)) throw error;
        const delay = retryDelayMs(attempt, error);
        if (delay > this.settings.maxRetryDelayMs) throw error;
        await sleep(delay, options.signal);
      }
    }
  }

  private url(request: HttpRequest): string {
    const url = `${this.settings.baseUrl}${request.path}`;
    const query = new URLSearchParams();
    for (const [name, value] of Object.entries(request.query ?? {})) {
      if (value !== undefined) query.set(name, String(value));
    }
    const search = query.toString();
    return search ? `${url}?${search}` : url;
  }

  private async attempt<T>(request: HttpRequest, options: RequestOptions): Promise<Omit<ApiResponse<T>, "attempts">> {
    // Only CORS-safelisted or API-allowed headers, so browser calls (public tiers, end-user tokens) stay simple.
    const headers: Record<string, string> = { Accept: "application/json", ...request.headers };
    const authorization = await request.authorization?.();
    if (authorization !== undefined) headers["Authorization"] = authorization;
    if (request.body !== undefined) headers["Content-Type"] = "application/json";

    const controller = new AbortController();
    const { signal } = options;
    const forwardAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) throw signal.reason;
    signal?.addEventListener("abort", forwardAbort, { once: true });
    const timeoutMs = options.timeoutMs ?? this.settings.timeoutMs;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);

    let response: Response;
    let text: string;
    try {
      response = await this.settings.fetch(this.url(request), {
        method: request.method,
        headers,
        signal: controller.signal,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
      });
      // Read the body under the same timeout: a response that stalls midway is a timeout too.
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw signal.reason;
      const where = `${request.method} ${request.path}`;
      if (timedOut) {
        throw new TimeoutError({ code: "timeout", status: null, requestId: null, message: `${where} got no response within ${timeoutMs} ms.`, cause });
      }
      throw new NetworkError({ code: "network_error", status: null, requestId: null, message: `${where} failed without a response: ${describe(cause)}`, cause });
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", forwardAbort);
    }

    const body = parseJson(text);
    if (!response.ok) throw errorFromResponse(response.status, response.headers, body);
    const requestId = response.headers.get("X-Request-Id");
    if (body === undefined) {
      throw new DreamApiError({
        code: "invalid_response",
        status: response.status,
        requestId,
        headers: response.headers,
        message: `dream-api answered HTTP ${response.status} with a body that is not JSON.`,
      });
    }
    return { data: body as T, status: response.status, headers: response.headers, requestId };
  }
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** "fetch failed (ECONNREFUSED)": runtimes put the useful part in a nested cause. */
function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } }).cause;
  const detail = typeof inner?.code === "string" ? inner.code : typeof inner?.message === "string" ? inner.message : "";
  return detail ? `${cause.message} (${detail})` : cause.message;
}
