/**
 * Stripe clients. The API base comes from config, so the same code talks to
 * the local stand-in (http://127.0.0.1:12111) or to https://api.stripe.com.
 * Workers have no Node http module: the fetch HTTP client and SubtleCrypto
 * (for webhook signatures) are what stripe-node offers for them.
 */
import Stripe from "stripe";
import { ApiError } from "./errors";

const clients = new Map<string, Stripe>();

export interface StripeConfig {
  secretKey: string;
  /** e.g. "https://api.stripe.com" (default) or "http://127.0.0.1:12111". */
  apiBase?: string | undefined;
  /** Per-request timeout in milliseconds (default 20,000); each of the 2 network retries gets its own. */
  timeoutMs?: number | undefined;
}

const DEFAULT_TIMEOUT_MS = 20_000;

export function stripeClient(config: StripeConfig): Stripe {
  const apiBase = config.apiBase ?? "https://api.stripe.com";
  const timeout = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const cacheKey = `${apiBase}\u0000${config.secretKey}\u0000${timeout}`;
  let client = clients.get(cacheKey);
  if (!client) {
    const url = new URL(apiBase);
    const protocol = url.protocol === "http:" ? "http" : "https";
    client = new Stripe(config.secretKey, {
      host: url.hostname,
      port: url.port ? Number(url.port) : protocol === "http" ? 80 : 443,
      protocol,
      httpClient: Stripe.createFetchHttpClient(),
      maxNetworkRetries: 2,
      timeout,
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/**
 * Maps a failed Stripe call to 502 `stripe_error` (our own ApiErrors pass
 * through). `outcome` tells the caller what a retry does: by default nothing
 * was changed; pass the sentence to say when part of the work is already saved.
 */
export function stripeFailure(action: string, error: unknown, outcome = "Nothing was changed; retry the request."): ApiError {
  if (error instanceof ApiError) return error;
  const statusCode = typeof error === "object" && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  const status = typeof statusCode === "number" ? String(statusCode) : "unreachable";
  return new ApiError("stripe_error", `Stripe could not ${action} (status ${status}). ${outcome}`, { cause: error });
}

export * from "./stripe-webhook";
