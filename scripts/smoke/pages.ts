/**
 * The only part of the smoke that knows what Stripe's pages look like: pay
 * a Checkout session with a test card, and approve a Connect OAuth request.
 * Two drivers, picked by the page's address:
 *
 * - the local Stripe stand-in's pages (emulators/src/stripe/pages/checkout.ts
 *   and oauth.ts): plain forms, exercised by `pnpm smoke --local` here;
 * - Stripe's hosted pages (checkout.stripe.com, connect.stripe.com). Their
 *   selectors are the ones Stripe's hosted Checkout is commonly driven by
 *   (#email, #cardNumber, #cardExpiry, #cardCvc, #billingName,
 *   #billingCountry, #billingPostalCode, the submit button's
 *   data-testid="hosted-payment-submit-button" / .SubmitButton) and the
 *   OAuth page's test-mode "Skip this form" (#skip-account-app). This
 *   machine is offline, so that driver has never run here: if Stripe
 *   changes its pages, it is the one place to fix.
 */
import type { Page } from "playwright-core";

/** Stripe's test card that always succeeds; the only card the smoke ever types. */
export const TEST_CARD = "4242 4242 4242 4242";

export interface PageDriver {
  name: string;
  /** Fills the Checkout page open in `page` with the test card and submits it; resolves once the browser has left Checkout. */
  payCheckout(page: Page, payer: { email: string; name: string }): Promise<void>;
  /** Approves the Connect OAuth request open in `page` (a new test account); resolves once the browser has left the page. */
  approveConnect(page: Page): Promise<void>;
}

const STRIPE_HOSTS = /(^|\.)stripe\.com$/;
const LEAVE_TIMEOUT_MS = 60_000;

/** An expiry date in the future by the machine's clock (real Checkout refuses a past one), as "MM / YY". */
function futureExpiry(now = new Date()): string {
  return `12 / ${String((now.getUTCFullYear() + 3) % 100).padStart(2, "0")}`;
}

/** A refusal of the smoke's own (not a page that failed): passed on as it is. */
class Refusal extends Error {}

/**
 * Runs `fill` on the page, then waits for the browser to leave the page's
 * host (the redirect back to the platform). Any failure becomes one sentence
 * with the page's address and text, where the stand-in's and Stripe's own
 * error messages are.
 */
async function submit(page: Page, what: string, fill: () => Promise<void>): Promise<void> {
  const host = new URL(page.url()).host;
  try {
    await fill();
    await page.waitForURL((address) => address.host !== host, { timeout: LEAVE_TIMEOUT_MS, waitUntil: "commit" });
  } catch (error) {
    if (error instanceof Refusal) throw error;
    const body = await page
      .locator("body")
      .textContent({ timeout: 2_000 })
      .catch(() => null);
    const text = (body ?? "").replace(/\s+/g, " ").trim().slice(0, 300);
    const reason = error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
    throw new Error(`${what} did not complete at ${page.url()} (${reason}). The page says: ${text || "(nothing)"}`);
  }
}

/** The Stripe stand-in's pages (emulators/src/stripe/pages). */
export const standInPages: PageDriver = {
  name: "Stripe stand-in pages",
  payCheckout: (page, payer) =>
    submit(page, "Checkout", async () => {
      const email = page.locator("#email");
      // The stand-in shows a known customer's email read-only, as Checkout does.
      if (await email.isEditable()) await email.fill(payer.email);
      await page.locator("#name").fill(payer.name);
      await page.locator("#card_number").fill(TEST_CARD);
      await page.locator("#card_expiry").fill(futureExpiry());
      await page.locator("#card_cvc").fill("123");
      await page.locator("form button[type=submit]").click();
    }),
  approveConnect: (page) => submit(page, "Connect", () => page.getByRole("button", { name: "Approve" }).click()),
};

/** Stripe's own hosted pages, in test mode. Not exercised on this offline machine (see the file's comment). */
export const stripePages: PageDriver = {
  name: "Stripe's hosted pages",
  payCheckout: (page, payer) =>
    submit(page, "Checkout", async () => {
      // With several payment methods Checkout shows an accordion; the card fields appear once "Card" is chosen.
      const cardNumber = page.locator("#cardNumber");
      const cardChoice = page.locator('[data-testid="card-accordion-item-button"]');
      await cardNumber.or(cardChoice).first().waitFor({ timeout: 30_000 });
      if (!(await cardNumber.isVisible()) && (await cardChoice.isVisible())) await cardChoice.click();
      const email = page.locator("#email");
      if ((await email.isVisible()) && (await email.isEditable()) && (await email.inputValue()) === "") await email.fill(payer.email);
      await cardNumber.fill(TEST_CARD);
      await page.locator("#cardExpiry").fill(futureExpiry());
      await page.locator("#cardCvc").fill("123");
      await page.locator("#billingName").fill(payer.name);
      const country = page.locator("#billingCountry");
      if (await country.isVisible()) await country.selectOption("US");
      const postalCode = page.locator("#billingPostalCode");
      if (await postalCode.isVisible()) await postalCode.fill("10001");
      await page.locator('[data-testid="hosted-payment-submit-button"], .SubmitButton').first().click();
    }),
  approveConnect: (page) =>
    submit(page, "Connect", async () => {
      // Stripe offers "Skip this form" only to a development (test-mode) client_id. With a live client_id the page asks
      // for a real account, which the smoke never connects.
      const skip = page.locator("#skip-account-app");
      await skip.waitFor({ timeout: 30_000 }).catch(() => undefined);
      if (!(await skip.isVisible())) {
        throw new Refusal(
          "Stripe's Connect page offers no test-mode \"Skip this form\": the platform's STRIPE_CONNECT_CLIENT_ID is a live client id, so connecting would take a real Stripe account. The smoke stops rather than connect one.",
        );
      }
      await skip.click();
    }),
};

/** The driver for the page at `address`: Stripe's own on stripe.com, the stand-in's anywhere else. */
export function driverFor(address: string): PageDriver {
  return STRIPE_HOSTS.test(new URL(address).hostname) ? stripePages : standInPages;
}
