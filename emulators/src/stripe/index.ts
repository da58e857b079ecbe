/**
 * Local stand-in for the Stripe API subset dream-api uses, driven by the
 * official stripe-node client (`host`/`port`/`protocol` +
 * `Stripe.createFetchHttpClient()`): stateful objects per account, hosted
 * Checkout / billing portal / Connect OAuth pages, signed webhooks with
 * retries, and `/_emulator` controls for tests.
 */
import type { Hono } from "hono";
import { buildApp } from "./app.js";
import type { Deps } from "./deps.js";
import { EventLog } from "./events.js";
import { endpointsFor } from "./resources/webhook-endpoints.js";
import { Store } from "./store.js";
import { WebhookDispatcher, type Delivery, type RetryPolicy, type WebhookEndpointConfig } from "./webhooks.js";

export type { Delivery, RetryPolicy, WebhookEndpointConfig };
export { API_VERSION } from "./objects/event.js";

export interface StripeEmulatorOptions {
  /** Base URL of hosted pages (checkout, portal, OAuth authorize), e.g. http://127.0.0.1:12111. */
  publicUrl: string;
  /** Default "acct_platform_local". */
  platformAccountId?: string;
  /** Default "ca_local_dreamapi". */
  connectClientId?: string;
  /**
   * The platform's secret keys (`sk_test_…` / `sk_live_…`, `rk_…`), the only
   * API keys accepted: any other is a 401, as on Stripe. OAuth access tokens
   * are accepted for their account besides.
   */
  secretKeys: readonly string[];
  /** Endpoints that exist from the start, each receiving every event of its kind and mode; more can be registered through `/v1/webhook_endpoints`. */
  webhookEndpoints?: WebhookEndpointConfig[];
  /** JSON file loaded at start and rewritten after each change, so a second run keeps the state. */
  stateFile?: string;
  /** Unix seconds; injectable for tests. Webhook signatures always use the wall clock. */
  now?: () => number;
  /** Webhook redelivery (configured and API-registered endpoints alike); default 5 attempts, 500 ms base delay, doubling. */
  retry?: RetryPolicy;
}

export interface StripeEmulator {
  app: Hono;
  /** Every webhook delivery attempt so far, oldest first. */
  deliveries(): Delivery[];
  /** Resolves once no webhook delivery (including scheduled retries) is pending. */
  idle(): Promise<void>;
  /** Stops retries and in-flight deliveries; the app still answers requests. */
  close(): void;
}

export function createStripeEmulator(options: StripeEmulatorOptions): StripeEmulator {
  if (options.secretKeys.length === 0 || options.secretKeys.some((key) => !/^[sr]k_(test|live)_\w+$/.test(key))) {
    throw new Error(`Stripe stand-in: secretKeys must list the platform's sk_test_/sk_live_ keys (got ${JSON.stringify(options.secretKeys)})`);
  }
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const store = new Store({
    stateFile: options.stateFile,
    platformAccountId: options.platformAccountId ?? "acct_platform_local",
    now,
  });
  const dispatcher = new WebhookDispatcher(options.webhookEndpoints ?? [], options.retry ?? { attempts: 5, baseDelayMs: 500 }, (event) => endpointsFor(store, event));
  const deps: Deps = {
    store,
    events: new EventLog(store, dispatcher, now),
    now,
    publicUrl: options.publicUrl.replace(/\/+$/, ""),
    connectClientId: options.connectClientId ?? "ca_local_dreamapi",
    auth: { secretKeys: [...options.secretKeys] },
  };
  return {
    app: buildApp(deps, dispatcher),
    deliveries: () => dispatcher.deliveries(),
    idle: () => dispatcher.idle(),
    close: () => dispatcher.close(),
  };
}
