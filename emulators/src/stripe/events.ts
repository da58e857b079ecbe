/**
 * Event creation and fan-out. Every state change the API, the hosted pages or
 * the control endpoints make is recorded as an event in the account and mode
 * it happened in (listable via /v1/events with a key of that mode, `livemode`
 * set accordingly) and handed to the webhook dispatcher.
 */
import { newId } from "./ids.js";
import type { StripeObject } from "./objects/common.js";
import { buildEvent, type StripeEvent } from "./objects/event.js";
import type { Scope, Store } from "./store.js";
import type { WebhookDispatcher } from "./webhooks.js";

/** The API request that caused an event; both null for hosted-page and automatic actions. */
export interface RequestOrigin {
  id: string | null;
  idempotency_key: string | null;
}

export const AUTOMATIC: RequestOrigin = { id: null, idempotency_key: null };

/** Top-level fields whose value changed, with their old values (Stripe's `previous_attributes`). */
export function previousAttributes(before: StripeObject, after: StripeObject): Record<string, unknown> {
  const previous: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) previous[key] = before[key] ?? null;
  }
  return previous;
}

export class EventLog {
  constructor(
    private readonly store: Store,
    private readonly dispatcher: WebhookDispatcher,
    private readonly now: () => number,
  ) {}

  emit(scope: Scope, type: string, object: StripeObject, origin: RequestOrigin, previous: Record<string, unknown> | null = null): StripeEvent {
    const event = buildEvent({
      id: newId("evt"),
      created: this.now(),
      type,
      object,
      previousAttributes: previous,
      request: origin,
      account: scope.account === this.store.platformAccountId ? null : scope.account,
      livemode: scope.livemode,
    });
    this.store.put(scope, "events", event);
    this.deliver(scope, event);
    return event;
  }

  /** Sends an existing event again, same id, to the endpoints it targets now. */
  replay(eventId: string): StripeEvent | undefined {
    const found = this.store.locate("events", eventId);
    if (!found) return undefined;
    this.deliver(found.scope, found.object);
    return found.object;
  }

  private deliver(scope: Scope, event: StripeEvent): void {
    event.pending_webhooks += this.dispatcher.targets(event).length;
    this.store.touch();
    const load = (): StripeEvent | undefined => (this.store.account(scope.account) ? this.store.get(scope, "events", event.id) : undefined);
    this.dispatcher.dispatch(event, {
      eventId: event.id,
      load,
      settled: () => {
        const current = load();
        if (!current) return;
        current.pending_webhooks = Math.max(0, current.pending_webhooks - 1);
        this.store.touch();
        this.store.commit();
      },
    });
  }
}
