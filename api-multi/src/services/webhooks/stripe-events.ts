/**
 * api-multi's Stripe webhook: end-users' subscriptions and purchases on the
 * developers' connected accounts (and, in preview, on the platform account).
 *
 * Exactly once: the event row (UNIQUE event id) and its effect land in one
 * DB.batch; a duplicate's insert fails and rolls the effect back.
 * Order-proof: subscription effects re-fetch the subscription (with its
 * latest invoice) from Stripe and store its current state — the payment
 * error included, read from that invoice rather than from which invoice
 * event came last — then derive the end-user's plan from all its stored
 * subscriptions in the same batch — so no arrival order or stale event can
 * move a plan backwards. Any failure answers 500 (nothing stored) and
 * Stripe's retry redoes the event.
 *
 * Two worlds: an event's `livemode` is its mode, and it may touch only rows
 * of that mode (a live Connect endpoint also receives test events of
 * accounts connected in live mode). An event naming data of the other mode
 * is refused — 400 `livemode_mismatch`, recorded, nothing applied.
 */
import { ApiError, type KeyMode, lowestTier, modeOfLivemode, purposeOf, type Tenant, type Tier } from "@dream-api/shared";
import { refreshAccountCache } from "@dream-api/shared/caches";
import {
  creditBalance,
  deauthorizeAccountStatement,
  decrementTierInventoryStatement,
  derivePlanStatement,
  endUserExists,
  getEndUserClerkPlan,
  eventRecorded,
  insertEventStatement,
  insertPurchaseStatement,
  isDuplicateEventError,
  listTiers,
  platformExists,
  platformsOfAccount,
  purchaseCreditGrant,
  purchaseCreditGrantStatement,
  recordStripeCustomerStatement,
  storedSubscriptionMode,
  upsertSubscriptionStatement,
} from "@dream-api/shared/db";
import { checkEventObject, stripeEventObjects } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { noteCreditsGranted } from "../credits/events";
import type { z } from "zod";
import { platformStripe } from "../billing/stripe-account";
import { emitEvent, type EventContext } from "../../events/emit";
import { syncEndUserPlanToClerk } from "./clerk-sync";
import { verifiedStripeEvent } from "./verify";

export interface WebhookResult {
  received: true;
  duplicate: boolean;
  outcome: string;
}

interface Effect {
  platformId: string | null;
  statements: D1PreparedStatement[];
  outcome: string;
  /** Set when the event names data of the other mode: it is recorded, nothing is applied, and the answer is 400. */
  refusal?: string;
  /** End-users whose Clerk plan must follow D1 afterwards. */
  endUsers: (Tenant & { userId: string })[];
  /** Platforms whose account cache must be rewritten afterwards. */
  accountsChanged: string[];
  /** Tells the developer what changed (outbound events), once the statements are applied — never on a duplicate. */
  notify?: (ctx: EventContext) => Promise<void>;
}

/**
 * The object each handled event type carries, as far as effectOf reads it.
 * A correctly signed event of one of these types whose data.object is
 * missing, of another kind or of the wrong types is 400 before anything is
 * read or written; other types are recorded and ignored, whatever their data.
 */
const HANDLED_OBJECTS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ["checkout.session.completed", stripeEventObjects.checkoutSession],
  ["customer.subscription.created", stripeEventObjects.subscription],
  ["customer.subscription.updated", stripeEventObjects.subscription],
  ["customer.subscription.deleted", stripeEventObjects.subscription],
  ["invoice.paid", stripeEventObjects.invoice],
  ["invoice.payment_failed", stripeEventObjects.invoice],
]);

const ignored = (outcome: string, platformId: string | null = null): Effect => ({ platformId, statements: [], outcome: `ignored: ${outcome}`, endUsers: [], accountsChanged: [] });

const refused = (refusal: string, platformId: string): Effect => ({ platformId, statements: [], outcome: `refused: ${refusal}`, refusal, endUsers: [], accountsChanged: [] });

/** The tenant of an event: a platform in the event's own mode, and the connected account it happened on (null: the platform's own). */
type EventTenant = Tenant & { account: string | null };

const otherMode = (mode: KeyMode): KeyMode => (mode === "live" ? "test" : "live");

/** What a webhook delivery's handler needs: no tenant (the event names it), the bindings and the clock. */
export interface WebhookContext {
  env: Env;
  now: Date;
  waitUntil: (promise: Promise<unknown>) => void;
}

