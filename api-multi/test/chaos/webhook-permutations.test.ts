/**
 * The webhook-permutation property (@dream-api/testkit/suites,
 * webhook-permutations.ts) on api-multi's Connect webhook: it ends in the
 * same state whatever the order of arrival and however often each event
 * arrives.
 *
 * Each test drives a real end-user lifecycle through the Stripe stand-in
 * (Checkout paid on the hosted page, renewals and a failed payment through
 * the emulator controls, cancel / resume through the billing portal page or
 * the API, the period end) and collects the signed deliveries from the
 * webhook inbox. The reference state is that of the deliveries handed over
 * once each, in order. fast-check then generates permutations of the
 * deliveries with random duplicates (delivered one at a time or a few at
 * once); before each run the tenant's webhook-derived state is reset by SQL
 * (events, subscriptions, purchases, the end-user's plan and Stripe
 * customer, the one-off tier's inventory) and the Clerk plan is set to a
 * sentinel. After the run the end-user's plan, Stripe customer, every
 * subscription row (status, cancel_at_period_end, period, plan, price),
 * purchases, inventory, Clerk publicMetadata.plan and the stored events must
 * equal the reference — one events row per distinct event id, and exactly
 * one delivery per event id answered as the first (`duplicate: false`).
 * The subscription's `last_payment_error` is compared too: it is read from
 * the re-fetched subscription's latest invoice, so an
 * `invoice.payment_failed` arriving after the renewal that settled it
 * cannot leave the error on an active subscription.
 */
import { env } from "cloudflare:test";
import { describeWebhookPermutations } from "@dream-api/testkit/suites";
import { expect } from "vitest";
import {
  advanceSubscription,
  call,
  membershipPlanOf,
  deliver,
  deliverAll,
  deliveriesCausedBy,
  failPayment,
  payCheckout,
  portalAction,
  seedConnectedPlatform,
  setMembershipPlan,
  tenantOrganizationOf,
  stripe,
  type ConnectedPlatform,
  type Delivery,
} from "../harness";

const END_USER = "subscriber";
/** Inventory the one-off tier is reset to: large enough that a double decrement would show. */
const RESET_INVENTORY = 10;
/** The Clerk plan written before each run, so the final value proves the webhook wrote it. */
const CLERK_SENTINEL = "stale-before-delivery";

interface Lifecycle {
  platform: ConnectedPlatform;
  clerkUserId: string;
  /** The tenant's organization: the end-user's plan in Clerk is on their membership of it. */
  organizationId: string;
  deliveries: Delivery[];
}

// ---- driving Stripe -----------------------------------------------------------------------------

/** Runs `action` and returns the connected account's deliveries it caused, once `lastType` (the last event it emits) has arrived. */
function step(account: string, lastType: string, action: () => Promise<unknown>): Promise<Delivery[]> {
  return deliveriesCausedBy("connect", (delivery) => delivery.account === account, lastType, action);
}

async function newLifecycleTenant(): Promise<{ platform: ConnectedPlatform; clerkUserId: string; organizationId: string }> {
  const platform = await seedConnectedPlatform();
  const created = await call("POST", "/api/customers", {
    key: platform.secretKey,
    body: { userId: END_USER, email: `subscriber.${crypto.randomUUID().slice(0, 8)}@example.com` },
  });
  if (created.status !== 201) throw new Error(`customer: ${created.status} ${JSON.stringify(created.body)}`);
  return { platform, clerkUserId: created.body.customer.clerkUserId, organizationId: (await tenantOrganizationOf(platform)) ?? "" };
}

async function checkoutAndPay(platform: ConnectedPlatform, tier: string): Promise<Delivery[]> {
  return step(platform.account, "checkout.session.completed", async () => {
    const checkout = await call("POST", "/api/checkout", { key: platform.secretKey, body: { userId: END_USER, tier } });
    if (checkout.status !== 201) throw new Error(`checkout: ${checkout.status} ${JSON.stringify(checkout.body)}`);
    const paid = await payCheckout(checkout.body.url);
    if (paid.status !== 303) throw new Error(`payment: ${paid.status}`);
  });
}

function subscriptionIdOf(deliveries: Delivery[]): string {
  const created = deliveries.find((delivery) => delivery.type === "customer.subscription.created");
  const id = created ? (JSON.parse(created.body) as { data: { object: { id: string } } }).data.object.id : undefined;
  if (!id) throw new Error("no customer.subscription.created delivery");
  return id;
}

