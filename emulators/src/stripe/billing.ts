/**
 * Subscription lifecycle shared by the API, the hosted checkout and portal
 * pages and the control endpoints, so each transition changes the same fields
 * and emits the same events whichever way it is triggered.
 */
import type { Deps } from "./deps.js";
import { invalidRequest } from "./errors.js";
import { previousAttributes, type RequestOrigin } from "./events.js";
import { newId } from "./ids.js";
import { formatAmount } from "./money.js";
import { planOf, type Price } from "./objects/catalog.js";
import type { Customer } from "./objects/customer.js";
import { buildInvoice, type BillingReason, type Invoice } from "./objects/invoice.js";
import { buildSubscription, buildSubscriptionItem, currentPeriod, setPeriod, type Subscription, type SubscriptionItem } from "./objects/subscription.js";
import { nextBoundary, periodBoundary } from "./periods.js";
import type { Scope } from "./store.js";

interface Period {
  start: number;
  end: number;
}

function recurringOf(price: Price): { interval: NonNullable<Price["recurring"]>["interval"]; count: number } {
  if (!price.recurring) throw invalidRequest(`The price \`${price.id}\` is not recurring.`);
  return { interval: price.recurring.interval, count: price.recurring.interval_count };
}

function describeItem(deps: Deps, scope: Scope, item: SubscriptionItem): string {
  const product = deps.store.get(scope, "products", item.price.product);
  const { interval } = recurringOf(item.price);
  return `${item.quantity} × ${product?.name ?? item.price.product} (at ${formatAmount(item.price.unit_amount, item.price.currency)} / ${interval})`;
}

function createInvoice(deps: Deps, scope: Scope, subscription: Subscription, reason: BillingReason, periods: { lines: Period; invoice: Period }, paid: boolean): Invoice {
  const customer = deps.store.get(scope, "customers", subscription.customer);
  const sequence = customer?.next_invoice_sequence ?? 1;
  if (customer) {
    customer.next_invoice_sequence = sequence + 1;
    deps.store.put(scope, "customers", customer);
  }
  const invoice = buildInvoice({
    livemode: scope.livemode,
    id: newId("in"),
    number: `${customer?.invoice_prefix ?? "LOCAL"}-${String(sequence).padStart(4, "0")}`,
    created: deps.now(),
    customer: { id: subscription.customer, email: customer?.email ?? null, name: customer?.name ?? null },
    accountName: deps.store.requireAccount(scope.account).account.business_profile.name,
    subscription: { id: subscription.id, metadata: subscription.metadata },
    items: subscription.items.data,
    billingReason: reason,
    linePeriod: periods.lines,
    invoicePeriod: periods.invoice,
    paid,
    lineId: () => newId("il"),
    describe: (item) => describeItem(deps, scope, item),
  });
  deps.store.put(scope, "invoices", invoice);
  subscription.latest_invoice = invoice.id;
  return invoice;
}

function emitPaid(deps: Deps, scope: Scope, invoice: Invoice, origin: RequestOrigin): void {
  deps.events.emit(scope, "invoice.paid", invoice, origin);
  deps.events.emit(scope, "invoice.payment_succeeded", invoice, origin);
}

/** A paid subscription for recurring checkout items, billed from now. */
export function startSubscription(
  deps: Deps,
  scope: Scope,
  customer: Customer,
  items: Array<{ price: Price; quantity: number }>,
  metadata: Record<string, string>,
  origin: RequestOrigin,
): { subscription: Subscription; invoice: Invoice } {
  const first = items[0];
  if (!first) throw invalidRequest("A subscription needs at least one recurring price.");
  const now = deps.now();
  const { interval, count } = recurringOf(first.price);
  const period = { start: now, end: periodBoundary(now, interval, count, 1) };
  const id = newId("sub");
  const subscription = buildSubscription({
    livemode: scope.livemode,
    id,
    created: now,
    customer: customer.id,
    currency: first.price.currency,
    metadata,
    items: items.map((item) => buildSubscriptionItem(newId("si"), id, item.price, item.quantity, now, period)),
    period,
  });
  const invoice = createInvoice(deps, scope, subscription, "subscription_create", { lines: period, invoice: { start: now, end: now } }, true);
  deps.store.put(scope, "subscriptions", subscription);
  deps.events.emit(scope, "customer.subscription.created", subscription, origin);
  emitPaid(deps, scope, invoice, origin);
  return { subscription, invoice };
}

/**
 * Applies `change` and emits `customer.subscription.updated` with Stripe's
 * `previous_attributes` when anything actually changed.
 */
export function updateSubscription(deps: Deps, scope: Scope, subscription: Subscription, change: (subscription: Subscription) => void, origin: RequestOrigin): Subscription {
  const before = structuredClone(subscription);
  change(subscription);
  const previous = previousAttributes(before, subscription);
  if (Object.keys(previous).length > 0) {
    deps.store.put(scope, "subscriptions", subscription);
    deps.events.emit(scope, "customer.subscription.updated", subscription, origin, previous);
  }
  return subscription;
}

