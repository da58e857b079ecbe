/**
 * The whole product in a real browser, against the stack `pnpm dev` starts:
 * a new developer signs up, subscribes through the hosted Checkout, connects
 * Stripe, creates two tiers and gets keys; the test's own "backend" calls the
 * API with the secret key until the free limit; an end-user buys the paid
 * tier on the hosted pricing page; and the dashboard shows the new
 * subscriber, MRR and usage. Along the way: the sign-in callback and the
 * ?connect=error banner refuse attacker input (issue 12), our pages carry a
 * Content-Security-Policy and log no violation of it (issue 14), the pricing
 * page shows the end-user's current plan and opens the billing portal, a
 * key in its grace period is revoked at once, and (issue 15) the header's
 * Test / Live switch shows two worlds: test data made with the test key,
 * live data made with the live key after the test tiers are copied to live,
 * each with its own numbers, a banner in test mode only and the mode in the
 * URL. Issue 16: the pricing page's stable address (by platform; an old link
 * by publishable key is sent on to it) keeps the end-user's session, plan and
 * count through a key rotation, and one person is a customer of two
 * developers — a second developer's page asks before joining, each backend
 * sees only its own plan and count, and the first page asks again on the way
 * back. Issue 18: the developer registers its backend's endpoint on the
 * Webhooks page; driving the end-user past 80 % and 100 % of the free limit
 * sends it one signed usage.threshold_reached each, which the Webhooks page
 * lists with their deliveries, and the Logs page shows the requests.
 * Screenshots of every page at 1280 and 375 px go to tests/e2e/artifacts/.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { URLS, newStateDir, removeStateDir, startStack, stopStack, type RunningStack } from "../support/dev-stack";
import { fitsWidth, launchBrowser, screenshots } from "./browser";

const developerEmail = `founder.${Date.now()}@example.com`;
const endUserEmail = `customer.${Date.now()}@example.com`;
const developer2Email = `second.founder.${Date.now()}@example.com`;
const TEST_BANNER = /^Test mode — you are viewing test data\. Nothing here touches real customers or money\.$/;
let stack: RunningStack;
let browser: Browser;
const stateDir = newStateDir();

beforeAll(async () => {
  stack = await startStack(stateDir);
  browser = await launchBrowser();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (stack) await stopStack(stack);
  removeStateDir(stateDir);
});

async function api(path: string, init: { method?: string; key: string; body?: unknown }) {
  const response = await fetch(`${URLS.apiMulti}${path}`, {
    method: init.method ?? "GET",
    headers: { Authorization: `Bearer ${init.key}`, "Content-Type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** The developer's backend's webhook endpoint: a local HTTP server keeping what it receives. */