export async function handleStripeWebhook({ ctx, input }: { ctx: WebhookContext; input: { rawBody: string; signature: string | undefined } }): Promise<WebhookResult> {
  const { env, now } = ctx;
  const { event, source } = await verifiedStripeEvent(env, input.rawBody, input.signature);
  const shape = HANDLED_OBJECTS.get(event.type);
  if (shape) checkEventObject(event, shape);
  const nowIso = now.toISOString();
  const effect = await effectOf(env, event, source, nowIso);
  const notify = effect.notify;
  let duplicate = await eventRecorded(env.DB, source, event.id);
  if (!duplicate) {
    try {
      await env.DB.batch([
        insertEventStatement(env.DB, {
          eventId: event.id,
          source,
          type: event.type,
          account: event.account ?? null,
          platformId: effect.platformId,
          mode: modeOfLivemode(event.livemode),
          payload: input.rawBody,
          now: nowIso,
          outcome: effect.outcome,
        }),
        ...effect.statements,
      ]);
      if (notify && effect.platformId && !effect.refusal) {
        const eventCtx = { env, now, waitUntil: ctx.waitUntil, platformId: effect.platformId, mode: modeOfLivemode(event.livemode) };
        ctx.waitUntil(
          notify(eventCtx).catch((error: unknown) =>
            console.error(JSON.stringify({ level: "error", msg: "outbound events not emitted", stripeEvent: event.id, error: error instanceof Error ? error.name : "unknown" })),
          ),
        );
      }
    } catch (error) {
      if (!isDuplicateEventError(error)) throw error;
      duplicate = true;
    }
  }
  if (effect.refusal) {
    throw new ApiError("livemode_mismatch", `Event ${event.id} is a ${modeOfLivemode(event.livemode)}-mode event, but ${effect.refusal}. Nothing was applied; the event is recorded.`);
  }
  // Also on duplicates: a retry after a Clerk failure must still bring Clerk in line with D1.
  for (const user of effect.endUsers) await syncEndUserPlanToClerk(env, user);
  for (const platformId of effect.accountsChanged) await refreshAccountCache(env.DB, env.ACCOUNT_CACHE, platformId);
  return { received: true, duplicate, outcome: duplicate ? "duplicate" : effect.outcome };
}

/**
 * The tenant an event belongs to: by its connected account, or — for the
 * platform account's events (preview checkouts) — by our own metadata, and
 * only when it marks an end-user checkout (checkout-purpose.ts): developers'
 * own $15 subscriptions are front-auth-api's business. Connected accounts'
 * objects made before the purpose was recorded carry none and are accepted.
 */
async function tenantOf(env: Env, event: Stripe.Event, metadata: Record<string, string> | null | undefined): Promise<EventTenant | string> {
  const metadataPlatformId = metadata?.["platformId"];
  // Developers' own $15 subscriptions are front-auth-api's business, whatever else their metadata says.
  if (purposeOf(metadata) === "developer_plan") return "a developer-plan checkout, not an end-user's";
  if (event.account) {
    const platforms = await platformsOfAccount(env.DB, event.account);
    const platformId = metadataPlatformId && platforms.includes(metadataPlatformId) ? metadataPlatformId : platforms.length === 1 ? platforms[0] : undefined;
    if (!platformId) return `no platform is connected to ${event.account}`;
    return { platformId, mode: modeOfLivemode(event.livemode), account: event.account };
  }
  // On the platform's own account only our end-user checkouts (preview) are end-users' business.
  if (purposeOf(metadata) !== "end_user" || !metadataPlatformId || !metadata?.["userId"]) return "not a dream-api end-user event";
  if (event.livemode) return "live events of the platform account are not end-user previews";
  return (await platformExists(env.DB, metadataPlatformId)) ? { platformId: metadataPlatformId, mode: "test", account: null } : `unknown platform ${metadataPlatformId}`;
}

/** What our metadata on a Stripe object names: the mode it was made in, the end-user and the tier. */
function namedBy(metadata: Record<string, string> | null | undefined): { metadataMode?: string; userId?: string; tier?: string } {
  const named: { metadataMode?: string; userId?: string; tier?: string } = {};
  if (metadata?.["mode"]) named.metadataMode = metadata["mode"];
  if (metadata?.["userId"]) named.userId = metadata["userId"];
  if (metadata?.["tier"]) named.tier = metadata["tier"];
  return named;
}

/**
 * Why an event of `tenant.mode` may not touch what it names, or null when
 * it may: the object says it was made in the other mode (our `mode`
 * metadata), its subscription is stored in the other mode, or its end-user
 * or tier exists only in the other mode.
 */
