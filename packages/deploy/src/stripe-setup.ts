/**
 * The platform's Stripe account, set up through Stripe's API in both modes:
 * the webhook endpoints each worker listens on (their signing secrets become
 * worker secrets), the billing-portal configuration developers manage their
 * $15 plan in, and the `dream_api_platform_monthly` price.
 *
 * Idempotent: what a previous run made is found again (endpoints by their
 * `dream_api_endpoint` metadata, the price by its lookup key, the portal
 * configuration by its metadata) and only what is missing or different is
 * created or updated. A signing secret is shown by Stripe only when its
 * endpoint is created, so an endpoint whose secret the worker does not have
 * (a run that stopped between the two) is replaced: deleted and created
 * again, its new secret going to the worker.
 */
import { ensurePortalConfiguration, PORTAL_PURPOSE_METADATA_KEY } from "@dream-api/shared";
import { ensurePlatformPrice, STRIPE_WEBHOOK_EVENTS } from "@dream-api/shared/stripe-provisioning";
import type Stripe from "stripe";
import type { Done } from "./cloudflare";
import type { Worker } from "./production-config";
import type { DeploySettings } from "./settings";

export type StripeMode = "test" | "live";

export interface WebhookEndpointSpec {
  /** Stored as the endpoint's `dream_api_endpoint` metadata: how a later run finds it. */
  key: string;
  mode: StripeMode;
  /** Events of connected accounts (Connect) rather than of the platform account. */
  connect: boolean;
  url: string;
  events: readonly string[];
  /** The worker secret that holds the endpoint's signing secret. */
  worker: Worker;
  secretName: string;
}

/** The mode developers' $15 plan is charged in: live in production; test for a staging deployment (`pnpm smoke` pays with a test card). */
export function platformBillingMode(settings: DeploySettings): StripeMode {
  return settings.PLATFORM_BILLING_MODE === "test" ? "test" : "live";
}

export function webhookEndpointSpecs(settings: DeploySettings): WebhookEndpointSpec[] {
  const apiMulti = `${settings.API_MULTI_URL}/webhook/stripe`;
  return [
    {
      key: "developer-plan",
      mode: platformBillingMode(settings),
      connect: false,
      url: `${settings.FRONT_AUTH_API_URL}/webhook/stripe`,
      events: STRIPE_WEBHOOK_EVENTS.developerPlan,
      worker: "front-auth-api",
      secretName: "STRIPE_WEBHOOK_SECRET",
    },
    { key: "preview-checkouts", mode: "test", connect: false, url: apiMulti, events: STRIPE_WEBHOOK_EVENTS.previewCheckouts, worker: "api-multi", secretName: "STRIPE_PREVIEW_WEBHOOK_SECRET" },
    { key: "connect-test", mode: "test", connect: true, url: apiMulti, events: STRIPE_WEBHOOK_EVENTS.connect, worker: "api-multi", secretName: "STRIPE_CONNECT_WEBHOOK_SECRET_TEST" },
    { key: "connect-live", mode: "live", connect: true, url: apiMulti, events: STRIPE_WEBHOOK_EVENTS.connect, worker: "api-multi", secretName: "STRIPE_CONNECT_WEBHOOK_SECRET_LIVE" },
  ];
}

export interface StripeSetupInput {
  /** The platform's clients, one per mode. */
  stripe: Record<StripeMode, Stripe>;
  settings: DeploySettings;
  /** Names of the secrets each worker already has. */
  existingSecrets: Record<Worker, ReadonlySet<string>>;
}

export interface StripeSetup {
  done: Done[];
  /** Signing secrets of endpoints created by this run, per worker: they ship with the worker's deploy. */
  secrets: Record<Worker, Record<string, string>>;
}

const sameEvents = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join() === [...b].sort().join();

