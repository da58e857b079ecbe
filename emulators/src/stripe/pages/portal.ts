/**
 * Hosted billing portal (`portal_session.url`): the customer's subscriptions
 * with what the session's configuration offers — cancel (at period end or
 * immediately, per `subscription_cancel.mode`), resume, switch among the
 * prices of `subscription_update.products`, the invoice history. Each button
 * goes through the same billing functions as the API, so it emits the same
 * `customer.subscription.updated` / `.deleted` events; an action the
 * configuration does not offer is refused here too, not only hidden.
 */
import type { Hono } from "hono";
import { readForm } from "../api.js";
import { cancelNow, setCancelAtPeriodEnd, switchPrice } from "../billing.js";
import type { Deps } from "../deps.js";
import { StripeApiError } from "../errors.js";
import { AUTOMATIC } from "../events.js";
import { formatAmount } from "../money.js";
import type { Price } from "../objects/catalog.js";
import type { PortalSession } from "../objects/portal.js";
import type { PortalConfiguration } from "../objects/portal-configuration.js";
import { currentPeriod, type Subscription } from "../objects/subscription.js";
import { Params } from "../params.js";
import type { Scope } from "../store.js";
import { formatDate, html, merchantName, messagePage, page, type SafeHtml, testBadge } from "./layout.js";

const ACTIONS = ["cancel_at_period_end", "resume", "cancel_now", "switch"] as const;
type Action = (typeof ACTIONS)[number];

/** What a session's configuration lets the customer do. */
interface Offer {
  cancelAtPeriodEnd: boolean;
  cancelNow: boolean;
  /** Prices a subscription may switch among (when it is on one of them); empty: no switching. */
  switchPrices: string[];
  invoiceHistory: boolean;
  paymentMethodUpdate: boolean;
  customerUpdates: string[];
  configuration: PortalConfiguration | undefined;
}

/**
 * Sessions saved before configurations existed (state files of older runs)
 * name none that exists: they keep the old page, both cancel buttons.
 */
function offerOf(configuration: PortalConfiguration | undefined): Offer {
  if (!configuration) {
    return { cancelAtPeriodEnd: true, cancelNow: true, switchPrices: [], invoiceHistory: false, paymentMethodUpdate: false, customerUpdates: [], configuration };
  }
  const { subscription_cancel: cancel, subscription_update: update, customer_update: customer } = configuration.features;
  const switching = update.enabled && update.default_allowed_updates.includes("price");
  return {
    cancelAtPeriodEnd: cancel.enabled && cancel.mode === "at_period_end",
    cancelNow: cancel.enabled && cancel.mode === "immediately",
    switchPrices: switching ? (update.products ?? []).flatMap((product) => product.prices) : [],
    invoiceHistory: configuration.features.invoice_history.enabled,
    paymentMethodUpdate: configuration.features.payment_method_update.enabled,
    customerUpdates: customer.enabled ? customer.allowed_updates : [],
    configuration,
  };
}

/** Prices `subscription` can switch to: the configured ones other than its own, if it is on one of them. */
function switchTargets(deps: Deps, scope: Scope, offer: Offer, subscription: Subscription): Price[] {
  const current = subscription.items.data[0]?.price.id;
  if (subscription.status === "canceled" || subscription.items.data.length !== 1 || !current || !offer.switchPrices.includes(current)) return [];
  return offer.switchPrices
    .filter((id) => id !== current)
    .map((id) => deps.store.get(scope, "prices", id))
    .filter((price): price is Price => price?.active === true && price.currency === subscription.currency);
}

function statusLine(subscription: Subscription): SafeHtml {
  if (subscription.status === "canceled") {
    return html`<span class="badge off">Canceled</span> <span class="muted">Ended ${formatDate(subscription.ended_at ?? currentPeriod(subscription).end)}</span>`;
  }
  if (subscription.status === "past_due") {
    return html`<span class="badge warn">Past due</span> <span class="muted">Payment failed; update your card</span>`;
  }
  if (subscription.cancel_at_period_end) {
    return html`<span class="badge warn">Cancels ${formatDate(currentPeriod(subscription).end)}</span>`;
  }
  return html`<span class="badge">Active</span> <span class="muted">Renews ${formatDate(currentPeriod(subscription).end)}</span>`;
}

