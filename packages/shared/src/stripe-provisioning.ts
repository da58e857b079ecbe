/**
 * What dream-api needs to exist on the platform's Stripe account, written
 * once for everyone who creates it: the deploy's provider setup
 * (packages/deploy) on the real Stripe, and the local stand-in's starters
 * (testkit, `pnpm dev`). Each "ensure" finds what a previous run made and
 * creates only what is missing, so running it again changes nothing.
 */
import type Stripe from "stripe";

/** The developers' $15/month plan. front-auth-api finds it by `STRIPE_PLATFORM_PRICE` (this lookup key by default). */
export const PLATFORM_PRICE = {
  lookupKey: "dream_api_platform_monthly",
  unitAmount: 1500,
  currency: "usd",
  interval: "month",
  productName: "dream-api",
} as const;

/**
 * The event types each webhook endpoint subscribes to: exactly those its
 * handler acts on (front-auth-api/src/services/webhooks/platform-events.ts,
 * api-multi/src/services/webhooks/stripe-events.ts), so Stripe sends
 * nothing that would only be recorded and ignored.
 */
export const STRIPE_WEBHOOK_EVENTS = {
  /** front-auth-api, platform account: developers' subscriptions to the $15 plan. */
  developerPlan: ["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted"],
  /** api-multi, platform account in test mode: preview checkouts (tiers tried before a Stripe account is connected). */
  previewCheckouts: ["checkout.session.completed", "customer.subscription.created", "customer.subscription.updated", "customer.subscription.deleted", "invoice.paid", "invoice.payment_failed"],
  /** api-multi, Connect (events of developers' connected accounts), one endpoint per mode. */
  connect: [
    "checkout.session.completed",
    "customer.subscription.created",
    "customer.subscription.updated",
    "customer.subscription.deleted",
    "invoice.paid",
    "invoice.payment_failed",
    "account.application.deauthorized",
  ],
} as const satisfies Record<string, readonly Stripe.WebhookEndpointCreateParams.EnabledEvent[]>;

/** The platform price in this client's mode, created (with its product) when absent. */
export async function ensurePlatformPrice(stripe: Stripe): Promise<{ id: string; created: boolean }> {
  const found = await stripe.prices.list({ lookup_keys: [PLATFORM_PRICE.lookupKey], active: true, limit: 1 });
  if (found.data[0]) return { id: found.data[0].id, created: false };
  const price = await stripe.prices.create(
    {
      unit_amount: PLATFORM_PRICE.unitAmount,
      currency: PLATFORM_PRICE.currency,
      recurring: { interval: PLATFORM_PRICE.interval },
      lookup_key: PLATFORM_PRICE.lookupKey,
      product_data: { name: PLATFORM_PRICE.productName },
    },
    // Two setups racing on an empty account make one price, not two.
    { idempotencyKey: `dream-api-platform-price-${PLATFORM_PRICE.lookupKey}` },
  );
  return { id: price.id, created: true };
}