/** Pays Pro, renews, fails a payment, recovers at the next renewal, cancels at period end in the portal, and reaches the period end. */
async function lifecycleEndingCanceled(): Promise<Lifecycle> {
  const { platform, clerkUserId, organizationId } = await newLifecycleTenant();
  const { account } = platform;
  const deliveries = await checkoutAndPay(platform, "pro");
  const subscriptionId = subscriptionIdOf(deliveries);
  await deliverAll(deliveries); // the portal needs the end-user's Stripe customer
  deliveries.push(...(await step(account, "invoice.payment_succeeded", () => advanceSubscription(subscriptionId))));
  deliveries.push(...(await step(account, "customer.subscription.updated", () => failPayment(subscriptionId))));
  deliveries.push(...(await step(account, "invoice.payment_succeeded", () => advanceSubscription(subscriptionId))));
  const portal = await call("POST", "/api/portal", { key: platform.secretKey, body: { userId: END_USER } });
  if (portal.status !== 201) throw new Error(`portal: ${portal.status} ${JSON.stringify(portal.body)}`);
  deliveries.push(...(await step(account, "customer.subscription.updated", () => portalAction(portal.body.url, "cancel_at_period_end"))));
  deliveries.push(...(await step(account, "customer.subscription.deleted", () => advanceSubscription(subscriptionId))));
  return { platform, clerkUserId, organizationId, deliveries };
}

/** Pays Pro, cancels at period end through the API, resumes through the API, and renews. */
async function lifecycleEndingActive(): Promise<Lifecycle> {
  const { platform, clerkUserId, organizationId } = await newLifecycleTenant();
  const { account } = platform;
  const onAccount = { stripeAccount: account };
  const deliveries = await checkoutAndPay(platform, "pro");
  const subscriptionId = subscriptionIdOf(deliveries);
  deliveries.push(...(await step(account, "customer.subscription.updated", () => stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: true }, onAccount))));
  deliveries.push(...(await step(account, "customer.subscription.updated", () => stripe.subscriptions.update(subscriptionId, { cancel_at_period_end: false }, onAccount))));
  deliveries.push(...(await step(account, "invoice.payment_succeeded", () => advanceSubscription(subscriptionId))));
  return { platform, clerkUserId, organizationId, deliveries };
}

/** Pays Pro, renews, and the next charge fails: the subscription ends past_due with the failure on record. */
async function lifecycleEndingPastDue(): Promise<Lifecycle> {
  const { platform, clerkUserId, organizationId } = await newLifecycleTenant();
  const { account } = platform;
  const deliveries = await checkoutAndPay(platform, "pro");
  const subscriptionId = subscriptionIdOf(deliveries);
  deliveries.push(...(await step(account, "invoice.payment_succeeded", () => advanceSubscription(subscriptionId))));
  deliveries.push(...(await step(account, "customer.subscription.updated", () => failPayment(subscriptionId))));
  return { platform, clerkUserId, organizationId, deliveries };
}

/** Buys the one-off e-book twice. */
async function lifecycleOneOffPurchases(): Promise<Lifecycle> {
  const { platform, clerkUserId, organizationId } = await newLifecycleTenant();
  const deliveries = await checkoutAndPay(platform, "ebook");
  deliveries.push(...(await checkoutAndPay(platform, "ebook")));
  return { platform, clerkUserId, organizationId, deliveries };
}

// ---- state --------------------------------------------------------------------------------------