async function modeConflict(
  env: Env,
  tenant: EventTenant,
  names: { metadataMode?: string | undefined; subscriptionId?: string; userId?: string; tier?: string; tiers?: { own: Tier[]; other: Tier[] } },
): Promise<string | null> {
  const other: Tenant = { platformId: tenant.platformId, mode: otherMode(tenant.mode) };
  if ((names.metadataMode === "test" || names.metadataMode === "live") && names.metadataMode !== tenant.mode) return `the object was made in ${names.metadataMode} mode`;
  if (names.subscriptionId) {
    const stored = await storedSubscriptionMode(env.DB, tenant.platformId, names.subscriptionId);
    if (stored && stored !== tenant.mode) return `subscription ${names.subscriptionId} is ${stored}-mode data`;
  }
  if (names.userId && !(await endUserExists(env.DB, tenant, names.userId)) && (await endUserExists(env.DB, other, names.userId))) {
    return `end-user "${names.userId}" exists only in ${other.mode} mode`;
  }
  if (names.tier) {
    const tier = names.tier;
    const ownTiers = names.tiers?.own ?? (await listTiers(env.DB, tenant));
    if (!ownTiers.some((candidate) => candidate.name === tier) && (names.tiers?.other ?? (await listTiers(env.DB, other))).some((candidate) => candidate.name === tier)) {
      return `tier "${tier}" exists only in ${other.mode} mode`;
    }
  }
  return null;
}

async function effectOf(env: Env, event: Stripe.Event, source: "connect" | "preview", now: string): Promise<Effect> {
  switch (event.type) {
    case "checkout.session.completed": {
      const session = event.data.object;
      const tenant = await tenantOf(env, event, session.metadata);
      if (typeof tenant === "string") return ignored(tenant);
      const subscriptionId = typeof session.subscription === "string" ? session.subscription : session.subscription?.id;
      const conflict = await modeConflict(env, tenant, { ...namedBy(session.metadata), ...(subscriptionId ? { subscriptionId } : {}) });
      if (conflict) return refused(conflict, tenant.platformId);
      if (session.mode === "payment") return purchaseEffect(env, tenant, session, now);
      return subscriptionId ? subscriptionEffect(env, tenant, subscriptionId, now, undefined, event) : ignored("no subscription", tenant.platformId);
    }
    case "customer.subscription.created":
    case "customer.subscription.updated":
    case "customer.subscription.deleted": {
      const subscription = event.data.object;
      const tenant = await tenantOf(env, event, subscription.metadata);
      if (typeof tenant === "string") return ignored(tenant);
      // Before asking Stripe: in the event's mode, an object of the other mode is not even visible.
      const conflict = await modeConflict(env, tenant, { ...namedBy(subscription.metadata), subscriptionId: subscription.id });
      if (conflict) return refused(conflict, tenant.platformId);
      return subscriptionEffect(env, tenant, subscription.id, now, undefined, event);
    }
    case "invoice.paid":
    case "invoice.payment_failed": {
      const invoice = event.data.object;
      const subscriptionId = invoiceSubscriptionId(invoice);
      if (!subscriptionId) return ignored("invoice without a subscription");
      // The tenant comes from the subscription's metadata, so the subscription is fetched first — but
      // only on an account some platform has connected (Stripe refuses access to any other).
      if (event.account && (await platformsOfAccount(env.DB, event.account)).length === 0) return ignored(`no platform is connected to ${event.account}`);
      const subscription = await retrieveSubscription(env, subscriptionId, event.account ?? null, modeOfLivemode(event.livemode));
      const tenant = await tenantOf(env, event, subscription?.metadata);
      if (typeof tenant === "string") return ignored(tenant);
      return subscriptionEffect(env, tenant, subscriptionId, now, subscription, event);
    }
    case "account.application.deauthorized": {
      if (source !== "connect" || !event.account) return ignored("not a connected account");
      const platforms = await platformsOfAccount(env.DB, event.account);
      return {
        platformId: platforms[0] ?? null,
        statements: [deauthorizeAccountStatement(env.DB, { stripeUserId: event.account, now })],
        outcome: `account ${event.account} disconnected`,
        endUsers: [],
        accountsChanged: platforms,
      };
    }
    default:
      return ignored(`unhandled type ${event.type}`);
  }
}

function invoiceSubscriptionId(invoice: Stripe.Invoice): string | null {
  const parent = invoice.parent?.subscription_details?.subscription;
  if (parent) return typeof parent === "string" ? parent : parent.id;
  const legacy = (invoice as unknown as { subscription?: string | { id: string } | null }).subscription;
  return legacy ? (typeof legacy === "string" ? legacy : legacy.id) : null;
}

