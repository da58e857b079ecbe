import { ApiError, clerkClient, clerkErrorInfo } from "@dream-api/shared";
import {
  eventRecorded,
  getPlatformByDeveloper,
  insertEventStatement,
  isDuplicateEventError,
  updateDeveloperSubscriptionStatement,
  type PlatformRecord,
} from "@dream-api/shared/db";
import { stripeWebhookCrypto } from "@dream-api/shared/stripe";
import type Stripe from "stripe";
import { config } from "../../config";
import { platformStripe } from "../billing/platform-stripe";
import { refreshKeyCache } from "../key-cache";
import { developerStateFromSubscription, isPaidStatus } from "./subscription-state";

const SIGNATURE_TOLERANCE_SECONDS = 300;

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
 * the state Stripe has. Any failure throws, the endpoint answers 500 and
 * Stripe's retry redoes the whole event.
 */
export async function handlePlatformWebhook(input: { env: Env; rawBody: string; signature: string | undefined; now: Date }): Promise<WebhookResult> {
  const { env, now } = input;
  const event = await verifiedEvent(env, input.rawBody, input.signature);
  if (await eventRecorded(env.DB, "platform", event.id)) return { received: true, duplicate: true, outcome: "duplicate" };

  const target = await subscriptionTarget(env, event);
  let outcome = target ? "" : "ignored";
  let platform: PlatformRecord | null = null;
  let statements: D1PreparedStatement[] = [];
  let planChanged = false;
  if (target) {
    platform = target.platform;
    const current = platform.stripeSubscriptionId;
    const state = developerStateFromSubscription(target.subscription);
    if (current && current !== state.stripeSubscriptionId && !isPaidStatus(target.subscription.status)) {
      outcome = `ignored: ${state.stripeSubscriptionId} is not the developer's current subscription`;
    } else {
      planChanged = state.plan !== platform.plan;
      await setClerkPlan(env, platform.developerId, state.plan);
      statements = [updateDeveloperSubscriptionStatement(env.DB, platform.platformId, state, now.toISOString())];
      outcome = `plan ${state.plan} (subscription ${state.subscriptionStatus}${state.cancelAtPeriodEnd ? ", cancels at period end" : ""})`;
    }
  }
  try {
    await env.DB.batch([
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
  if (planChanged && platform) await refreshKeyCache(env, platform.platformId);
  return { received: true, duplicate: false, outcome };
}

async function verifiedEvent(env: Env, rawBody: string, signature: string | undefined): Promise<Stripe.Event> {
  if (!signature) throw new ApiError("invalid_signature", "Missing Stripe-Signature header.");
  try {
    return await platformStripe(env).webhooks.constructEventAsync(
      rawBody,
      signature,
      config(env).STRIPE_WEBHOOK_SECRET,
      SIGNATURE_TOLERANCE_SECONDS,
      stripeWebhookCrypto,
    );
  } catch {
    throw new ApiError("invalid_signature", "The Stripe signature does not match the payload, or its timestamp is too old.");
  }
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