async function startHookReceiver() {
  const received: { body: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => {
      body += chunk.toString("utf8");
    });
    request.on("end", () => {
      received.push({ body, headers: request.headers });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/dream`,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * Waits until the page's URL matches, through client-side redirects: the
 * sign-in callback replaces its own navigation, which page.waitForURL may
 * report as net::ERR_ABORTED instead of following.
 */
async function arrivedAt(page: Page, url: RegExp | ((url: URL) => boolean)) {
  await expect.poll(() => (typeof url === "function" ? url(new URL(page.url())) : url.test(page.url())), { timeout: 15_000 }).toBe(true);
  await page.waitForLoadState("load");
}

async function expectFits(page: Page, name: string) {
  await screenshots(page, name);
  await page.setViewportSize({ width: 375, height: 812 });
  // A chart follows a resize a frame or two later (ResizeObserver), still at the last width until then: poll, an overflow that stays fails.
  await expect.poll(() => fitsWidth(page), { message: `${name} overflows at 375 px`, timeout: 5_000 }).toBe(true);
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Reloads the page until the metric `testId` shows `expected` (the counts reach the dashboard's reads a little after the call). */
async function expectMetricAfterReload(page: Page, testId: string, expected: string) {
  await expect
    .poll(
      async () => {
        await page.reload();
        await page.getByTestId(testId).waitFor();
        return page.getByTestId(testId).textContent();
      },
      { timeout: 30_000, interval: 1_000 },
    )
    .toBe(expected);
}

/** Every file under `dir` (the stack's D1 SQLite files and WAL, KV blobs, emulator state). */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Response bodies of the workers seen by the browsers, to check secrets appear only where they are created. */
const responses: { url: string; body: string }[] = [];

/** Content-Security-Policy violations Chromium reports on our own pages (the stand-ins' pages are not ours). */
const cspViolations: string[] = [];

function recordCspViolations(page: Page) {
  page.on("console", (message) => {
    if (!/Content Security Policy/i.test(message.text())) return;
    if (!(message.location().url || page.url()).startsWith(URLS.dashboard)) return;
    cspViolations.push(`${page.url()}: ${message.text()}`);
  });
}

/** The response carries our policy: no framing, no plugins, no <base>. */
function expectCsp(response: { headers(): Record<string, string> } | null, name: string) {
  const policy = response?.headers()["content-security-policy"] ?? "";
  expect(policy, `${name} has no Content-Security-Policy`).toMatch(/(^|;)\s*frame-ancestors 'none'\s*(;|$)/);
  expect(policy).toMatch(/(^|;)\s*object-src 'none'\s*(;|$)/);
  expect(policy).toMatch(/(^|;)\s*base-uri 'none'\s*(;|$)/);
}

function recordResponses(page: Page) {
  page.on("response", async (response) => {
    if (!/:(8787|8788|8789)\//.test(response.url())) return;
    const body = await response.text().catch(() => "");
    responses.push({ url: response.url(), body });
  });
}

describe("the dashboard in Chromium", () => {
  it("takes a developer from sign-up to a paying end-user", async ({ onTestFailed }) => {
    // A context of its own, so a second tab can share the developer's session (the shareable-link step).
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    recordResponses(page);
    recordCspViolations(page);
    // Off-site redirects land here instead of the network (the machine is offline).
    await page.context().route(
      (url) => url.hostname === "attacker.example",
      (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<h1>attacker</h1>" }),
    );
    page.on("pageerror", (error) => console.error("page error:", error.message));
    onTestFailed(async () => {
      for (const [index, open] of browser
        .contexts()
        .flatMap((context) => context.pages())
        .entries()) {
        await open.screenshot({ path: `${import.meta.dirname}/artifacts/failure-${index}.png`, fullPage: true }).catch(() => undefined);
      }
    });

    // Landing → sign up on the (local) Clerk sign-up page → dashboard.
    expectCsp(await page.goto(URLS.dashboard), "the landing page");
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/usage limits/);
    await expectFits(page, "01-landing");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.getByLabel("Email address").fill(developerEmail);
    await page.getByRole("button", { name: "Sign up" }).click();
    // Issue 15: a free developer lands in test mode, and the URL says so.
    await arrivedAt(page, /\/dashboard\?mode=test$/);
    await expect.poll(() => page.getByText("FREE").first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("status").filter({ hasText: TEST_BANNER }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("0 / 5 calls this month").isVisible()).toBe(true);
    await expectFits(page, "02-dashboard-new");

    // Issue 12a: the sign-in callback follows only paths on our own origin.
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem("dream.developer.session"))) ?? "null") as { sessionId: string; jwt: string };
    for (const to of ["//attacker.example", "/\\attacker.example", "https://attacker.example/dashboard"]) {
      const fragment = new URLSearchParams({ __clerk_session: stored.sessionId, __session: stored.jwt }).toString();
      await page.goto(`${URLS.dashboard}/auth/callback?to=${encodeURIComponent(to)}#${fragment}`);
      await arrivedAt(page, (url) => !url.pathname.startsWith("/auth/callback"));
      const landed = new URL(page.url());
      expect(landed.origin, `to=${to} left the dashboard`).toBe(URLS.dashboard);
      expect(landed.pathname).toBe("/dashboard");
      await expect.poll(() => page.getByText("0 / 5 calls this month").isVisible(), { timeout: 10_000 }).toBe(true);
    }

    // Issue 12b: a crafted ?connect=error link cannot put its own words in the dashboard; the header carries the CSP.
    const attackerText = "Stripe suspended your account. Call +1 555 0100 to restore payouts";
    for (const [code, ours] of [
      ["access_denied", /You declined the connection on Stripe/],
      ["made_up_code", /Stripe did not connect the account/],
    ] as const) {
      const response = await page.goto(`${URLS.dashboard}/dashboard?connect=error&error=${code}&message=${encodeURIComponent(attackerText)}`);
      expectCsp(response, "the dashboard");
      await expect.poll(() => page.getByText(ours).isVisible()).toBe(true);
      expect(await page.getByText(attackerText).count()).toBe(0);
      expect(await page.content()).not.toContain("555 0100");
    }

    // Subscribe through the hosted Checkout; the webhook moves the plan.
    await page.getByRole("button", { name: /Subscribe — \$15\/month/ }).click();
    await page.waitForURL(/\/checkout\/cs_/);
    await screenshots(page, "03-platform-checkout");
    await page.getByLabel(/card number/i).fill("4242 4242 4242 4242");
    await page.getByRole("button", { name: /pay|subscribe/i }).click();
    await page.waitForURL(/\/dashboard\?checkout=success/);
    await expect.poll(() => page.getByText("PAID").first().isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByText(/of 500 calls|\/ 500 calls this month/).isVisible()).toBe(true);
    // Back from Stripe (an address we do not write), the tab keeps its mode.
    expect(new URL(page.url()).searchParams.get("mode")).toBe("test");

    // Connect Stripe (Connect OAuth on the stand-in's authorize page).
    await page.getByRole("button", { name: "Connect Stripe" }).click();
    await page.waitForURL(/\/oauth\/authorize/);
    await screenshots(page, "04-connect-authorize");
    await page.getByRole("button", { name: "Approve" }).click();
    await page.waitForURL(/\/dashboard\?connect=success/);
    await expect.poll(() => page.getByText("Connected", { exact: true }).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get("mode")).toBe("test");
    await expectFits(page, "05-dashboard-paid-connected");

    // Two tiers, in test mode.
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Tiers" }).click();
    await page.waitForURL(/\/dashboard\/tiers\?mode=test$/);
    await expect.poll(() => page.getByText("No tiers yet").isVisible()).toBe(true);
    const addTier = async (on: Page, name: string, displayName: string, price: string, limit: string) => {
      await on.getByRole("button", { name: "Add tier" }).click();
      await on.getByLabel("Identifier").fill(name);
      await on.getByLabel("Display name").fill(displayName);
      await on.getByLabel("Price").fill(price);
      await on.getByLabel("Monthly calls").fill(limit);
      await on.getByRole("button", { name: "Create tier" }).click();
      await expect.poll(() => on.getByText(displayName, { exact: true }).first().isVisible()).toBe(true);
    };
    // A validation message appears next to its field.
    await page.getByRole("button", { name: "Add tier" }).click();
    await page.getByLabel("Identifier").fill("Bad Name");
    await page.getByRole("button", { name: "Create tier" }).click();
    await expect.poll(() => page.getByText(/lower-case letters/).isVisible()).toBe(true);
    await page.getByRole("button", { name: "Cancel" }).click();
    await addTier(page, "free", "Free", "0", "5");
    await addTier(page, "pro", "Pro", "19", "1000");
    // Issue 19: a credit pack, a one-off tier that adds 50 calls beyond the month's allowance.
    await page.getByRole("button", { name: "Add tier" }).click();
    await page.getByLabel("Identifier").fill("credits-50");
    await page.getByLabel("Display name").fill("50 credits");
    await page.getByLabel("One-off purchase").check();
    await page.getByLabel("Price").fill("5");
    await page.getByLabel("Credits granted").fill("50");
    await page.getByRole("button", { name: "Create tier" }).click();
    await expect.poll(() => page.getByTestId("tier-credit-pack").first().textContent()).toContain("Adds 50 credits");
    await expect.poll(() => page.getByRole("list", { name: "Pricing" }).getByText("$19.00").isVisible()).toBe(true);
    await expectFits(page, "06-tiers");

    // Keys: the secret is shown once; a paid developer gets a test pair and a live pair, and test mode lists only the test keys.
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Keys" }).click();
    await page.getByRole("button", { name: "Create keys" }).click();
    const secretKey =
      (
        await page
          .getByTestId("secret-key")
          .filter({ hasText: /^sk_test_/ })
          .textContent()
      )?.trim() ?? "";
    const liveSecretKey =
      (
        await page
          .getByTestId("secret-key")
          .filter({ hasText: /^sk_live_/ })
          .textContent()
      )?.trim() ?? "";
    expect(secretKey).toMatch(/^sk_test_/);
    expect(liveSecretKey).toMatch(/^sk_live_/);
    await expectFits(page, "07-keys-secret-once");
    await page.getByRole("button", { name: "I have saved it" }).click();
    await expect.poll(() => page.getByTestId("secret-key").count()).toBe(0);
    const publishableKey = (await page.getByTestId("publishable-key-test").textContent())?.trim() ?? "";
    expect(publishableKey).toMatch(/^pk_test_/);
    expect(await page.getByTestId("publishable-key-live").count()).toBe(0);
    // The hosted pricing page's address names the platform, not a key, so it survives key rotation.
    const pricingPageUrl = (await page.getByTestId("pricing-page-test").textContent())?.trim() ?? "";
    expect(pricingPageUrl).toMatch(new RegExp(`^${URLS.dashboard}/p/plt_[0-9A-Za-z]+/test$`));

    // Issue 18: the developer registers its backend's endpoint on the Webhooks page; the signing secret is shown once.
    const hook = await startHookReceiver();
    await page.getByRole("link", { name: "Webhooks", exact: true }).click();
    await page.waitForURL(/\/dashboard\/webhooks/);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByLabel("Endpoint URL").fill(hook.url);
    await page.locator("form").getByRole("button", { name: "Add endpoint" }).click();
    const webhookSecret = (await page.getByTestId("webhook-secret").textContent())?.trim() ?? "";
    expect(webhookSecret).toMatch(/^whsec_/);
    await expectFits(page, "07b-webhooks-secret-once");
    await page.getByRole("button", { name: "I have saved it" }).click();
    await expect.poll(() => page.getByTestId("webhook-secret").count()).toBe(0);

    // The test's backend: register the end-user, then call until the free limit.
    const created = await api("/api/customers", { method: "POST", key: secretKey, body: { userId: "e2e-user", email: endUserEmail } });
    expect(created.status).toBe(201);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await api("/api/usage/track", { method: "POST", key: secretKey, body: { userId: "e2e-user" } })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 403]);

    // Past 80 % and 100 % of the free limit (5): one signed usage.threshold_reached each, verified as any Standard Webhooks receiver would.
    const thresholdEvents = () =>
      hook.received.map((delivery) => new Webhook(webhookSecret).verify(delivery.body, delivery.headers as Record<string, string>) as { type: string; data: { threshold?: number; userId: string } });
    await expect
      .poll(
        () =>
          thresholdEvents()
            .filter((event) => event.type === "usage.threshold_reached")
            .map((event) => event.data.threshold),
        { timeout: 20_000 },
      )
      .toEqual(expect.arrayContaining([0.8, 1]));
    expect(thresholdEvents().filter((event) => event.type === "usage.threshold_reached")).toHaveLength(2);
    expect(thresholdEvents().map((event) => event.type)).toEqual(expect.arrayContaining(["customer.created", "usage.limit_reached"]));
    await page.reload();
    // The recent events list (not the type filter's options): both alerts, each delivered.
    const alertRows = page.locator("span", { hasText: /^usage\.threshold_reached$/ });
    await expect.poll(() => alertRows.count(), { timeout: 20_000 }).toBe(2);
    expect(await alertRows.first().isVisible()).toBe(true);
    await expectFits(page, "07c-webhooks-events");
    // The Logs page shows the backend's requests (written through a queue, refreshed every 5 s).
    await page.getByRole("link", { name: "Logs", exact: true }).click();
    await page.waitForURL(/\/dashboard\/logs/);
    await expect.poll(() => page.getByText("/api/usage/track").first().isVisible(), { timeout: 20_000 }).toBe(true);
    await expectFits(page, "07d-logs");
    await hook.close();

    // The end-user buys Pro on the hosted pricing page.
    const shopper = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    recordResponses(shopper);
    recordCspViolations(shopper);
    expectCsp(await shopper.goto(pricingPageUrl), "the pricing page");
    await expect.poll(() => shopper.getByRole("button", { name: "Buy Pro" }).isVisible()).toBe(true);
    await expectFits(shopper, "08-pricing-page");
    // A link shared before, by publishable key, is sent on to the stable address while its key works.
    await shopper.goto(`${URLS.dashboard}/p/${publishableKey}`);
    await shopper.waitForURL(pricingPageUrl);
    await expect.poll(() => shopper.getByRole("button", { name: "Buy Pro" }).isVisible()).toBe(true);
    await shopper.getByRole("button", { name: "Sign in" }).click();
    await shopper.getByLabel("Email address").fill(endUserEmail);
    await shopper.getByRole("button", { name: "Continue" }).click();
    await shopper.waitForURL(pricingPageUrl);
    await shopper.getByRole("button", { name: "Buy Pro" }).click();
    await shopper.waitForURL(/\/checkout\/cs_/);
    await screenshots(shopper, "09-end-user-checkout");
    await shopper.getByLabel(/card number/i).fill("4242 4242 4242 4242");
    await shopper.getByRole("button", { name: /pay|subscribe/i }).click();
    await shopper.waitForURL(/checkout=success/);
    await expect.poll(() => shopper.getByText("Thank you!").isVisible()).toBe(true);

    // The end-user's limit moved (webhook), keeping this month's count.
    await expect.poll(async () => (await api("/api/usage", { key: secretKey, method: "GET" }).catch(() => null))?.status, { timeout: 1000 }).toBeDefined();
    await expect
      .poll(async () => ((await fetch(`${URLS.apiMulti}/api/customers/e2e-user`, { headers: { Authorization: `Bearer ${secretKey}` } }).then((r) => r.json())) as any).customer.plan, {
        timeout: 20_000,
      })
      .toBe("pro");
    expect((await api("/api/usage/track", { method: "POST", key: secretKey, body: { userId: "e2e-user" } })).body.usage).toMatchObject({ count: 6, limit: 1000 });

    // Issue 2: the pricing page shows the end-user's plan, with no second Subscribe, and opens the billing portal.
    await shopper.reload();
    const proCard = shopper.getByRole("listitem", { name: "Pro" });
    await expect.poll(() => proCard.getByText("Current plan").isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await shopper.getByRole("button", { name: "Buy Pro" }).count()).toBe(0);
    expect(await shopper.getByRole("listitem", { name: "Free" }).getByText("Current plan").count()).toBe(0);
    await expectFits(shopper, "09b-pricing-page-current-plan");
    await shopper.getByRole("button", { name: "Manage billing" }).click();
    await shopper.waitForURL(/\/portal\/bps_/);
    await screenshots(shopper, "09c-end-user-portal");

    // Issue 19: the end-user buys the credit pack on the pricing page, and what it may use rises by its 50 credits.
    const usageOf = async () => ((await api("/api/usage?userId=e2e-user", { key: secretKey, method: "GET" })).body as { usage: { remaining: number; credits: number } }).usage;
    const beforePack = await usageOf();
    expect(beforePack.credits).toBe(0);
    await shopper.goto(pricingPageUrl);
    const packCard = shopper.getByRole("listitem", { name: "50 credits" });
    await expect.poll(() => packCard.getByTestId("tier-credits").textContent()).toContain("+50 credits");
    await shopper.getByRole("button", { name: "Buy 50 credits" }).click();
    await shopper.waitForURL(/\/checkout\/cs_/);
    await shopper.getByLabel(/card number/i).fill("4242 4242 4242 4242");
    await shopper.getByRole("button", { name: /pay|subscribe/i }).click();
    await shopper.waitForURL(/checkout=success/);
    await expect.poll(async () => (await usageOf()).credits, { timeout: 20_000 }).toBe(50);
    expect((await usageOf()).remaining).toBe(beforePack.remaining + 50);
    await expectFits(shopper, "09d-pricing-page-credit-pack-bought");

    // The dashboard shows the subscriber, MRR and usage.
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Overview" }).click();
    await page.reload();
    await expect.poll(() => page.getByTestId("metric-mrr").textContent(), { timeout: 20_000 }).toBe("$19.00");
    expect(await page.getByTestId("metric-subscribers").textContent()).toBe("1");
    expect(await page.getByTestId("metric-customers").textContent()).toBe("1");
    expect(await page.getByTestId("metric-calls").textContent()).toBe("6");
    await expect.poll(() => page.getByText("checkout.session.completed").first().isVisible()).toBe(true);
    await expectFits(page, "10-dashboard-metrics");
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Customers" }).click();
    await expect.poll(() => page.getByRole("link", { name: "e2e-user" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("active").first().isVisible()).toBe(true);
    await expectFits(page, "11-customers");
    await page.getByRole("link", { name: "e2e-user" }).click();
    await expect.poll(() => page.getByText(endUserEmail).isVisible()).toBe(true);
    expect(new URL(page.url()).searchParams.get("mode")).toBe("test");
    // The purchase's credits on the customer page, and a grant from the dashboard.
    await expect.poll(() => page.getByTestId("credit-balance").textContent(), { timeout: 20_000 }).toBe("50 credits");
    await page.locator("#grant-amount").fill("25");
    await page.locator("#grant-reason").fill("Welcome gift");
    await page.getByRole("button", { name: "Grant credits" }).click();
    await expect.poll(() => page.getByTestId("grant-credits-done").textContent()).toContain("Balance: 75 credits");
    await expect.poll(() => page.getByTestId("credit-movement").count()).toBe(2);
    await expectFits(page, "12-customer-detail");

    // Issue 4b: rotate with a grace period, then revoke the old key at once.
    const countBeforeRotation = ((await api("/api/customers/e2e-user", { key: secretKey })).body as { customer: { usage: { count: number } } }).customer.usage.count;
    await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Keys" }).click();
    const mode = "test";
    await page
      .getByRole("listitem", { name: new RegExp(`^${mode} key `) })
      .getByRole("button", { name: "Rotate…" })
      .click();
    await page.getByLabel("Old key").selectOption({ label: "Keep it working for 1 hour" });
    await page.getByRole("button", { name: `Rotate ${mode} keys` }).click();
    const rotatedSecret = (await page.getByTestId("secret-key").first().textContent())?.trim() ?? "";
    expect(rotatedSecret).toMatch(/^sk_(test|live)_/);
    await page.getByRole("button", { name: "I have saved it" }).click();
    expect((await api("/api/usage", { key: secretKey, method: "GET" })).status).not.toBe(401);
    await expect.poll(() => page.getByText(/^expires /).count()).toBe(1);
    await page.getByRole("button", { name: "Revoke now…" }).click();
    const confirm = page.getByRole("alertdialog", { name: "Confirm revoke" });
    await expect.poll(() => confirm.textContent()).toMatch(/Revoke now\? Requests with this key start failing within 90 seconds/);
    await expectFits(page, "13-keys-revoke-confirm");
    await confirm.getByRole("button", { name: "Yes, revoke now" }).click();
    await expect.poll(() => page.getByText(/^expires /).count()).toBe(0);
    expect(await page.getByRole("alert").count()).toBe(0);
    // Until the revocation reaches every cache, the old key still counts: remember the last count it saw.
    let countWithOldKey = countBeforeRotation;
    await expect
      .poll(
        async () => {
          const tracked = await api("/api/usage/track", { method: "POST", key: secretKey, body: { userId: "e2e-user" } });
          if (tracked.status === 200) countWithOldKey = tracked.body.usage.count;
          return tracked.status;
        },
        { timeout: 95_000, interval: 2_000 },
      )
      .toBe(401);

    // Issue 16: the pricing page's address names the platform, so the rotation changed nothing for the end-user: the same address,
    // reloaded, still knows the session and the plan, and the new key sees the same count.
    await shopper.goto(pricingPageUrl);
    await expect.poll(() => proCard.getByText("Current plan").isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => shopper.getByRole("button", { name: "Manage billing" }).isVisible()).toBe(true);
    expect(await shopper.getByRole("button", { name: "Sign in" }).count()).toBe(0);
    await expectFits(shopper, "13b-pricing-page-after-rotation");
    expect((await api("/api/customers/e2e-user", { key: rotatedSecret })).body.customer).toMatchObject({ plan: "pro", usage: { count: countWithOldKey } });
    expect((await api("/api/usage/track", { method: "POST", key: rotatedSecret, body: { userId: "e2e-user" } })).status).toBe(200);

    // Issue 15: test and live are two worlds. The test numbers, as the API counts them.
    const dashboardNav = page.getByRole("navigation", { name: "Dashboard" });
    const modeSwitch = page.getByRole("navigation", { name: "Mode" });
    const testBanner = page.getByRole("status").filter({ hasText: TEST_BANNER });
    const testCalls = ((await api("/api/customers/e2e-user", { key: rotatedSecret })).body as { customer: { usage: { count: number } } }).customer.usage.count;
    expect(testCalls).toBeGreaterThanOrEqual(7);
    await dashboardNav.getByRole("link", { name: "Overview" }).click();
    await page.waitForURL(/\/dashboard\?mode=test$/);
    await expect.poll(() => testBanner.isVisible()).toBe(true);
    await expect.poll(() => modeSwitch.getByRole("link", { name: "Test" }).getAttribute("aria-current")).toBe("true");
    await expectMetricAfterReload(page, "metric-calls", String(testCalls));
    expect(await page.getByTestId("metric-customers").textContent()).toBe("1");
    expect(await page.getByTestId("metric-mrr").textContent()).toBe("$19.00");

    // Switch to live: nothing of test mode shows, and no banner.
    await modeSwitch.getByRole("link", { name: "Live" }).click();
    await page.waitForURL(/\/dashboard\?mode=live$/);
    await expect.poll(() => modeSwitch.getByRole("link", { name: "Live" }).getAttribute("aria-current")).toBe("true");
    await expect.poll(() => page.getByTestId("metric-customers").textContent()).toBe("0");
    expect(await page.getByTestId("metric-calls").textContent()).toBe("0");
    expect(await page.getByTestId("metric-mrr").textContent()).toBe("$0.00");
    expect(await testBanner.count()).toBe(0);

    // Live has no tiers: copy the test ones.
    await dashboardNav.getByRole("link", { name: "Tiers" }).click();
    await page.waitForURL(/\/dashboard\/tiers\?mode=live$/);
    await expect.poll(() => page.getByText("No live tiers yet", { exact: false }).isVisible()).toBe(true);
    await expectFits(page, "14-live-tiers-copy");
    await page.getByRole("button", { name: "Copy test tiers to live" }).click();
    await expect
      .poll(() =>
        page
          .getByRole("status")
          .filter({ hasText: /^Copied to live mode: (?=.*\bFree\b)(?=.*\bPro\b)(?=.*\b50 credits\b)[^.]*\.$/ })
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByRole("list", { name: "Pricing" }).getByText("$19.00").isVisible()).toBe(true);
    expect(await page.getByRole("button", { name: "Copy test tiers to live" }).count()).toBe(0);

    // The test's backend, in live mode: two customers and three calls with the live key.
    for (const [userId, calls] of [
      ["live-user-1", 2],
      ["live-user-2", 1],
    ] as const) {
      expect((await api("/api/customers", { method: "POST", key: liveSecretKey, body: { userId, email: `${userId}.${Date.now()}@example.com` } })).status).toBe(201);
      for (let i = 0; i < calls; i++) expect((await api("/api/usage/track", { method: "POST", key: liveSecretKey, body: { userId } })).status).toBe(200);
    }
    // Neither world sees the other's customers through the API.
    expect((await api("/api/customers/e2e-user", { key: liveSecretKey })).status).toBe(404);
    expect((await api("/api/customers/live-user-1", { key: rotatedSecret })).status).toBe(404);

    await dashboardNav.getByRole("link", { name: "Overview" }).click();
    await page.waitForURL(/\/dashboard\?mode=live$/);
    await expectMetricAfterReload(page, "metric-calls", "3");
    expect(await page.getByTestId("metric-customers").textContent()).toBe("2");
    expect(await page.getByTestId("metric-mrr").textContent()).toBe("$0.00");
    expect(new URL(page.url()).searchParams.get("mode")).toBe("live");
    expect(await testBanner.count()).toBe(0);
    await expectFits(page, "15-dashboard-live");

    // Live customers, and a shareable link: a new tab opened on it shows the same world.
    await dashboardNav.getByRole("link", { name: "Customers" }).click();
    await expect.poll(() => page.getByRole("link", { name: "live-user-1" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "e2e-user" }).count()).toBe(0);
    await page.getByRole("link", { name: "live-user-2" }).click();
    await page.waitForURL(/\/dashboard\/customers\/live-user-2\?mode=live$/);
    const shared = await page.context().newPage();
    recordResponses(shared);
    recordCspViolations(shared);
    // A new tab without a mode in its address: a paid developer lands in live mode.
    await shared.goto(`${URLS.dashboard}/dashboard`);
    await shared.waitForURL(/\/dashboard\?mode=live$/);
    await expect.poll(() => shared.getByTestId("metric-customers").textContent()).toBe("2");
    await shared.goto(page.url());
    await expect.poll(() => shared.getByRole("heading", { name: "live-user-2" }).isVisible()).toBe(true);
    await expect.poll(() => shared.getByRole("navigation", { name: "Mode" }).getByRole("link", { name: "Live" }).getAttribute("aria-current")).toBe("true");
    // A test customer's page does not exist in live mode.
    await shared.goto(`${URLS.dashboard}/dashboard/customers/e2e-user?mode=live`);
    await expect.poll(() => shared.getByRole("alert").isVisible()).toBe(true);
    expect(await shared.getByText(endUserEmail).count()).toBe(0);
    await shared.close();

    // Live keys only, in live mode.
    await dashboardNav.getByRole("link", { name: "Keys" }).click();
    await expect.poll(() => page.getByTestId("publishable-key-live").isVisible()).toBe(true);
    expect(await page.getByTestId("publishable-key-test").count()).toBe(0);

    // Live settings — a field error names the field; https origins save and show when.
    await dashboardNav.getByRole("link", { name: "Settings" }).click();
    await page.waitForURL(/\/dashboard\/settings\?mode=live$/);
    await page.getByLabel("Allowed origins").fill("http://shop.example");
    await page.getByRole("button", { name: "Save live settings" }).click();
    await expect.poll(() => page.getByText(/live mode takes https origins only/).isVisible()).toBe(true);
    await page.getByLabel("Allowed origins").fill("https://shop.example");
    await page.getByLabel("Default success URL").fill("https://shop.example/thanks");
    await page.getByRole("button", { name: "Save live settings" }).click();
    await expect.poll(() => page.getByText(/^Saved /).isVisible()).toBe(true);
    await expectFits(page, "16-settings-live");
    // A live checkout (live key, live tier, the connected account in live mode): a URL outside the saved origins is refused, inside accepted.
    const outside = await api("/api/checkout", { method: "POST", key: liveSecretKey, body: { userId: "live-user-1", tier: "pro", successUrl: "https://elsewhere.example/thanks" } });
    expect(outside.status).toBe(400);
    expect(outside.body.error.param).toBe("successUrl");
    const inside = await api("/api/checkout", { method: "POST", key: liveSecretKey, body: { userId: "live-user-1", tier: "pro", successUrl: "https://shop.example/welcome" } });
    expect(inside.status).toBe(201);
    expect(inside.body.mode).toBe("live");
    expect(inside.body.id).toMatch(/^cs_live_/);

    // Back to test, from the header: the test settings, the banner, and the test numbers again.
    await modeSwitch.getByRole("link", { name: "Test" }).click();
    await page.waitForURL(/\/dashboard\/settings\?mode=test$/);
    await expect.poll(() => testBanner.isVisible()).toBe(true);
    await expect.poll(() => page.getByText("Not saved yet", { exact: false }).isVisible()).toBe(true);
    expect(await page.getByLabel("Allowed origins").inputValue()).toBe("");
    await expectFits(page, "17-settings-test");
    await dashboardNav.getByRole("link", { name: "Overview" }).click();
    await page.waitForURL(/\/dashboard\?mode=test$/);
    await expect.poll(() => page.getByTestId("metric-calls").textContent()).toBe(String(testCalls));
    expect(await page.getByTestId("metric-customers").textContent()).toBe("1");
    expect(await page.getByTestId("metric-mrr").textContent()).toBe("$19.00");

    // Issue 16: one person, two developers. A second developer signs up (a browser of their own), connects Stripe, and gets a free
    // and a paid tier and keys.
    const developer2 = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    recordResponses(developer2);
    recordCspViolations(developer2);
    await developer2.goto(URLS.dashboard);
    await developer2.getByRole("button", { name: "Sign up" }).click();
    await developer2.getByLabel("Email address").fill(developer2Email);
    await developer2.getByRole("button", { name: "Sign up" }).click();
    await developer2.waitForURL(/\/dashboard\?mode=test$/);
    await developer2.getByRole("button", { name: "Connect Stripe" }).click();
    await developer2.waitForURL(/\/oauth\/authorize/);
    await developer2.getByRole("button", { name: "Approve" }).click();
    await developer2.waitForURL(/\/dashboard\?connect=success/);
    await expect.poll(() => developer2.getByText("Connected", { exact: true }).isVisible()).toBe(true);
    await developer2.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Tiers" }).click();
    await expect.poll(() => developer2.getByText("No tiers yet").isVisible()).toBe(true);
    await addTier(developer2, "free", "Free", "0", "3");
    await addTier(developer2, "team", "Team", "29", "500");
    await developer2.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Keys" }).click();
    await developer2.getByRole("button", { name: "Create keys" }).click();
    const developer2SecretKey =
      (
        await developer2
          .getByTestId("secret-key")
          .filter({ hasText: /^sk_test_/ })
          .textContent()
      )?.trim() ?? "";
    expect(developer2SecretKey).toMatch(/^sk_test_/);
    await developer2.getByRole("button", { name: "I have saved it" }).click();
    const pricingPage2Url = (await developer2.getByTestId("pricing-page-test").textContent())?.trim() ?? "";
    expect(pricingPage2Url).toMatch(new RegExp(`^${URLS.dashboard}/p/plt_[0-9A-Za-z]+/test$`));
    expect(pricingPage2Url).not.toBe(pricingPageUrl);

    // The same person (the shopper's browser: one end-user session) opens developer 2's page. The session acts for developer 1,
    // so the page asks; continuing joins developer 2 and makes it the session's active one, on developer 2's free tier.
    expectCsp(await shopper.goto(pricingPage2Url), "developer 2's pricing page");
    const chooseAccount = shopper.getByRole("region", { name: "Choose an account" });
    await expect.poll(() => chooseAccount.getByRole("button", { name: "Continue as this account" }).isVisible()).toBe(true);
    expect(await chooseAccount.getByRole("button", { name: "Sign out" }).isVisible()).toBe(true);
    expect(await shopper.getByText("Current plan").count()).toBe(0);
    await expectFits(shopper, "18-pricing-page-choose-account");
    const joining = shopper.waitForResponse((response) => response.url().includes("/join") && response.request().method() === "POST");
    await chooseAccount.getByRole("button", { name: "Continue as this account" }).click();
    const joined = (await (await joining).json()) as { organizationId: string; userId: string; plan: string; mode: string };
    expect(joined).toMatchObject({ plan: "free", mode: "test" });
    await expect.poll(() => shopper.getByRole("listitem", { name: "Free" }).getByText("Current plan").isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await chooseAccount.count()).toBe(0);
    expect(await shopper.getByRole("listitem", { name: "Team" }).getByText("Current plan").count()).toBe(0);
    await expectFits(shopper, "19-pricing-page-joined-second-developer");

    // Each developer's backend sees its own customer: developer 2 the person on free with no calls, developer 1 the same person
    // still on pro with its count.
    const atDeveloper1 = (await api("/api/customers/e2e-user", { key: rotatedSecret })).body.customer;
    expect(atDeveloper1).toMatchObject({ plan: "pro", usage: { count: testCalls } });
    const atDeveloper2 = await api(`/api/customers/${joined.userId}`, { key: developer2SecretKey });
    expect(atDeveloper2.status).toBe(200);
    expect(atDeveloper2.body.customer).toMatchObject({ plan: "free", clerkUserId: atDeveloper1.clerkUserId, usage: { count: 0 } });
    expect((await api("/api/customers/e2e-user", { key: developer2SecretKey })).status).toBe(404);

    // Developer 2 registering the person's email: already its customer. An email only developer 1 has: one person, two developers.
    const again = await api("/api/customers", { method: "POST", key: developer2SecretKey, body: { email: endUserEmail } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("email_in_use");
    const thirdEmail = `third.${Date.now()}@example.com`;
    const third1 = await api("/api/customers", { method: "POST", key: rotatedSecret, body: { userId: "e2e-third", email: thirdEmail } });
    expect(third1.status).toBe(201);
    const third2 = await api("/api/customers", { method: "POST", key: developer2SecretKey, body: { email: thirdEmail } });
    expect(third2.status).toBe(201);
    expect(third2.body.customer).toMatchObject({ email: thirdEmail, plan: "free", clerkUserId: third1.body.customer.clerkUserId });
    expect((await api("/api/customers/e2e-third", { key: rotatedSecret })).body.customer).toMatchObject({ email: thirdEmail, plan: "free" });

    // Back on developer 1's page: the session now acts for developer 2, so the page asks again; continuing shows Pro.
    await shopper.goto(pricingPageUrl);
    await expect.poll(() => chooseAccount.getByRole("button", { name: "Continue as this account" }).isVisible()).toBe(true);
    expect(await proCard.getByText("Current plan").count()).toBe(0);
    await chooseAccount.getByRole("button", { name: "Continue as this account" }).click();
    await expect.poll(() => proCard.getByText("Current plan").isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => shopper.getByRole("button", { name: "Manage billing" }).isVisible()).toBe(true);
    expect(await chooseAccount.count()).toBe(0);
    expect(await shopper.getByRole("listitem", { name: "Free" }).getByText("Current plan").count()).toBe(0);
    await expectFits(shopper, "20-pricing-page-back-at-first-developer");

    // Issue 14: no Content-Security-Policy violation on our pages along the whole journey.
    expect(cspViolations).toEqual([]);

    // Secrets: the secret key appears in exactly one response (its creation) and nowhere at rest or in logs.
    for (const secret of [secretKey, liveSecretKey, developer2SecretKey]) {
      const withSecret = responses.filter((response) => response.body.includes(secret));
      expect(withSecret.map((response) => response.url)).toEqual([`${URLS.frontAuthApi}/credentials`]);
    }
    const webhookSecrets = [
      "whsec_local_platform_00000000000000000000",
      "whsec_local_connect_000000000000000000000",
      "whsec_local_connect_live_0000000000000000",
      "whsec_local_preview_000000000000000000000",
    ];
    for (const response of responses) for (const secret of webhookSecrets) expect(response.body).not.toContain(secret);
    await stopStack(stack);
    const logs = stack.output();
    expect(logs).not.toContain(secretKey);
    expect(logs).not.toContain(liveSecretKey);
    expect(logs).not.toContain(developer2SecretKey);
    const atRest = filesUnder(stateDir).filter((file) => !file.endsWith(".sql"));
    expect(atRest.some((file) => file.endsWith(".sqlite"))).toBe(true);
    const oauthTokens = /"(access_token|refresh_token)"/;
    for (const file of atRest) {
      const bytes = readFileSync(file).toString("latin1");
      expect(bytes.includes(secretKey), `${file} holds the secret key`).toBe(false);
      expect(bytes.includes(liveSecretKey), `${file} holds the live secret key`).toBe(false);
      expect(bytes.includes(developer2SecretKey), `${file} holds developer 2's secret key`).toBe(false);
      if (!file.includes("emulators")) {
        for (const secret of webhookSecrets) expect(bytes.includes(secret), `${file} holds a webhook secret`).toBe(false);
        expect(oauthTokens.test(bytes), `${file} holds an OAuth token`).toBe(false);
      }
    }
  }, 300_000);
});
