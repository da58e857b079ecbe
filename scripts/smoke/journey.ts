/**
 * The smoke test's journey, the product's main path in six steps against a
 * running platform: a developer signs up, subscribes to the $15 plan,
 * connects Stripe, creates tiers and gets a key; their backend registers an
 * end-user and tracks usage; the end-user buys the paid tier and the plan
 * moves. Then it undoes what the APIs let it undo.
 *
 * The calls are the ones tests/e2e makes through the dashboard and
 * tests/stack makes directly; the developer's REST calls go through the SDK
 * (sdk/). Money is test mode only: every Checkout session is checked with
 * Stripe (test key) to be a test-mode one before a card is typed, and the
 * card is Stripe's test card.
 */
import type { Browser, Page } from "playwright-core";
import { DreamApi } from "../../sdk/src/index";
import { launchBrowser } from "../../tests/e2e/browser";
import { deleteUser, findEndUser, signUpDeveloper, type DeveloperSession } from "./clerk";
import { reach } from "./http";
import { driverFor } from "./pages";
import { runSteps, type Output, type Step } from "./runner";
import type { SmokeTarget } from "./target";

/** What the steps made, for the later steps and for the clean-up. */
interface JourneyState {
  developerEmail: string;
  endUserId: string;
  endUserEmail: string;
  developer?: DeveloperSession;
  platformId?: string;
  platformCheckoutId?: string;
  connected?: boolean;
  stripeAccountId?: string;
  keyIds: string[];
  secretKey?: string;
  endUserRegistered?: boolean;
  endUserCheckoutId?: string;
}

const PLAN_WAIT_MS = 60_000;
const CALLS_TRACKED = 3;

/** One call of the developer's dashboard API (front-auth-api, oauth-api) with a fresh session token. */
async function developerCall<T>(state: JourneyState, base: string, method: string, path: string, body?: unknown): Promise<T> {
  if (!state.developer) throw new Error("no developer session (step 1 did not run)");
  const response = await reach(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await state.developer.token()}`, "Content-Type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${base}${path}: HTTP ${response.status} ${text.slice(0, 400)}`);
  return JSON.parse(text) as T;
}

interface Me {
  platformId: string;
  plan: "free" | "paid";
  stripe: { connected: boolean; accountId: string | null };
  subscription: { status: string } | null;
}

/** Polls `read` until `done` holds, or fails with `what` after `timeoutMs`. */
async function waitFor<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = PLAN_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still not so after ${timeoutMs / 1000} s (last seen: ${JSON.stringify(last)}). Are the Stripe webhooks reaching the platform?`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    last = await read();
  }
  return last;
}

/**
 * Stops unless Stripe itself says the session is a test-mode one: the id's
 * prefix first (a live session is never opened), then the session read back
 * with the platform's test key (a live session is not found with it).
 */
async function assertTestModeCheckout(target: SmokeTarget, id: string, stripeAccount?: string): Promise<{ subscription: string | null }> {
  if (!id.startsWith("cs_test_"))
    throw new Error(`the Checkout session ${id.slice(0, 12)}… is not a test-mode one (cs_test_…): this platform would take real money here, and the smoke only ever pays in test mode.`);
  const response = await reach(`${target.stripeApiUrl}/v1/checkout/sessions/${id}`, {
    headers: { Authorization: `Bearer ${target.stripeTestSecretKey}`, ...(stripeAccount ? { "Stripe-Account": stripeAccount } : {}) },
  });
  const session = (await response.json().catch(() => ({}))) as { livemode?: boolean; subscription?: string | null };
  if (!response.ok || session.livemode !== false)
    throw new Error(`Stripe's test mode does not know the Checkout session ${id} (HTTP ${response.status}): the smoke only pays on sessions Stripe reports as test mode.`);
  return { subscription: session.subscription ?? null };
}

async function openPage(browser: () => Promise<Browser>, address: string): Promise<Page> {
  const page = await (await browser()).newPage({ viewport: { width: 1280, height: 900 } });
  // A field that is not there within 15 s is not coming: fail with the page's text rather than wait on.
  page.setDefaultTimeout(15_000);
  await page.goto(address);
  return page;
}

export interface JourneyResult {
  passed: boolean;
}