export function assertNotCanceled(subscription: Subscription): void {
  if (subscription.status === "canceled") {
    throw invalidRequest("A canceled subscription can only update its cancellation_details and metadata.");
  }
}

/**
 * `cancel_at_period_end`: Stripe records the request time in `canceled_at`
 * and the scheduled end in `cancel_at`; resuming clears both.
 */
export function scheduleCancellation(subscription: Subscription, cancel: boolean, now: number): void {
  if (subscription.cancel_at_period_end === cancel) return;
  subscription.cancel_at_period_end = cancel;
  subscription.cancel_at = cancel ? currentPeriod(subscription).end : null;
  subscription.canceled_at = cancel ? now : null;
  subscription.cancellation_details = { comment: null, feedback: null, reason: cancel ? "cancellation_requested" : null };
}

export function setCancelAtPeriodEnd(deps: Deps, scope: Scope, subscription: Subscription, cancel: boolean, origin: RequestOrigin): Subscription {
  assertNotCanceled(subscription);
  return updateSubscription(deps, scope, subscription, (s) => scheduleCancellation(s, cancel, deps.now()), origin);
}

/**
 * A plan switch from the billing portal: the subscription's only item moves
 * to `price` (no proration modelled), emitting `customer.subscription.updated`.
 */
export function switchPrice(deps: Deps, scope: Scope, subscription: Subscription, price: Price, origin: RequestOrigin): Subscription {
  assertNotCanceled(subscription);
  if (subscription.items.data.length !== 1) throw invalidRequest("Only a subscription with one item can switch plans in the portal.");
  if (price.currency !== subscription.currency) throw invalidRequest(`The price \`${price.id}\` is in ${price.currency}, the subscription in ${subscription.currency}.`);
  recurringOf(price);
  return updateSubscription(
    deps,
    scope,
    subscription,
    (s) => {
      const item = s.items.data[0];
      if (!item) return;
      item.price = price;
      item.plan = planOf(price);
    },
    origin,
  );
}

function end(deps: Deps, scope: Scope, subscription: Subscription, at: number, origin: RequestOrigin): Subscription {
  subscription.status = "canceled";
  subscription.ended_at = at;
  subscription.canceled_at ??= at;
  subscription.cancel_at = null;
  subscription.cancellation_details = { comment: null, feedback: null, reason: "cancellation_requested" };
  deps.store.put(scope, "subscriptions", subscription);
  deps.events.emit(scope, "customer.subscription.deleted", subscription, origin);
  return subscription;
}

/** Immediate cancellation (`DELETE /v1/subscriptions/:id`, portal "Cancel now"). */
export function cancelNow(deps: Deps, scope: Scope, subscription: Subscription, origin: RequestOrigin): Subscription {
  if (subscription.status === "canceled") throw invalidRequest("This subscription has already been canceled.");
  subscription.canceled_at = deps.now();
  return end(deps, scope, subscription, deps.now(), origin);
}

/**
 * Moves the subscription to its period end: a subscription set to cancel
 * ends there; any other renews for one more interval with a paid invoice
 * (which also brings a past_due subscription back to active).
 */
export function advance(deps: Deps, scope: Scope, subscription: Subscription, origin: RequestOrigin): Subscription {
  assertNotCanceled(subscription);
  const first = subscription.items.data[0];
  if (!first) throw invalidRequest("The subscription has no items.");
  const previous = currentPeriod(subscription);
  if (subscription.cancel_at_period_end) return end(deps, scope, subscription, previous.end, origin);
  const { interval, count } = recurringOf(first.price);
  const next = { start: previous.end, end: nextBoundary(subscription.billing_cycle_anchor, interval, count, previous.end) };
  let invoice: Invoice | undefined;
  updateSubscription(
    deps,
    scope,
    subscription,
    (s) => {
      setPeriod(s, next);
      s.status = "active";
      invoice = createInvoice(deps, scope, s, "subscription_cycle", { lines: next, invoice: previous }, true);
    },
    origin,
  );
  if (invoice) emitPaid(deps, scope, invoice, origin);
  return subscription;
}

/**
 * A failed charge for the current period: an open invoice with one failed
 * attempt, and the subscription past_due. The period does not move.
 */
export function failPayment(deps: Deps, scope: Scope, subscription: Subscription, origin: RequestOrigin): Subscription {
  assertNotCanceled(subscription);
  const period = currentPeriod(subscription);
  const invoice = createInvoice(deps, scope, subscription, "subscription_cycle", { lines: period, invoice: period }, false);
  deps.events.emit(scope, "invoice.payment_failed", invoice, origin);
  return updateSubscription(deps, scope, subscription, (s) => (s.status = "past_due"), origin);
}
