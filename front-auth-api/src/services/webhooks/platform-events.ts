import { modeOfLivemode, purposeOf } from "@dream-api/shared";
import { refreshApiKeyCache } from "@dream-api/shared/caches";
import {
  getPlatform,
  getPlatformByDeveloper,
  insertEventStatement,
  isDuplicateEventError,
  recordedEvent,
  setEventOutcomeStatement,
  updateDeveloperSubscriptionStatement,
  type PlatformRecord,
} from "@dream-api/shared/db";
import { checkEventObject, stripeEventObjects, verifyStripeWebhook } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import { platformPriceId, platformStripe } from "../billing/platform-stripe";
import { syncDeveloperPlanToClerk } from "./clerk-sync";
import { developerStateFromSubscription, isPaidStatus } from "./subscription-state";

export interface WebhookResult {
  received: true;
  duplicate: boolean;
  outcome: string;
}

/**
 * The platform's Stripe webhook ($15/month subscriptions of developers).
 * The signature is verified first (nothing is stored for a bad one). Only
 * a subscription that front-auth-api's own checkout made for a developer
 * moves that developer's plan: its metadata says `developer_plan` and names
 * the developer and platform, and the subscription as Stripe has it now is
 * on the platform price (subscriptionTarget). Everything else on the
 * platform account — end-users' preview checkouts above all — is recorded
 * and ignored.
 *
 * Each event id is recorded once, together with its effect, in one
 * DB.batch. The effect is computed from Stripe's *current* view of the
 * subscription (it is re-fetched), so duplicates, stale and out-of-order
 * deliveries all end in the state Stripe has. A state that does not pay
 * applies only to the developer's current subscription; that guard is part
 * of the UPDATE's WHERE clause, so it also holds when a late event of an old
 * subscription races with the new one's checkout. After the batch, Clerk's
 * copy of the plan is brought in line with D1 (also for duplicates); any
 * failure answers 500 and Stripe's retry completes the work.
 */
/** What a webhook delivery's handler needs: no developer (the event names one), the bindings and the clock. */
export interface WebhookContext {
  env: Env;
  now: Date;
}

export async function handlePlatformWebhook({ ctx, input }: { ctx: WebhookContext; input: { rawBody: string; signature: string | undefined } }): Promise<WebhookResult> {
  const { env, now } = ctx;
  const event = await verifiedEvent(env, input.rawBody, input.signature);
  const recorded = await recordedEvent(env.DB, "platform", event.id);
  if (recorded) return duplicateOf(env, recorded.platformId);

  const target = await subscriptionTarget(env, event);
  let outcome = typeof target === "string" ? target : "";
  let platform: PlatformRecord | null = null;
  let statements: D1PreparedStatement[] = [];
  let subscriptionId: string | null = null;
  if (typeof target !== "string") {
    platform = target.platform;
    const current = platform.stripeSubscriptionId;
    const state = developerStateFromSubscription(target.subscription);
    subscriptionId = state.stripeSubscriptionId;
    if (current && current !== subscriptionId && !isPaidStatus(target.subscription.status)) {
      outcome = notCurrent(subscriptionId);
    } else {
      // The update re-checks "current subscription" in its WHERE clause (the read above may be stale by now).
      statements = [updateDeveloperSubscriptionStatement(env.DB, platform.platformId, state, now.toISOString())];
      outcome = `plan ${state.plan} (subscription ${state.subscriptionStatus}${state.cancelAtPeriodEnd ? ", cancels at period end" : ""})`;
    }
  }
  let results: D1Result[];
  try {
    results = await env.DB.batch([
      insertEventStatement(env.DB, {
        eventId: event.id,
        source: "platform",
        type: event.type,
        account: event.account ?? null,
        platformId: platform?.platformId ?? null,
        mode: modeOfLivemode(event.livemode),
        payload: input.rawBody,
        now: now.toISOString(),
        outcome,
      }),
      ...statements,
    ]);
  } catch (error) {
    if (isDuplicateEventError(error)) return duplicateOf(env, platform?.platformId ?? null);
    throw error;
  }
  if (!platform) return { received: true, duplicate: false, outcome };
  if (statements.length > 0 && (results[1]?.meta.changes ?? 0) === 0) {
    // A concurrent delivery made another subscription current meanwhile: this state was not written.
    outcome = notCurrent(subscriptionId);
    await setEventOutcomeStatement(env.DB, "platform", event.id, outcome).run();
  }
  const after = await getPlatform(env.DB, platform.platformId);
  await followPlan(env, platform.platformId, { keysChanged: after?.plan !== platform.plan });
  return { received: true, duplicate: false, outcome };
}