export async function runJourney(target: SmokeTarget, output: Output): Promise<JourneyResult> {
  const runId = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  // "+clerk_test" marks an address Clerk development instances never mail (Clerk's test emails); example.com receives nothing either way.
  const state: JourneyState = {
    developerEmail: `smoke-developer-${runId}+clerk_test@example.com`,
    endUserId: `smoke-${runId}`,
    endUserEmail: `smoke-customer-${runId}+clerk_test@example.com`,
    keyIds: [],
  };
  let launched: Browser | undefined;
  const browser = async () => {
    launched ??= await launchBrowser();
    return launched;
  };
  const dream = () => new DreamApi({ secretKey: state.secretKey ?? "", baseUrl: target.apiMultiUrl, maxRetries: 1 });

  const steps: Step[] = [
    {
      title: "Sign up a developer (Clerk Backend API) and open their platform",
      run: async () => {
        state.developer = await signUpDeveloper(target, state.developerEmail);
        const me = await developerCall<Me>(state, target.frontAuthApiUrl, "GET", "/me");
        state.platformId = me.platformId;
        if (me.plan !== "free") throw new Error(`a new developer should be on the free plan, GET /me says ${me.plan}`);
        return `${state.developer.userId}, ${me.platformId}, plan free`;
      },
    },
    {
      title: "Subscribe to the $15 plan with the test card",
      run: async () => {
        const checkout = await developerCall<{ id: string; url: string }>(state, target.frontAuthApiUrl, "POST", "/checkout", {});
        state.platformCheckoutId = checkout.id;
        await assertTestModeCheckout(target, checkout.id);
        const page = await openPage(browser, checkout.url);
        const driver = driverFor(checkout.url);
        await driver.payCheckout(page, { email: state.developerEmail, name: "Smoke Test" });
        await page.close();
        const me = await waitFor(
          "the platform shows the developer on the paid plan",
          () => developerCall<Me>(state, target.frontAuthApiUrl, "GET", "/me"),
          (value) => value.plan === "paid",
        );
        return `${checkout.id.slice(0, 16)}… paid on ${driver.name}; plan ${me.plan} (subscription ${me.subscription?.status ?? "?"})`;
      },
    },
    {
      title: "Connect Stripe (Connect OAuth)",
      run: async () => {
        const start = await developerCall<{ url: string }>(state, target.oauthApiUrl, "POST", "/connect/start", {});
        const page = await openPage(browser, start.url);
        await driverFor(start.url).approveConnect(page);
        // oauth-api's callback sends the browser on to the dashboard with the outcome in the address.
        await page.waitForURL((address) => address.searchParams.has("connect"), { timeout: 30_000, waitUntil: "commit" });
        const landed = new URL(page.url());
        await page.close();
        if (landed.searchParams.get("connect") !== "success") throw new Error(`oauth-api's callback reported connect=${landed.searchParams.get("connect")} error=${landed.searchParams.get("error")}`);
        const me = await developerCall<Me>(state, target.frontAuthApiUrl, "GET", "/me");
        if (!me.stripe.connected || !me.stripe.accountId) throw new Error(`the callback said success but GET /me shows ${JSON.stringify(me.stripe)}`);
        state.connected = true;
        state.stripeAccountId = me.stripe.accountId;
        return me.stripe.accountId;
      },
    },
    {
      title: "Create a free and a paid tier, and issue keys",
      run: async () => {
        const created = await developerCall<{ tiers: { name: string; priceId: string | null }[] }>(state, target.oauthApiUrl, "POST", "/products?mode=test", {
          tiers: [
            { name: "free", displayName: "Free", kind: "subscription", price: 0, limit: 100 },
            { name: "pro", displayName: "Pro", kind: "subscription", price: 1900, limit: 10_000 },
          ],
        });
        const credentials = await developerCall<{ keys: { keyId: string; mode: string; secretKey?: string }[] }>(state, target.frontAuthApiUrl, "POST", "/credentials", {});
        state.keyIds = credentials.keys.map((key) => key.keyId);
        const testKey = credentials.keys.find((key) => key.mode === "test")?.secretKey;
        if (!testKey?.startsWith("sk_test_")) throw new Error("POST /credentials returned no test-mode secret key (sk_test_…)");
        state.secretKey = testKey;
        const pro = created.tiers.find((tier) => tier.name === "pro");
        return `tiers ${created.tiers.map((tier) => tier.name).join(", ")} (pro: ${pro?.priceId ?? "no Stripe price"}); key ${testKey.slice(0, 12)}…`;
      },
    },
    {
      title: "Register an end-user and track usage (SDK)",
      run: async () => {
        const { customer } = await dream().customers.create({ userId: state.endUserId, email: state.endUserEmail });
        state.endUserRegistered = true;
        for (let call = 0; call < CALLS_TRACKED; call++) await dream().usage.track({ userId: state.endUserId });
        const { usage } = await dream().usage.check(state.endUserId);
        if (usage.count !== CALLS_TRACKED || usage.plan !== "free") throw new Error(`expected ${CALLS_TRACKED} calls on free, GET /api/usage says ${usage.count} on ${usage.plan}`);
        return `${customer.userId}: ${usage.count} / ${usage.limit} calls on ${usage.plan}`;
      },
    },
    {
      title: "The end-user buys the paid tier with the test card",
      run: async () => {
        const checkout = await dream().checkout.create({ userId: state.endUserId, tier: "pro" });
        state.endUserCheckoutId = checkout.id;
        await assertTestModeCheckout(target, checkout.id, state.stripeAccountId);
        const page = await openPage(browser, checkout.url);
        await driverFor(checkout.url).payCheckout(page, { email: state.endUserEmail, name: "Smoke Customer" });
        await page.close();
        const { usage } = await waitFor(
          "the usage API shows the end-user on pro",
          () => dream().usage.check(state.endUserId),
          (value) => value.usage.plan === "pro",
        );
        return `${checkout.id.slice(0, 16)}…; plan ${usage.plan}, ${usage.count} / ${usage.limit} calls`;
      },
    },
  ];

  output.line(`Smoke test against ${target.source}`);
  output.line(`  dashboard ${target.dashboardUrl} · front-auth-api ${target.frontAuthApiUrl} · api-multi ${target.apiMultiUrl} · oauth-api ${target.oauthApiUrl}`);
  output.line(`  run ${runId}: developer ${state.developerEmail}, end-user ${state.endUserEmail}\n`);
  let passed = false;
  try {
    passed = await runSteps(steps, output);
  } finally {
    await launched?.close().catch(() => undefined);
    await cleanUp(target, state, dream, output);
  }
  output.line(passed ? "\nSmoke test passed." : "\nSmoke test FAILED.");
  return { passed };
}

