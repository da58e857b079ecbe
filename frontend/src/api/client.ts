/**
 * One fetch wrapper for the three workers: JSON in and out, a bearer token,
 * and the shared error shape turned into an ApiError that carries code,
 * message, status and requestId.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly body: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export type TokenSource = () => Promise<string | null>;

export async function request<T>(base: string, path: string, options: { method?: string; token?: string | null; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers["Authorization"] = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(`${base}${path}`, {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiError(0, "network_error", "The service could not be reached. Check that it is running and try again.", null, null);
  }
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string }; requestId?: string } | null) ?? null;
    throw new ApiError(
      response.status,
      error?.error?.code ?? "http_error",
      error?.error?.message ?? `Request failed with status ${response.status}.`,
      error?.requestId ?? response.headers.get("X-Request-Id"),
      body,
    );
  }
  return body as T;
}