/**
 * A delivery already recorded: nothing is applied again, but what mirrors the
 * plan is synced again — the first delivery may have failed after its batch
 * (Clerk or KV down), and this is Stripe's retry of it.
 */
async function duplicateOf(env: Env, platformId: string | null): Promise<WebhookResult> {
  if (platformId) await followPlan(env, platformId, { keysChanged: true });
  return { received: true, duplicate: true, outcome: "duplicate" };
}

/**
 * What mirrors the developer's plan outside D1, both idempotent: api-multi's
 * key cache (preview mode follows the plan; rewritten only when the plan may
 * have changed, as KV takes one write per key per second) and Clerk.
 */
async function followPlan(env: Env, platformId: string, options: { keysChanged: boolean }): Promise<void> {
  if (options.keysChanged) await refreshApiKeyCache(env.DB, env.KEY_CACHE, platformId);
  await syncDeveloperPlanToClerk(env, platformId);
}

function notCurrent(subscriptionId: string | null): string {
  return `ignored: ${subscriptionId} is not the developer's current subscription`;
}

/**
 * The verified event (400 `invalid_signature` for a bad signature, 400
 * `invalid_json` / `invalid_request` for a signed body that is not an
 * event), with the object of a handled type checked against what
 * subscriptionTarget reads: nothing is read or written for a malformed one.
 * Other types are recorded and ignored, whatever their data.
 */
async function verifiedEvent(env: Env, rawBody: string, signature: string | undefined): Promise<Stripe.Event> {
  const { event } = await verifyStripeWebhook({
    stripe: platformStripe(env),
    rawBody,
    signature,
    endpoints: [["platform", config(env).STRIPE_WEBHOOK_SECRET]],
  });
  if (event.type === "checkout.session.completed") checkEventObject(event, stripeEventObjects.checkoutSession);
  else if (event.type.startsWith("customer.subscription.")) checkEventObject(event, stripeEventObjects.subscription);
  return event;
}

/**
 * The developer and the subscription (as Stripe has it now) that an event
 * is about, or why the event moves no developer's plan. The event's
 * metadata must mark a developer-plan checkout of a known developer and
 * platform; the re-fetched subscription must carry the same marks (Stripe's
 * word, not the delivery's) and be on the platform price. The session's
 * `client_reference_id` is not trusted: any checkout on the platform
 * account may set it.
 */
async function subscriptionTarget(env: Env, event: Stripe.Event): Promise<{ platform: PlatformRecord; subscription: Stripe.Subscription } | string> {
  let metadata: Record<string, string> | null | undefined;
  let subscriptionId: string | null = null;
  if (event.type === "checkout.session.completed") {
    const session = event.data.object;
    if (session.mode !== "subscription") return "ignored: not a subscription checkout";
    metadata = session.metadata;
    subscriptionId = typeof session.subscription === "string" ? session.subscription : (session.subscription?.id ?? null);
  } else if (event.type.startsWith("customer.subscription.")) {
    const subscription = event.data.object as Stripe.Subscription;
    metadata = subscription.metadata;
    subscriptionId = subscription.id;
  } else {
    return "ignored";
  }
  if (purposeOf(metadata) !== "developer_plan") return "ignored: not a developer-plan checkout";
  const developerId = metadata?.["developerId"];
  if (!developerId || !subscriptionId) return "ignored: no developer or subscription";
  const platform = await getPlatformByDeveloper(env.DB, developerId);
  if (!platform || platform.platformId !== metadata?.["platformId"]) return "ignored: unknown developer";
  const subscription = await platformStripe(env).subscriptions.retrieve(subscriptionId);
  const marks = subscription.metadata;
  if (purposeOf(marks) !== "developer_plan" || marks["developerId"] !== developerId || marks["platformId"] !== platform.platformId) {
    return "ignored: the subscription is not this developer's plan";
  }
  const price = await platformPriceId(env);
  if (!subscription.items.data.some((item) => item.price.id === price)) return "ignored: the subscription is not on the platform price";
  return { platform, subscription };
}