/**
 * Undoes what the APIs allow, in the order that keeps the platform's view
 * consistent: subscriptions canceled (test key) and their webhooks seen
 * before the people they belong to are removed, then keys revoked, Stripe
 * disconnected, and the Clerk users deleted. Each line says what it did;
 * a failure here is reported and does not hide the journey's result.
 */
async function cleanUp(target: SmokeTarget, state: JourneyState, dream: () => DreamApi, output: Output): Promise<void> {
  output.line("\nClean-up:");
  const attempt = async (what: string, work: () => Promise<string | undefined>) => {
    try {
      const done = await work();
      if (done !== undefined) output.line(`  ✓ ${what}${done ? ` — ${done}` : ""}`);
    } catch (error) {
      output.line(`  ✗ ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const cancelSubscription = async (checkoutId: string, stripeAccount?: string) => {
    const { subscription } = await assertTestModeCheckout(target, checkoutId, stripeAccount);
    if (!subscription) return undefined;
    const response = await reach(`${target.stripeApiUrl}/v1/subscriptions/${subscription}`, {
      method: "DELETE",
      headers: { Authorization: `Bearer ${target.stripeTestSecretKey}`, ...(stripeAccount ? { "Stripe-Account": stripeAccount } : {}) },
    });
    if (!response.ok) throw new Error(`Stripe DELETE /v1/subscriptions/${subscription}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
    return subscription;
  };

  if (state.endUserCheckoutId && state.stripeAccountId) {
    const checkoutId = state.endUserCheckoutId;
    const account = state.stripeAccountId;
    await attempt("cancel the end-user's test subscription", async () => {
      const canceled = await cancelSubscription(checkoutId, account);
      if (!canceled) return "none was started";
      await waitFor(
        "the end-user back on free",
        () => dream().usage.check(state.endUserId),
        (value) => value.usage.plan !== "pro",
        30_000,
      );
      return canceled;
    });
  }
  if (state.endUserRegistered)
    await attempt("remove the end-user from the platform (DELETE /api/customers)", async () => {
      await dream().customers.delete(state.endUserId);
      return state.endUserId;
    });
  await attempt("delete the end-user's Clerk user (end-user-api)", async () => {
    const id = await findEndUser(target, state.endUserEmail);
    if (!id) return state.endUserRegistered ? "not found" : undefined;
    await deleteUser(target, target.clerkEndUserSecretKey, id);
    return id;
  });
  if (state.platformCheckoutId && state.developer) {
    const checkoutId = state.platformCheckoutId;
    await attempt("cancel the developer's $15 test subscription", async () => {
      const canceled = await cancelSubscription(checkoutId);
      if (!canceled) return "none was started";
      await waitFor(
        "the developer back on free",
        () => developerCall<Me>(state, target.frontAuthApiUrl, "GET", "/me"),
        (value) => value.plan === "free",
        30_000,
      );
      return canceled;
    });
  }
  for (const keyId of state.keyIds) {
    await attempt(`revoke key pair ${keyId}`, async () => {
      await developerCall(state, target.frontAuthApiUrl, "POST", `/credentials/${keyId}/revoke`, {});
      return "";
    });
  }
  if (state.connected)
    await attempt("disconnect Stripe (POST /connect/disconnect)", async () => {
      await developerCall(state, target.oauthApiUrl, "POST", "/connect/disconnect", {});
      return state.stripeAccountId ?? "";
    });
  if (state.developer) {
    const developer = state.developer;
    await attempt("delete the developer's Clerk user (dream-api)", async () => {
      await deleteUser(target, target.clerkDeveloperSecretKey, developer.userId);
      return developer.userId;
    });
  }
  output.line("\nLeft behind (no API removes them):");
  if (!state.platformId) {
    output.line("  - nothing: no platform was made.");
    return;
  }
  output.line(`  - the platform ${state.platformId} in D1 (its row, tiers, revoked keys, usage counts and events) and, if one was made, its organization in the end-user-api Clerk app;`);
  output.line(
    "  - in Stripe's test mode: the customers, canceled subscriptions and paid invoices on the platform account and on the connected test account, the tiers' products and prices, and the disconnected test account.",
  );
}