/** The subscription as Stripe has it now, with its latest invoice expanded (for the payment error); null when Stripe has none. */
async function retrieveSubscription(env: Env, subscriptionId: string, account: string | null, mode: KeyMode): Promise<Stripe.Subscription | null> {
  try {
    return await platformStripe(env, mode).subscriptions.retrieve(subscriptionId, { expand: ["latest_invoice"] }, account ? { stripeAccount: account } : {});
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return null;
    throw error;
  }
}

const iso = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null);

function tierOfSubscription(tiers: Tier[], subscription: Stripe.Subscription): string | null {
  const priceId = subscription.items.data[0]?.price.id;
  return tiers.find((tier) => tier.priceId !== null && tier.priceId === priceId)?.name ?? subscription.metadata["tier"] ?? null;
}

/**
 * The subscription's payment error as Stripe has it now: its latest invoice
 * is still open after a charge attempt (the attempt failed; a later success
 * pays the invoice or a renewal replaces it, which clears the error).
 * undefined — keep what is stored — when the invoice was not expanded.
 */
function paymentErrorOf(subscription: Stripe.Subscription): string | null | undefined {
  const invoice = subscription.latest_invoice;
  if (invoice === null) return null;
  if (typeof invoice === "string") return undefined;
  if (invoice.status !== "open" || !invoice.attempted || invoice.attempt_count < 1) return null;
  const attempts = `${invoice.attempt_count} attempt${invoice.attempt_count === 1 ? "" : "s"}`;
  const retry = invoice.next_payment_attempt ? `; Stripe retries on ${new Date(invoice.next_payment_attempt * 1000).toISOString()}` : "";
  return `Payment failed for invoice ${invoice.id} (${attempts}${retry})`;
}

async function subscriptionEffect(env: Env, tenant: EventTenant, subscriptionId: string, now: string, fetched: Stripe.Subscription | null | undefined, event: Stripe.Event): Promise<Effect> {
  const subscription = fetched === undefined ? await retrieveSubscription(env, subscriptionId, tenant.account, tenant.mode) : fetched;
  if (!subscription) return ignored(`subscription ${subscriptionId} not found`, tenant.platformId);
  const { platformId } = tenant;
  if (subscription.metadata["platformId"] !== platformId) return ignored("subscription belongs to another platform", platformId);
  // Stripe's word, not the delivery's: on the platform account only our end-user checkouts count.
  const purpose = purposeOf(subscription.metadata);
  if (purpose === "developer_plan" || (tenant.account === null && purpose !== "end_user")) return ignored("not an end-user subscription", platformId);
  const userId = subscription.metadata["userId"];
  if (!userId) return ignored("subscription without a userId", platformId);
  const tiers = await listTiers(env.DB, tenant);
  const otherTiers = await listTiers(env.DB, { platformId, mode: otherMode(tenant.mode) });
  const plan = tierOfSubscription(tiers, subscription) ?? tierOfSubscription(otherTiers, subscription);
  const conflict = await modeConflict(env, tenant, {
    metadataMode: subscription.metadata["mode"],
    subscriptionId: subscription.id,
    userId,
    ...(plan ? { tier: plan } : {}),
    tiers: { own: tiers, other: otherTiers },
  });
  if (conflict) return refused(conflict, platformId);
  if (!plan) return ignored("subscription price matches no tier", platformId);
  const before = await getEndUserClerkPlan(env.DB, tenant, userId);
  if (!before) return ignored(`unknown end-user ${userId}`, platformId);
  const item = subscription.items.data[0];
  const customerId = typeof subscription.customer === "string" ? subscription.customer : subscription.customer.id;
  const freePlan = lowestTier(tiers)?.name ?? plan;
  const paymentError = paymentErrorOf(subscription);
  return {
    platformId,
    statements: [
      upsertSubscriptionStatement(
        env.DB,
        {
          subscriptionId: subscription.id,
          platformId,
          mode: tenant.mode,
          userId,
          customerId,
          stripeAccount: tenant.account,
          plan,
          priceId: item?.price.id ?? null,
          status: subscription.status,
          // The period is the item's (API 2025-03-31 and later; the subscription carries none).
          currentPeriodStart: iso(item?.current_period_start),
          currentPeriodEnd: iso(item?.current_period_end),
          cancelAtPeriodEnd: subscription.cancel_at_period_end,
          canceledAt: iso(subscription.canceled_at),
          lastPaymentError: paymentError,
        },
        now,
      ),
      derivePlanStatement(env.DB, { platformId, mode: tenant.mode, userId, freePlan, customerId, stripeAccount: tenant.account, now }),
    ],
    outcome: `subscription ${subscription.id} ${subscription.status}${subscription.cancel_at_period_end ? " (cancels at period end)" : ""}${paymentError ? ", payment failed" : ""}`,
    endUsers: [{ platformId, mode: tenant.mode, userId }],
    accountsChanged: [],
    notify: (ctx) => notifySubscriptionChange(ctx, { event, subscription, userId, planBefore: before.plan }),
  };
}

