/**
 * Stripe clients. The API base comes from config, so the same code talks to
 * the local stand-in (http://127.0.0.1:12111) or to https://api.stripe.com.
 * Workers have no Node http module: the fetch HTTP client and SubtleCrypto
 * (for webhook signatures) are what stripe-node offers for them.
 */
import Stripe from "stripe";
import { z } from "zod";
import { ApiError } from "./errors";
import type { KeyMode } from "./ids";

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
      // The version stripe-node's types describe, stated so a change is a
      // visible one: our code reads the billing period from subscription items,
      // where it lives since 2025-03-31 (webhook endpoints must be on it too).
      apiVersion: Stripe.API_VERSION,
    });
    clients.set(cacheKey, client);
  }
  return client;
}

/**
 * The platform's Stripe keys, one per mode, as the workers that touch tenant
 * data on Stripe read them (api-multi, oauth-api): test data is served with
 * the test key, live data with the live key — so a test credential can never
 * move real money. Restricted keys (rk_) work too.
 */
export const stripeModeKeyConfigFields = {
  STRIPE_SECRET_KEY_TEST: z.string().regex(/^[sr]k_test_\w+$/, "must be a test-mode key (sk_test_… or rk_test_…)"),
  STRIPE_SECRET_KEY_LIVE: z.string().regex(/^[sr]k_live_\w+$/, "must be a live-mode key (sk_live_… or rk_live_…)"),
  STRIPE_API_BASE: z.url().optional(),
  /** Stripe client timeout per request in ms (default 20,000). */
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).optional(),
};

export interface StripeModeKeys {
  STRIPE_SECRET_KEY_TEST: string;
  STRIPE_SECRET_KEY_LIVE: string;
  STRIPE_API_BASE?: string | undefined;
  STRIPE_TIMEOUT_MS?: number | undefined;
}

/** The Stripe client for one mode's data: the platform's key of that mode (add `stripeAccount` per call for a connected account). */
export function stripeForMode(keys: StripeModeKeys, mode: KeyMode): Stripe {
  return stripeClient({ secretKey: mode === "live" ? keys.STRIPE_SECRET_KEY_LIVE : keys.STRIPE_SECRET_KEY_TEST, apiBase: keys.STRIPE_API_BASE, timeoutMs: keys.STRIPE_TIMEOUT_MS });
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
