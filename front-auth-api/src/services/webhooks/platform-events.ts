import { clerkClient, clerkErrorInfo } from "@dream-api/shared";
import {
  eventRecorded,
  getPlatformByDeveloper,
  insertEventStatement,
  isDuplicateEventError,
  updateDeveloperSubscriptionStatement,
  type DeveloperSubscriptionState,
  type PlatformRecord,
} from "@dream-api/shared/db";
import { checkEventObject, stripeEventObjects, verifyStripeWebhook } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import { platformStripe } from "../billing/platform-stripe";
import { refreshKeyCache } from "../key-cache";
import { developerStateFromSubscription, isPaidStatus } from "./subscription-state";

export interface WebhookResult {
  received: true;
  duplicate: boolean;
  outcome: string;
}

/**
 * The platform's Stripe webhook ($15/month subscriptions of developers).
 * The signature is verified first (nothing is stored for a bad one). Each
 * event id is recorded once, together with its effect, in one DB.batch. The
 * effect is computed from Stripe's *current* view of the subscription (it is
 * re-fetched), so duplicates, stale and out-of-order deliveries all end in
 * the state Stripe has. A state that does not pay applies only to the
 * developer's current subscription; that guard is part of the UPDATE's
 * WHERE clause, so it also holds when a late event of an old subscription
 * races with the new one's checkout. Any failure throws, the endpoint
 * answers 500 and Stripe's retry redoes the whole event.
 */
export async function handlePlatformWebhook(input: { env: Env; rawBody: string; signature: string | undefined; now: Date }): Promise<WebhookResult> {
  const { env, now } = input;
  const event = await verifiedEvent(env, input.rawBody, input.signature);
  if (await eventRecorded(env.DB, "platform", event.id)) return { received: true, duplicate: true, outcome: "duplicate" };

  const target = await subscriptionTarget(env, event);
  let outcome = target ? "" : "ignored";
  let platform: PlatformRecord | null = null;
  let statements: D1PreparedStatement[] = [];
  let state: DeveloperSubscriptionState | null = null;
  if (target) {
    platform = target.platform;
    const current = platform.stripeSubscriptionId;
    const candidate = developerStateFromSubscription(target.subscription);
    if (current && current !== candidate.stripeSubscriptionId && !isPaidStatus(target.subscription.status)) {
      outcome = notCurrent(candidate.stripeSubscriptionId);
    } else {
      // Clerk first: a Clerk failure answers 500 before anything is recorded, and Stripe's retry redoes it.
      state = candidate;
      await setClerkPlan(env, platform.developerId, state.plan);
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
        payload: input.rawBody,
        now: now.toISOString(),
        outcome,
      }),
      ...statements,
    ]);
  } catch (error) {
    if (isDuplicateEventError(error)) return { received: true, duplicate: true, outcome: "duplicate" };
    throw error;
  }
  if (platform && state) {
    if ((results[1]?.meta.changes ?? 0) === 0) {
      // A concurrent delivery made another subscription current meanwhile: this one's state was not
      // written. Record that, and put Clerk back in line with D1 (it was set to this state's plan above).
      outcome = notCurrent(state.stripeSubscriptionId);
      await env.DB.prepare("UPDATE events SET outcome = ?3 WHERE source = ?1 AND event_id = ?2").bind("platform", event.id, outcome).run();
      const stored = await getPlatformByDeveloper(env.DB, platform.developerId);
      if (stored) await setClerkPlan(env, platform.developerId, stored.plan);
    } else if (state.plan !== platform.plan) {
      await refreshKeyCache(env, platform.platformId);
    }
  }
  return { received: true, duplicate: false, outcome };
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

/** The developer and the subscription (as Stripe has it now) that an event is about, if any. */
async function subscriptionTarget(env: Env, event: Stripe.Event): Promise<{ platform: PlatformRecord; subscription: Stripe.Subscription } | null> {
  let developerId: string | null = null;
  let subscriptionId: string | null = null;
  if (event.type === "checkout.session.completed") {
    const session = event.data.object;
    if (session.mode !== "subscription") return null;
    developerId = session.client_reference_id ?? session.metadata?.["developerId"] ?? null;
    subscriptionId = typeof session.subscription === "string" ? session.subscription : (session.subscription?.id ?? null);
  } else if (event.type.startsWith("customer.subscription.")) {
    const subscription = event.data.object as Stripe.Subscription;
    developerId = subscription.metadata["developerId"] ?? null;
    subscriptionId = subscription.id;
  }
  if (!developerId || !subscriptionId) return null;
  const platform = await getPlatformByDeveloper(env.DB, developerId);
  if (!platform) return null;
  return { platform, subscription: await platformStripe(env).subscriptions.retrieve(subscriptionId) };
}

/** The developer's Clerk publicMetadata.plan follows D1; a deleted Clerk user is skipped. */
async function setClerkPlan(env: Env, developerId: string, plan: string): Promise<void> {
  const settings = config(env);
  try {
    await clerkClient({ secretKey: settings.CLERK_SECRET_KEY, apiUrl: settings.CLERK_API_URL }).users.updateUserMetadata(developerId, {
      publicMetadata: { plan },
    });
  } catch (error) {
    if (clerkErrorInfo(error).status === 404) return;
    throw error;
  }
}
