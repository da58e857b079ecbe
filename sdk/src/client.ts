/** The `DreamApi` client: settings, credentials and one object per resource. */
import { Credentials, type CredentialKind, type EndUserTokenSource } from "./credentials.js";
import { DreamApiConfigurationError } from "./errors.js";
import { HttpClient, type ApiResponse, type FetchLike, type HttpMethod, type RequestOptions } from "./http.js";
import { Checkout } from "./resources/checkout.js";
import type { ResourceContext } from "./resources/context.js";
import { Customers } from "./resources/customers.js";
import { DashboardResource } from "./resources/dashboard.js";
import { Logs } from "./resources/logs.js";
import { Platforms } from "./resources/platforms.js";
import { Portal } from "./resources/portal.js";
import { Tiers } from "./resources/tiers.js";
import { UsageResource } from "./resources/usage.js";
import { WebhooksResource } from "./resources/webhooks.js";

export const DEFAULT_BASE_URL = "https://api.dream-api.dev";
export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;

export interface DreamApiOptions {
  /** Your secret key (`sk_live_…` / `sk_test_…`). Server side only: refused in browsers. */
  secretKey?: string;
  /** Your publishable key (`pk_…`), for {@link Tiers.listPublic}. Safe anywhere. */
  publishableKey?: string;
  /**
   * An end-user's session JWT of the shared end-user-api Clerk app, or a
   * function returning a fresh one (called before every attempt). Allows
   * `usage.check`, `checkout.create` and `portal.create` for that user only.
   */
  endUserToken?: EndUserTokenSource;
  /** Default `https://api.dream-api.dev`. */
  baseUrl?: string;
  /** Per attempt, in ms; default 10,000. */
  timeoutMs?: number;
  /** Retries after a 429, a 5xx or no response; default 2. Other 4xx are never retried. */
  maxRetries?: number;
  /** Longest `Retry-After` the client waits for before retrying; a longer one fails the call at once. Default 60,000 ms. */
  maxRetryDelayMs?: number;
  /** The `fetch` to use; default `globalThis.fetch`. */
  fetch?: FetchLike;
  /** Allows a `secretKey` in a browser page. Only for tools that never reach end-users. */
  dangerouslyAllowBrowser?: boolean;
}

/** A raw call for routes this version has no method for. */
export interface RawRequest {
  method: HttpMethod;
  path: string;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  headers?: Record<string, string>;
  /** Which credentials to send; default `secret`. */
  auth?: CredentialKind;
}

/**
 * The dream-api client.
 *
 * @example
 * import { DreamApi } from "@dream-api/client";
 * const dream = new DreamApi({ secretKey: process.env.DREAM_API_SECRET_KEY });
 * const { usage } = await dream.usage.track({ userId: "user_42" });
 */
export class DreamApi {
  /** End-users: create, get, update, delete, list, listAll, and `credits` (list, listAll, grant). */
  readonly customers: Customers;
  /** Usage limits: track, check. */
  readonly usage: UsageResource;
  /** Pricing tiers: list, listPublic. */
  readonly tiers: Tiers;
  /** Stripe Checkout for end-users. */
  readonly checkout: Checkout;
  /** Stripe billing portal for end-users. */
  readonly portal: Portal;
  /** The developer dashboard's data. */
  readonly dashboard: DashboardResource;
  /** Hosted pricing pages by platform id: getPublic, and join for a signed-in person. */
  readonly platforms: Platforms;
  /**
   * The webhooks dream-api sends you: verify (no credentials needed; also the
   * standalone `verifyWebhook`), `endpoints` (create, list, get, update, delete,
   * rotateSecret, test) and `events` (list, listAll, get, resend).
   */
  readonly webhooks: WebhooksResource;
  /** Your platform's request log (7 days): list, listAll, get. */
  readonly logs: Logs;

  private readonly context: ResourceContext;

  constructor(options: DreamApiOptions = {}) {
    const fetchImpl = options.fetch ?? defaultFetch();
    const context: ResourceContext = {
      credentials: new Credentials(options),
      publishableKey: options.publishableKey,
      http: new HttpClient({
        baseUrl: (options.baseUrl ?? DEFAULT_BASE_URL).replace(/\/+$/, ""),
        timeoutMs: positive("timeoutMs", options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        maxRetries: wholeNumber("maxRetries", options.maxRetries ?? DEFAULT_MAX_RETRIES),
        maxRetryDelayMs: wholeNumber("maxRetryDelayMs", options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS),
        fetch: fetchImpl,
      }),
    };
    this.context = context;
    this.customers = new Customers(context);
    this.usage = new UsageResource(context);
    this.tiers = new Tiers(context);
    this.checkout = new Checkout(context);
    this.portal = new Portal(context);
    this.dashboard = new DashboardResource(context);
    this.platforms = new Platforms(context);
    this.webhooks = new WebhooksResource(context);
    this.logs = new Logs(context);
  }

  /**
   * Calls any route with this client's credentials, retries and timeout, and
   * returns the body with status, headers, request id and attempt count.
   *
   * @example
   * const { data, headers } = await dream.request<TrackUsageResponse>({ method: "POST", path: "/api/usage/track", body: { userId: "u1" } });
   */
  async request<T>(request: RawRequest, options?: RequestOptions): Promise<ApiResponse<T>> {
    const { auth = "secret", ...rest } = request;
    const authorization = this.context.credentials.authorization(auth, `${request.method} ${request.path}`);
    return this.context.http.request<T>({ ...rest, authorization }, options);
  }
}

function defaultFetch(): FetchLike {
  const fetchImpl = (globalThis as { fetch?: typeof fetch }).fetch;
  if (typeof fetchImpl !== "function") {
    throw new DreamApiConfigurationError("No global fetch (Node 18+, Deno, Workers and browsers have one): pass `fetch` to new DreamApi({ fetch }).");
  }
  // Bound: some runtimes throw "Illegal invocation" for a detached fetch.
  return (input, init) => fetchImpl.call(globalThis, input, init);
}

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new DreamApiConfigurationError(`${name} must be a positive number of milliseconds.`);
  return value;
}

function wholeNumber(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) throw new DreamApiConfigurationError(`${name} must be a whole number ≥ 0.`);
  return value;
}
