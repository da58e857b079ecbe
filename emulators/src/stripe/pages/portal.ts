/**
 * Hosted billing portal (`portal_session.url`): the customer's subscriptions
 * with cancel-at-period-end, resume and cancel-now buttons. Each button goes
 * through the same billing functions as the API, so it emits the same
 * `customer.subscription.updated` / `.deleted` events.
 */
import type { Hono } from "hono";
import { readForm } from "../api.js";
import { cancelNow, setCancelAtPeriodEnd } from "../billing.js";
import type { Deps } from "../deps.js";
import { StripeApiError } from "../errors.js";
import { AUTOMATIC } from "../events.js";
import { formatAmount } from "../money.js";
import type { PortalSession } from "../objects/portal.js";
import { currentPeriod, type Subscription } from "../objects/subscription.js";
import { Params } from "../params.js";
import { formatDate, html, merchantName, messagePage, page, testBadge } from "./layout.js";
import type { Scope } from "../store.js";

const ACTIONS = ["cancel_at_period_end", "resume", "cancel_now"] as const;

function statusLine(subscription: Subscription): ReturnType<typeof html> {
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

function actionButton(session: PortalSession, subscription: Subscription, action: (typeof ACTIONS)[number], label: string, style = ""): ReturnType<typeof html> {
  return html`<form method="post" action="/portal/${session.id}/subscriptions/${subscription.id}">
<input type="hidden" name="action" value="${action}"><button type="submit" class="${style}">${label}</button></form>`;
}

function portalPage(deps: Deps, scope: Scope, session: PortalSession, error?: string, status = 200): Response {
  const record = deps.store.requireAccount(scope.account);
  const merchant = merchantName(record.account);
  const customer = deps.store.get(scope, "customers", session.customer);
  const subscriptions = deps.store
    .all(scope, "subscriptions")
    .filter((s) => s.customer === session.customer)
    .reverse();
  const cards = subscriptions.map((subscription) => {
    const lines = subscription.items.data.map((item) => {
      const product = deps.store.get(scope, "products", item.price.product);
      const interval = item.price.recurring?.interval ?? "month";
      return html`<div class="row"><span>${product?.name ?? item.price.product}${item.quantity > 1 ? ` × ${item.quantity}` : ""}</span><span>${formatAmount(item.price.unit_amount * item.quantity, item.price.currency)} / ${interval}</span></div>`;
    });
    const open = subscription.status !== "canceled";
    return html`<section class="card" aria-label="Subscription ${subscription.id}">
${lines}
<p>${statusLine(subscription)}</p>
${open && !subscription.cancel_at_period_end ? actionButton(session, subscription, "cancel_at_period_end", "Cancel at period end", "secondary") : ""}
${open && subscription.cancel_at_period_end ? actionButton(session, subscription, "resume", "Resume subscription") : ""}
${open ? actionButton(session, subscription, "cancel_now", "Cancel now", "danger") : ""}
</section>`;
  });
  return page(
    `${merchant} billing`,
    html`<div class="card"><p class="muted">${merchant}${testBadge(scope)}</p><h1>Billing</h1><p class="muted">${customer?.email ?? session.customer}</p></div>
${error ? html`<div class="alert" role="alert">${error}</div>` : ""}
${cards.length > 0 ? cards : html`<div class="card"><p>No subscriptions.</p></div>`}
${session.return_url ? html`<a class="button secondary" href="${session.return_url}">Return to ${merchant}</a>` : ""}`,
    status,
  );
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
    const action = new Params(await readForm(c)).string("action") ?? "";
    if (!(ACTIONS as readonly string[]).includes(action)) return portalPage(deps, scope, session, `Unknown action "${action}".`, 400);
    try {
      if (action === "cancel_now") cancelNow(deps, scope, subscription, AUTOMATIC);
      else setCancelAtPeriodEnd(deps, scope, subscription, action === "cancel_at_period_end", AUTOMATIC);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      return portalPage(deps, scope, session, error.message, error.status);
    }
    return c.redirect(`/portal/${session.id}`, 303);
  });
}