function actionButton(session: PortalSession, subscription: Subscription, action: Action, label: string, style = "", fields: Record<string, string> = {}): SafeHtml {
  const hidden = Object.entries(fields).map(([name, value]) => html`<input type="hidden" name="${name}" value="${value}">`);
  return html`<form method="post" action="/portal/${session.id}/subscriptions/${subscription.id}">
<input type="hidden" name="action" value="${action}">${hidden}<button type="submit" class="${style}">${label}</button></form>`;
}

function priceLabel(price: Price, quantity = 1): string {
  const interval = price.recurring?.interval ?? "month";
  return `${formatAmount(price.unit_amount * quantity, price.currency)} / ${interval}`;
}

function subscriptionCard(deps: Deps, scope: Scope, session: PortalSession, offer: Offer, subscription: Subscription): SafeHtml {
  const productName = (price: Price) => deps.store.get(scope, "products", price.product)?.name ?? price.product;
  const lines = subscription.items.data.map(
    (item) => html`<div class="row"><span>${productName(item.price)}${item.quantity > 1 ? ` × ${item.quantity}` : ""}</span><span>${priceLabel(item.price, item.quantity)}</span></div>`,
  );
  const open = subscription.status !== "canceled";
  const switches = open && !subscription.cancel_at_period_end ? switchTargets(deps, scope, offer, subscription) : [];
  return html`<section class="card" aria-label="Subscription ${subscription.id}">
${lines}
<p>${statusLine(subscription)}</p>
${switches.length > 0 ? html`<h2>Change plan</h2>` : ""}
${switches.map((price) => actionButton(session, subscription, "switch", `Switch to ${productName(price)} — ${priceLabel(price)}`, "secondary", { price: price.id }))}
${open && offer.cancelAtPeriodEnd && !subscription.cancel_at_period_end ? actionButton(session, subscription, "cancel_at_period_end", "Cancel at period end", "secondary") : ""}
${open && subscription.cancel_at_period_end ? actionButton(session, subscription, "resume", "Resume subscription") : ""}
${open && offer.cancelNow ? actionButton(session, subscription, "cancel_now", "Cancel now", "danger") : ""}
</section>`;
}

function invoiceHistory(deps: Deps, scope: Scope, session: PortalSession): SafeHtml {
  const invoices = deps.store
    .all(scope, "invoices")
    .filter((invoice) => invoice.customer === session.customer)
    .reverse();
  const rows = invoices.map(
    (invoice) =>
      html`<div class="row"><span>${formatDate(invoice.created)}</span><span>${formatAmount(invoice.total, String(invoice.currency ?? "usd"))}</span><span class="muted">${invoice.status === "paid" ? "Paid" : "Open"}</span></div>`,
  );
  return html`<section class="card" aria-label="Invoice history"><h2>Invoice history</h2>${rows.length > 0 ? rows : html`<p class="muted">No invoices yet.</p>`}</section>`;
}

