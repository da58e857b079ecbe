/**
 * What happens when the hosted checkout page is paid: the card is charged,
 * the customer created if needed, the subscription or payment intent created,
 * the session completed, and the events a real Checkout payment produces are
 * emitted. Nothing is written unless the card is accepted.
 */
import { startSubscription } from "./billing.js";
import { chargeCard } from "./cards.js";
import type { Deps } from "./deps.js";
import { invalidRequest } from "./errors.js";
import { AUTOMATIC, type RequestOrigin } from "./events.js";
import { newId } from "./ids.js";
import { buildCustomerDetails, type CheckoutSession } from "./objects/checkout.js";
import { buildCustomer, type Customer } from "./objects/customer.js";
import { buildPaymentIntent } from "./objects/payment-intent.js";
import type { Scope } from "./store.js";

export interface PaymentInput {
  email: string | undefined;
  name: string | undefined;
  cardNumber: string;
}

/** Sessions past `expires_at` become expired the first time anyone looks at them. */
export function expireIfDue(deps: Deps, scope: Scope, session: CheckoutSession): CheckoutSession {
  if (session.status === "open" && session.expires_at <= deps.now()) expireSession(deps, scope, session, AUTOMATIC);
  return session;
}

export function expireSession(deps: Deps, scope: Scope, session: CheckoutSession, origin: RequestOrigin): CheckoutSession {
  if (session.status !== "open") {
    throw invalidRequest(`Only Checkout Sessions with a status in ["open"] can be expired.`);
  }
  session.status = "expired";
  session.url = null;
  deps.store.put(scope, "checkout_sessions", session);
  deps.events.emit(scope, "checkout.session.expired", session, origin);
  return session;
}

/** The email the page must ask for, or the one already known. */
export function knownEmail(deps: Deps, scope: Scope, session: CheckoutSession): string | null {
  if (session.customer) return deps.store.get(scope, "customers", session.customer)?.email ?? null;
  return session.customer_email;
}

function customerFor(deps: Deps, scope: Scope, session: CheckoutSession, email: string, name: string | null): Customer | null {
  if (session.customer) return deps.store.get(scope, "customers", session.customer) ?? null;
  const mustCreate = session.mode === "subscription" || session.customer_creation === "always";
  if (!mustCreate) return null;
  const customer = buildCustomer({ id: newId("cus"), created: deps.now(), email, name, description: null, phone: null, metadata: {}, livemode: scope.livemode });
  deps.store.put(scope, "customers", customer);
  deps.events.emit(scope, "customer.created", customer, AUTOMATIC);
  return customer;
}

/** Throws a 402 card error or a 400 for missing input; on success the session is complete. */
export function payCheckoutSession(deps: Deps, scope: Scope, session: CheckoutSession, input: PaymentInput): void {
  expireIfDue(deps, scope, session);
  if (session.status !== "open") throw invalidRequest(`This Checkout Session is ${session.status}.`);
  const email = knownEmail(deps, scope, session) ?? input.email?.trim();
  if (!email) throw invalidRequest("Enter your email address.", { param: "email" });
  chargeCard(input.cardNumber);

  const extras = deps.store.extras(scope)[session.id];
  const lineItems = extras?.lineItems ?? [];
  const name = input.name?.trim() || null;
  const customer = customerFor(deps, scope, session, email, name);

  if (session.mode === "subscription") {
    if (!customer) throw new Error("subscription checkout without a customer");
    const items = lineItems.map((item) => ({ price: item.price, quantity: item.quantity }));
    const { subscription, invoice } = startSubscription(deps, scope, customer, items, extras?.subscriptionMetadata ?? {}, AUTOMATIC);
    session.subscription = subscription.id;
    session.invoice = invoice.id;
  } else {
    const paymentIntent = buildPaymentIntent({
      livemode: scope.livemode,
      id: newId("pi"),
      created: deps.now(),
      amount: session.amount_total,
      currency: session.currency,
      customer: customer?.id ?? null,
      receiptEmail: email,
      metadata: extras?.paymentIntentMetadata ?? {},
    });
    deps.store.put(scope, "payment_intents", paymentIntent);
    deps.events.emit(scope, "payment_intent.succeeded", paymentIntent, AUTOMATIC);
    session.payment_intent = paymentIntent.id;
  }

  session.status = "complete";
  session.payment_status = "paid";
  session.customer = customer?.id ?? null;
  session.customer_details = buildCustomerDetails(email, name ?? customer?.name ?? null);
  session.url = null;
  deps.store.put(scope, "checkout_sessions", session);
  deps.events.emit(scope, "checkout.session.completed", session, AUTOMATIC);
}

/** Stripe fills `{CHECKOUT_SESSION_ID}` in the redirect URLs with the session id. */
export function redirectUrl(template: string, sessionId: string): string {
  return template.replaceAll("{CHECKOUT_SESSION_ID}", sessionId);
}