/**
 * The outbound events of an applied subscription change: the plan it moved
 * (read back after the batch, as derivePlanStatement decided it), the
 * subscription's state, a failed payment. Ids derive from Stripe's event
 * id, so a redelivered Stripe event could not send them twice.
 */
async function notifySubscriptionChange(ctx: EventContext, change: { event: Stripe.Event; subscription: Stripe.Subscription; userId: string; planBefore: string }): Promise<void> {
  const { event, subscription, userId } = change;
  const options = (kind: string) => ({ userId, onceKey: [event.id, kind] });
  const after = await getEndUserClerkPlan(ctx.env.DB, ctx, userId);
  if (after && after.plan !== change.planBefore) {
    const cause =
      event.type === "checkout.session.completed" || event.type === "customer.subscription.created"
        ? "checkout"
        : event.type === "customer.subscription.deleted" || !["active", "trialing"].includes(subscription.status)
          ? "cancellation"
          : "portal";
    emitEvent(ctx, "customer.plan_changed", { userId, from: change.planBefore, to: after.plan, cause }, options("plan_changed"));
  }
  if (event.type.startsWith("customer.subscription.")) {
    emitEvent(
      ctx,
      "customer.subscription_updated",
      {
        userId,
        subscriptionId: subscription.id,
        status: subscription.status,
        cancelAtPeriodEnd: subscription.cancel_at_period_end,
        currentPeriodEnd: iso(subscription.items.data[0]?.current_period_end),
      },
      options("subscription_updated"),
    );
  }
  if (event.type === "invoice.payment_failed") {
    const invoice = event.data.object as Stripe.Invoice;
    emitEvent(
      ctx,
      "invoice.payment_failed",
      { userId, invoiceId: invoice.id ?? "", subscriptionId: subscription.id, amountDue: invoice.amount_due, currency: invoice.currency, attemptCount: invoice.attempt_count },
      options("payment_failed"),
    );
  }
}

async function purchaseEffect(env: Env, tenant: EventTenant, session: Stripe.Checkout.Session, now: string): Promise<Effect> {
  const { platformId, mode } = tenant;
  const userId = session.metadata?.["userId"];
  const tier = session.metadata?.["tier"];
  // Its mode, end-user and tier were checked against the event's mode already (effectOf, before any Stripe call).
  if (!userId || !tier) return ignored("purchase without userId/tier metadata", platformId);
  if (session.payment_status !== "paid") return ignored(`payment ${session.payment_status}`, platformId);
  const customerId = typeof session.customer === "string" ? session.customer : (session.customer?.id ?? null);
  const paymentIntent = typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  return {
    platformId,
    statements: [
      insertPurchaseStatement(env.DB, {
        checkoutSessionId: session.id,
        platformId,
        mode,
        userId,
        tier,
        amount: session.amount_total ?? 0,
        currency: session.currency ?? "usd",
        paymentIntentId: paymentIntent,
        stripeAccount: tenant.account,
        now,
      }),
      decrementTierInventoryStatement(env.DB, { platformId, mode, name: tier, now }),
      recordStripeCustomerStatement(env.DB, { platformId, mode, userId, customerId, stripeAccount: tenant.account, now }),
      // A credit pack: its credits, once (the grant's reference is the session), to the end-user in the checkout's mode.
      purchaseCreditGrantStatement(env.DB, { platformId, mode }, { userId, tier, checkoutSessionId: session.id, now }),
    ],
    outcome: `purchase of ${tier} by ${userId}`,
    endUsers: [],
    accountsChanged: [],
    notify: async (ctx) => {
      const granted = await purchaseCreditGrant(env.DB, { platformId, mode }, session.id);
      if (!granted) return;
      const { userId: _owner, ...grant } = granted;
      const balance = (await creditBalance(env.DB, { platformId, mode }, userId, ctx.now.toISOString())) ?? grant.remaining;
      noteCreditsGranted(ctx, userId, grant, balance);
    },
  };
}
