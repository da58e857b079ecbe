/**
 * Stripe clients. The API base comes from config, so the same code talks to
 * the local stand-in (http://127.0.0.1:12111) or to https://api.stripe.com.
 * Workers have no Node http module: the fetch HTTP client and SubtleCrypto
 * (for webhook signatures) are what stripe-node offers for them.
 */
import Stripe from "stripe";

const clients = new Map<string, Stripe>();

export interface StripeConfig {
  secretKey: string;
  /** e.g. "https://api.stripe.com" (default) or "http://127.0.0.1:12111". */
  apiBase?: string | undefined;
}

export function stripeClient(config: StripeConfig): Stripe {
  const apiBase = config.apiBase ?? "https://api.stripe.com";
  const cacheKey = `${apiBase}\u0000${config.secretKey}`;
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
      timeout: 20_000,
    });
    clients.set(cacheKey, client);
  }
  return client;
}

export const stripeWebhookCrypto = Stripe.createSubtleCryptoProvider();