function portalPage(deps: Deps, scope: Scope, session: PortalSession, error?: string, status = 200): Response {
  const record = deps.store.requireAccount(scope.account);
  const merchant = merchantName(record.account);
  const customer = deps.store.get(scope, "customers", session.customer);
  const offer = offerOf(deps.store.get(scope, "portal_configurations", session.configuration));
  const profile = offer.configuration?.business_profile;
  const subscriptions = deps.store
    .all(scope, "subscriptions")
    .filter((s) => s.customer === session.customer)
    .reverse();
  const cards = subscriptions.map((subscription) => subscriptionCard(deps, scope, session, offer, subscription));
  return page(
    `${merchant} billing`,
    html`<div class="card"><p class="muted">${merchant}${testBadge(scope)}</p><h1>Billing</h1>${profile?.headline ? html`<p>${profile.headline}</p>` : ""}<p class="muted">${customer?.email ?? session.customer}</p></div>
${error ? html`<div class="alert" role="alert">${error}</div>` : ""}
${cards.length > 0 ? cards : html`<div class="card"><p>No subscriptions.</p></div>`}
${offer.paymentMethodUpdate ? html`<section class="card" aria-label="Payment method"><h2>Payment method</h2><p class="muted">Card on file. (The stand-in keeps no card details, so there is nothing to change here.)</p></section>` : ""}
${offer.customerUpdates.length > 0 ? html`<section class="card" aria-label="Billing information"><h2>Billing information</h2><p class="muted">Can be updated: ${offer.customerUpdates.join(", ")}.</p></section>` : ""}
${offer.invoiceHistory ? invoiceHistory(deps, scope, session) : ""}
${profile?.privacy_policy_url ? html`<p class="muted"><a href="${profile.privacy_policy_url}">Privacy policy</a></p>` : ""}
${profile?.terms_of_service_url ? html`<p class="muted"><a href="${profile.terms_of_service_url}">Terms of service</a></p>` : ""}
${session.return_url ? html`<a class="button secondary" href="${session.return_url}">Return to ${merchant}</a>` : ""}`,
    status,
  );
}

/** Why the configuration refuses `action` on `subscription`, or null when it offers it. */
function refusal(deps: Deps, scope: Scope, offer: Offer, subscription: Subscription, action: Action, priceId: string | undefined): string | null {
  if (action === "cancel_at_period_end" && !offer.cancelAtPeriodEnd) return "This portal does not offer canceling at the end of the period.";
  if (action === "cancel_now" && !offer.cancelNow) return "This portal does not offer canceling immediately.";
  if (action === "switch" && !switchTargets(deps, scope, offer, subscription).some((price) => price.id === priceId)) return "This portal does not offer switching to that plan.";
  return null;
}

export function registerPortalPage(app: Hono, deps: Deps): void {
  const notFound = () => messagePage("Not found", "This billing portal session does not exist.", undefined, 404);

  app.get("/portal/:id", (c) => {
    const found = deps.store.locate("portal_sessions", c.req.param("id"));
    return found ? portalPage(deps, found.scope, found.object) : notFound();
  });

  app.post("/portal/:id/subscriptions/:subscription", async (c) => {
    const found = deps.store.locate("portal_sessions", c.req.param("id"));
    if (!found) return notFound();
    const { scope, object: session } = found;
    const subscription = deps.store.get(scope, "subscriptions", c.req.param("subscription"));
    if (!subscription || subscription.customer !== session.customer) {
      return portalPage(deps, scope, session, "That subscription does not belong to this customer.", 404);
    }
    const form = new Params(await readForm(c));
    const action = form.string("action") ?? "";
    if (!(ACTIONS as readonly string[]).includes(action)) return portalPage(deps, scope, session, `Unknown action "${action}".`, 400);
    const chosen = action as Action;
    const priceId = form.string("price");
    const offer = offerOf(deps.store.get(scope, "portal_configurations", session.configuration));
    const refused = refusal(deps, scope, offer, subscription, chosen, priceId);
    if (refused) return portalPage(deps, scope, session, refused, 403);
    try {
      if (chosen === "cancel_now") cancelNow(deps, scope, subscription, AUTOMATIC);
      else if (chosen === "switch") switchPrice(deps, scope, subscription, deps.store.get(scope, "prices", priceId ?? "") as Price, AUTOMATIC);
      else setCancelAtPeriodEnd(deps, scope, subscription, chosen === "cancel_at_period_end", AUTOMATIC);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      return portalPage(deps, scope, session, error.message, error.status);
    }
    return c.redirect(`/portal/${session.id}`, 303);
  });
}
