/**
 * Hosted Checkout (`session.url`): shows the line items and total and takes a
 * test card, under the session's `branding_settings` when it has them (display
 * name, logo, button colour). Paying redirects (303) to `success_url`; a
 * declined card shows Stripe's decline message and changes nothing.
 */
import type { Context, Hono } from "hono";
import { readForm } from "../api.js";
import { expireIfDue, knownEmail, payCheckoutSession, redirectUrl } from "../checkout.js";
import type { Deps } from "../deps.js";
import { StripeApiError } from "../errors.js";
import { Params } from "../params.js";
import { formatAmount } from "../money.js";
import type { CheckoutSession } from "../objects/checkout.js";
import { html, merchantName, messagePage, page, testBadge } from "./layout.js";
import type { Scope } from "../store.js";

interface FormState {
  error?: string;
  email?: string;
  name?: string;
}

function closedPage(session: CheckoutSession): Response {
  if (session.status === "complete") {
    const link = session.success_url ? { href: redirectUrl(session.success_url, session.id), label: "Continue" } : undefined;
    return messagePage("Payment complete", "This checkout session has already been paid. Thank you!", link);
  }
  const link = session.cancel_url ? { href: redirectUrl(session.cancel_url, session.id), label: "Go back" } : undefined;
  return messagePage("Session expired", "This checkout session has expired. Please start again from the merchant's site.", link, 410);
}

function checkoutPage(deps: Deps, scope: Scope, session: CheckoutSession, state: FormState, status = 200): Response {
  const branding = session.branding_settings;
  const merchant = branding?.display_name || merchantName(deps.store.requireAccount(scope.account).account);
  const logo = branding?.logo ?? branding?.icon;
  // The colour was checked to be #RRGGBB when the session was created; the template escapes it anyway.
  const buttonStyle = branding ? `background:${branding.button_color}` : undefined;
  const items = deps.store.extras(scope)[session.id]?.lineItems ?? [];
  const email = knownEmail(deps, scope, session);
  const subscription = session.mode === "subscription";
  const total = formatAmount(session.amount_total, session.currency);
  const rows = items.map((item) => {
    const recurring = item.price.recurring;
    const cadence = recurring ? ` / ${recurring.interval_count > 1 ? `${recurring.interval_count} ${recurring.interval}s` : recurring.interval}` : "";
    return html`<div class="row"><span>${item.description}${item.quantity > 1 ? ` × ${item.quantity}` : ""}</span><span>${formatAmount(item.amount_total, item.price.currency)}${cadence}</span></div>`;
  });
  return page(
    `Pay ${merchant}`,
    html`<div class="card">
  ${logo ? html`<img class="logo" src="${logo.url}" alt="${merchant}">` : ""}
  <p class="muted">${merchant}${testBadge(scope)}</p>
  <h1>${subscription ? "Subscribe" : "Pay"} ${total}</h1>
  ${rows}
  <div class="row total"><span>${subscription ? "Total due today" : "Total"}</span><span>${total}</span></div>
</div>
<form class="card" method="post" action="/checkout/${session.id}">
  ${state.error ? html`<div class="alert" role="alert">${state.error}</div>` : ""}
  <label for="email">Email</label>
  ${email ? html`<input type="email" id="email" value="${email}" readonly>` : html`<input type="email" id="email" name="email" autocomplete="email" required value="${state.email ?? ""}">`}
  <label for="name">Name on card</label>
  <input type="text" id="name" name="name" autocomplete="cc-name" value="${state.name ?? ""}">
  <label for="card_number">Card number</label>
  <input type="text" id="card_number" name="card_number" inputmode="numeric" autocomplete="cc-number" placeholder="4242 4242 4242 4242" required>
  <div class="pair">
    <div><label for="card_expiry">Expiry</label><input type="text" id="card_expiry" name="card_expiry" autocomplete="cc-exp" placeholder="MM / YY"></div>
    <div><label for="card_cvc">CVC</label><input type="text" id="card_cvc" name="card_cvc" inputmode="numeric" autocomplete="cc-csc" placeholder="123"></div>
  </div>
  <button type="submit"${buttonStyle ? html` style="${buttonStyle}"` : ""}>${subscription ? "Subscribe" : `Pay ${total}`}</button>
  ${session.cancel_url ? html`<a class="button secondary" href="${redirectUrl(session.cancel_url, session.id)}">Cancel and go back</a>` : ""}
</form>
<p class="note">${scope.livemode ? "Local live mode" : "Test mode"}: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.</p>`,
    status,
  );
}

function locate(deps: Deps, c: Context): { scope: Scope; object: CheckoutSession } | undefined {
  const found = deps.store.locate("checkout_sessions", c.req.param("id") ?? "");
  if (found) expireIfDue(deps, found.scope, found.object);
  return found;
}

export function registerCheckoutPage(app: Hono, deps: Deps): void {
  const notFound = () => messagePage("Not found", "This checkout session does not exist.", undefined, 404);

  app.get("/checkout/:id", (c) => {
    const found = locate(deps, c);
    if (!found) return notFound();
    const { scope, object: session } = found;
    return session.status === "open" ? checkoutPage(deps, scope, session, {}) : closedPage(session);
  });

  app.post("/checkout/:id", async (c) => {
    const found = locate(deps, c);
    if (!found) return notFound();
    const { scope, object: session } = found;
    if (session.status !== "open") return closedPage(session);
    const form = new Params(await readForm(c));
    const input = { email: form.string("email"), name: form.string("name"), cardNumber: form.string("card_number") ?? "" };
    try {
      payCheckoutSession(deps, scope, session, input);
    } catch (error) {
      if (!(error instanceof StripeApiError)) throw error;
      return checkoutPage(deps, scope, session, { error: error.message, email: input.email, name: input.name }, error.status);
    }
    if (session.success_url) return c.redirect(redirectUrl(session.success_url, session.id), 303);
    return messagePage("Payment complete", `Thank you! Your payment to ${merchantName(deps.store.requireAccount(scope.account).account)} succeeded.`);
  });
}