async function endpointsOf(stripe: Stripe): Promise<Stripe.WebhookEndpoint[]> {
  const endpoints: Stripe.WebhookEndpoint[] = [];
  for await (const endpoint of stripe.webhookEndpoints.list({ limit: 100 })) endpoints.push(endpoint);
  return endpoints;
}

/** Ids of the developers' portal configurations dream-api made on the platform account (what ensurePortalConfiguration finds). */
async function platformPortalConfigurations(stripe: Stripe): Promise<string[]> {
  const ids: string[] = [];
  for await (const configuration of stripe.billingPortal.configurations.list({ limit: 100 })) {
    if (configuration.metadata?.[PORTAL_PURPOSE_METADATA_KEY] === "platform") ids.push(configuration.id);
  }
  return ids;
}

export async function setUpStripe(input: StripeSetupInput): Promise<StripeSetup> {
  const done: Done[] = [];
  const secrets: StripeSetup["secrets"] = { "front-auth-api": {}, "api-multi": {}, "oauth-api": {} };
  const existing: Record<StripeMode, Stripe.WebhookEndpoint[]> = { test: await endpointsOf(input.stripe.test), live: await endpointsOf(input.stripe.live) };

  for (const spec of webhookEndpointSpecs(input.settings)) {
    const stripe = input.stripe[spec.mode];
    const label = `Stripe ${spec.mode} webhook endpoint ${spec.key} → ${spec.url}`;
    const found = existing[spec.mode].find((endpoint) => endpoint.metadata?.["dream_api_endpoint"] === spec.key);
    if (found && input.existingSecrets[spec.worker].has(spec.secretName)) {
      if (found.url === spec.url && sameEvents(found.enabled_events, spec.events) && found.status === "enabled") {
        done.push({ action: "kept", what: label });
      } else {
        await stripe.webhookEndpoints.update(found.id, { url: spec.url, enabled_events: [...spec.events] as Stripe.WebhookEndpointUpdateParams.EnabledEvent[], disabled: false });
        done.push({ action: "updated", what: `${label} (address, events or status changed)` });
      }
      continue;
    }
    if (found) await stripe.webhookEndpoints.del(found.id);
    const created = await stripe.webhookEndpoints.create({
      url: spec.url,
      enabled_events: [...spec.events] as Stripe.WebhookEndpointCreateParams.EnabledEvent[],
      ...(spec.connect ? { connect: true } : {}),
      description: `dream-api ${spec.worker}: ${spec.key}`,
      metadata: { dream_api_endpoint: spec.key },
    });
    if (!created.secret) throw new Error(`Stripe returned no signing secret for the new endpoint ${spec.key}.`);
    secrets[spec.worker][spec.secretName] = created.secret;
    done.push({ action: found ? "replaced" : "created", what: `${label}${found ? " (its worker lacked the signing secret)" : ""}; secret → ${spec.worker} ${spec.secretName}` });
  }

  for (const mode of ["test", "live"] as const) {
    const price = await ensurePlatformPrice(input.stripe[mode]);
    done.push({ action: price.created ? "created" : "found", what: `Stripe ${mode} price dream_api_platform_monthly (${price.id})` });
    const before = await platformPortalConfigurations(input.stripe[mode]);
    const portal = await ensurePortalConfiguration(input.stripe[mode], { purpose: "platform" }, { fresh: true });
    done.push({ action: before.includes(portal) ? "found" : "created", what: `Stripe ${mode} billing-portal configuration for developers' plans (${portal})` });
  }
  done.push(...manualStripeSteps(input.settings));
  return { done, secrets };
}

/** What Stripe's API cannot set: Connect's OAuth settings live in the dashboard only. */
export function manualStripeSteps(settings: DeploySettings): Done[] {
  return [
    {
      action: "manual",
      what: `Stripe → Settings → Connect → Onboarding options → OAuth (test and live): enable OAuth for Standard accounts and add the redirect URI ${settings.OAUTH_API_URL}/connect/callback.`,
    },
  ];
}
