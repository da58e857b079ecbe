/**
 * Webhook delivery: a signed POST per (event, endpoint) — the endpoints the
 * stand-in was started with and those registered through the API — retried with
 * exponential backoff on a non-2xx answer or a network error, every attempt
 * logged. First attempts to one endpoint go out in event order; retries are
 * scheduled independently so one failing event never holds back the rest.
 */
import { newId } from "./ids.js";
import type { StripeEvent } from "./objects/event.js";
import { signatureHeader } from "./signing.js";

export interface WebhookEndpointConfig {
  url: string;
  /** `whsec_…` signing secret. */
  secret: string;
  /** true: receives connected accounts' events (event.account set); false: the platform's own. */
  connect: boolean;
  /**
   * The endpoint's mode, as every Stripe endpoint has one: false receives only
   * test-mode events, true only live-mode ones. Absent: events of both modes.
   */
  livemode?: boolean;
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

/** One delivery attempt. */
export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  account: string | null;
  livemode: boolean;
  url: string;
  attempt: number;
  /** HTTP status, or null when the request failed before a response. */
  status: number | null;
  ok: boolean;
  error: string | null;
  /** Epoch milliseconds when the attempt finished. */
  at: number;
}

export interface DeliveryJob {
  eventId: string;
  /** Current stored event (re-read per attempt so `pending_webhooks` is current); undefined once reset. */
  load: () => StripeEvent | undefined;
  /** Called once per endpoint when delivery succeeded or was given up. */
  settled: () => void;
}

const TIMEOUT_MS = 10_000;

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause;
  const code = cause && typeof cause === "object" && "code" in cause ? String(cause.code) : undefined;
  return code ? `${error.message} (${code})` : error.message;
}

export class WebhookDispatcher {
  private log: Delivery[] = [];
  private pending = 0;
  private waiters: Array<() => void> = [];
  private timers = new Set<ReturnType<typeof setTimeout>>();
  private controllers = new Set<AbortController>();
  private chains = new Map<string, Promise<void>>();
  /** Bumped by reset/close so attempts started before it record nothing. */
  private generation = 0;
  private closed = false;

  constructor(
    private readonly endpoints: WebhookEndpointConfig[],
    private readonly retry: RetryPolicy,
    /** Endpoints registered through `/v1/webhook_endpoints` that take this event (read at dispatch, so changes apply to the next event). */
    private readonly registered: (event: StripeEvent) => WebhookEndpointConfig[] = () => [],
  ) {}

  /**
   * The configured endpoints: connected-account events go to connect
   * endpoints, platform events to the others; an endpoint with a mode gets
   * only the events of that mode. Then the registered ones.
   */
  targets(event: StripeEvent): WebhookEndpointConfig[] {
    const connect = event.account !== undefined;
    const configured = this.endpoints.filter((endpoint) => endpoint.connect === connect && (endpoint.livemode === undefined || endpoint.livemode === event.livemode));
    return [...configured, ...this.registered(event)];
  }

  dispatch(event: StripeEvent, job: DeliveryJob): void {
    if (this.closed) return;
    const generation = this.generation;
    for (const endpoint of this.targets(event)) {
      this.pending++;
      const previous = this.chains.get(endpoint.url) ?? Promise.resolve();
      this.chains.set(
        endpoint.url,
        previous.then(() => this.attempt(endpoint, job, 1, generation)).catch(() => undefined),
      );
    }
  }

  deliveries(): Delivery[] {
    return this.log.map((delivery) => ({ ...delivery }));
  }

  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Drops the log and everything pending (scheduled retries, in-flight requests). */
  reset(): void {
    this.generation++;
    for (const timer of this.timers) clearTimeout(timer);
    for (const controller of this.controllers) controller.abort();
    this.timers.clear();
    this.controllers.clear();
    this.chains.clear();
    this.log = [];
    this.pending = 0;
    this.wake();
  }

  close(): void {
    const log = this.log;
    this.reset();
    this.log = log;
    this.closed = true;
  }

  private async attempt(endpoint: WebhookEndpointConfig, job: DeliveryJob, attempt: number, generation: number): Promise<void> {
    if (generation !== this.generation) return;
    const event = job.load();
    if (!event) return this.settle(job);
    const payload = JSON.stringify(event, null, 2);
    // Signed with the wall clock, not the injectable `now`: receivers check
    // the timestamp against their own clock (300 s tolerance by default).
    const timestamp = Math.floor(Date.now() / 1000);
    const controller = new AbortController();
    this.controllers.add(controller);
    const timeout = setTimeout(() => controller.abort(), TIMEOUT_MS);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const response = await fetch(endpoint.url, {
        method: "POST",
        redirect: "manual",
        signal: controller.signal,
        headers: {
          "content-type": "application/json; charset=utf-8",
          "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          "stripe-signature": signatureHeader(payload, endpoint.secret, timestamp),
        },
        body: payload,
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (caught) {
      error = describeError(caught);
    } finally {
      clearTimeout(timeout);
      this.controllers.delete(controller);
    }
    if (generation !== this.generation) return;
    const ok = status !== null && status >= 200 && status < 300;
    this.log.push({
      id: newId("whd"),
      eventId: event.id,
      eventType: event.type,
      account: event.account ?? null,
      livemode: event.livemode,
      url: endpoint.url,
      attempt,
      status,
      ok,
      error: ok ? null : (error ?? `HTTP ${String(status)}`),
      at: Date.now(),
    });
    if (ok || attempt >= this.retry.attempts) return this.settle(job);
    const delay = this.retry.baseDelayMs * 2 ** (attempt - 1);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(endpoint, job, attempt + 1, generation);
    }, delay);
    this.timers.add(timer);
  }

  private settle(job: DeliveryJob): void {
    job.settled();
    this.pending--;
    if (this.pending === 0) this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const resolve of waiters) resolve();
  }
}