/** Forgets everything the webhook derived for the tenant, as if no event had arrived yet. */
async function resetTenant({ platform, clerkUserId, organizationId }: Lifecycle): Promise<void> {
  const { platformId, account } = platform;
  await env.DB.batch([
    env.DB.prepare("DELETE FROM events WHERE source = 'connect' AND account = ?1").bind(account),
    env.DB.prepare("DELETE FROM subscriptions WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, END_USER),
    env.DB.prepare("DELETE FROM purchases WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, END_USER),
    env.DB.prepare("UPDATE end_users SET plan = 'free', stripe_customer_id = NULL, stripe_customer_account = NULL WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, END_USER),
    env.DB.prepare("UPDATE tiers SET inventory = ?2 WHERE platform_id = ?1 AND name = 'ebook'").bind(platformId, RESET_INVENTORY),
  ]);
  await setMembershipPlan(clerkUserId, organizationId, CLERK_SENTINEL);
}

async function snapshot({ platform, clerkUserId, organizationId }: Lifecycle) {
  const { platformId, account } = platform;
  const [endUser, subscriptions, purchases, ebook, events] = await env.DB.batch([
    env.DB.prepare("SELECT plan, stripe_customer_id, stripe_customer_account FROM end_users WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, END_USER),
    env.DB.prepare(
      `SELECT subscription_id, customer_id, plan, price_id, status, current_period_start, current_period_end, cancel_at_period_end, canceled_at, stripe_account,
              last_payment_error
       FROM subscriptions WHERE platform_id = ?1 AND user_id = ?2 ORDER BY subscription_id`,
    ).bind(platformId, END_USER),
    env.DB.prepare("SELECT checkout_session_id, tier, amount, currency FROM purchases WHERE platform_id = ?1 AND user_id = ?2 ORDER BY checkout_session_id").bind(platformId, END_USER),
    env.DB.prepare("SELECT inventory FROM tiers WHERE platform_id = ?1 AND name = 'ebook'").bind(platformId),
    env.DB.prepare("SELECT event_id, type FROM events WHERE source = 'connect' AND account = ?1 ORDER BY event_id").bind(account),
  ]);
  return {
    endUser: endUser?.results[0],
    subscriptions: subscriptions?.results,
    purchases: purchases?.results,
    inventory: (ebook?.results[0] as { inventory: number } | undefined)?.inventory,
    events: events?.results,
    clerkPlan: await membershipPlanOf(clerkUserId, organizationId),
  };
}

// ---- the table ----------------------------------------------------------------------------------

describeWebhookPermutations({
  title: "Connect webhook: any order, any duplicates, same end state",
  deliver,
  reset: resetTenant,
  snapshot,
  maxParallelism: 3,
  lifecycles: [
    {
      name: "a lifecycle that ends canceled (renewals, a failed payment, portal cancel at period end, period end)",
      numRuns: 25,
      run: lifecycleEndingCanceled,
      types: ["checkout.session.completed", "invoice.payment_failed", "customer.subscription.deleted"],
      check: (reference, lifecycle) => {
        expect(reference.endUser).toMatchObject({ plan: "free", stripe_customer_account: lifecycle.platform.account });
        expect(reference.subscriptions).toEqual([
          expect.objectContaining({ plan: "pro", status: "canceled", cancel_at_period_end: 1, price_id: lifecycle.platform.proPriceId, last_payment_error: null }),
        ]);
        expect(reference.purchases).toEqual([]);
        expect(reference.inventory).toBe(RESET_INVENTORY);
        expect(reference.clerkPlan).toBe("free");
      },
    },
    {
      name: "a lifecycle that ends active (cancel at period end, then resume, then renewal)",
      numRuns: 25,
      run: lifecycleEndingActive,
      check: async (reference, lifecycle) => {
        expect(reference.endUser).toMatchObject({ plan: "pro", stripe_customer_account: lifecycle.platform.account });
        expect(reference.subscriptions).toEqual([expect.objectContaining({ plan: "pro", status: "active", cancel_at_period_end: 0, canceled_at: null, last_payment_error: null })]);
        const subscription = reference.subscriptions?.[0] as { current_period_start: string; current_period_end: string };
        const stripeView = await stripe.subscriptions.retrieve(subscriptionIdOf(lifecycle.deliveries), {}, { stripeAccount: lifecycle.platform.account });
        expect(subscription.current_period_end).toBe(new Date(stripeView.items.data[0]!.current_period_end * 1000).toISOString());
        expect(subscription.current_period_start).toBe(new Date(stripeView.items.data[0]!.current_period_start * 1000).toISOString());
        expect(reference.clerkPlan).toBe("pro");
      },
    },
    {
      name: "a lifecycle that ends past_due (renewal, then a failed payment): the error is recorded whatever the order",
      numRuns: 15,
      run: lifecycleEndingPastDue,
      check: (reference) => {
        expect(reference.subscriptions).toEqual([expect.objectContaining({ plan: "pro", status: "past_due", last_payment_error: expect.stringMatching(/^Payment failed for invoice in_/) })]);
        expect(reference.endUser).toMatchObject({ plan: "free" });
        expect(reference.clerkPlan).toBe("free");
      },
    },
    {
      name: "one-off purchases: one purchase row and one inventory decrement per paid Checkout",
      numRuns: 30,
      run: lifecycleOneOffPurchases,
      check: (reference) => {
        expect(reference.purchases).toEqual([expect.objectContaining({ tier: "ebook", amount: 500, currency: "usd" }), expect.objectContaining({ tier: "ebook", amount: 500, currency: "usd" })]);
        expect(reference.inventory).toBe(RESET_INVENTORY - 2);
        expect(reference.endUser).toMatchObject({ plan: "free" });
        expect(reference.subscriptions).toEqual([]);
      },
    },
  ],
});
