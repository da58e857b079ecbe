/**
 * The local cloud for the workers' vitest global setups: the Clerk and
 * Stripe stand-ins and a webhook inbox, each a real HTTP server on a free
 * loopback port. The Stripe stand-in delivers platform-account events to
 * `{inbox}/platform` (front-auth-api's endpoint) and `{inbox}/preview`
 * (api-multi's), Connect events to `{inbox}/connect` (a test-mode and a
 * live-mode endpoint, each with its own secret), and holds the
 * platform's $15/month price under the lookup key `dream_api_platform_monthly`.
 * Fault proxies sit in front of both stand-ins (fault-proxy.ts).
 */
import { freePort, listen, type RunningServer } from "@dream-api/emulators";
import { createClerkEmulator } from "@dream-api/emulators/clerk";
import { createStripeEmulator } from "@dream-api/emulators/stripe";
import Stripe from "stripe";
import { ensurePlatformPrice } from "@dream-api/shared/stripe-provisioning";
import { createFaultProxy, type TargetFlavor } from "./fault-proxy.js";
import { createWebhookInbox } from "./webhook-inbox.js";

export const LOCAL_STRIPE_SECRET_KEY = "sk_test_local_platform_00000000000000000000";
/** The platform's live-mode key on the stand-in: live data (live keys' checkouts, live tiers) is served with it. */
export const LOCAL_STRIPE_LIVE_SECRET_KEY = "sk_live_local_platform_00000000000000000000";
export const PLATFORM_WEBHOOK_SECRET = "whsec_local_platform_00000000000000000000";
export const CONNECT_WEBHOOK_SECRET = "whsec_local_connect_000000000000000000000";
export const CONNECT_LIVE_WEBHOOK_SECRET = "whsec_local_connect_live_0000000000000000";
export const PREVIEW_WEBHOOK_SECRET = "whsec_local_preview_000000000000000000000";

export interface LocalCloud {
  clerkApiUrl: string;
  dreamApiClerkSecret: string;
  dreamApiJwtKey: string;
  endUserClerkSecret: string;
  endUserJwtKey: string;
  stripeApiBase: string;
  /** The same Stripe stand-in behind the fault proxy (see fault-proxy.ts). */
  stripeFaultyApiBase: string;
  /** The same Clerk stand-in behind its own fault proxy (Clerk-shaped errors). */
  clerkFaultyApiUrl: string;
  /** The platform's test-mode key (also front-auth-api's billing key locally). */
  stripeSecretKey: string;
  stripeLiveSecretKey: string;
  platformWebhookSecret: string;
  /** The test-mode Connect endpoint's secret. */
  connectWebhookSecret: string;
  connectLiveWebhookSecret: string;
  previewWebhookSecret: string;
  inboxUrl: string;
  close(): Promise<void>;
}

export interface LocalCloudOptions {
  /** The Stripe stand-in's clock (object timestamps, subscription periods); default the real one. Webhook signatures always use the wall clock. */
  now?: () => Date;
}

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const servers: RunningServer[] = [];
  const inbox = createWebhookInbox();
  const inboxServer = await listen(inbox.app.fetch);
  servers.push(inboxServer);

  const clerkPort = await freePort();
  const clerk = await createClerkEmulator({ publicUrl: `http://127.0.0.1:${clerkPort}` });
  servers.push(await listen(clerk.app.fetch, { port: clerkPort }));

  const stripePort = await freePort();
  const clock = options.now;
  const stripe = createStripeEmulator({
    publicUrl: `http://127.0.0.1:${stripePort}`,
    secretKeys: [LOCAL_STRIPE_SECRET_KEY, LOCAL_STRIPE_LIVE_SECRET_KEY],
    ...(clock ? { now: () => Math.floor(clock().getTime() / 1000) } : {}),
    webhookEndpoints: [
      { url: `${inboxServer.url}/platform`, secret: PLATFORM_WEBHOOK_SECRET, connect: false },
      { url: `${inboxServer.url}/connect`, secret: CONNECT_WEBHOOK_SECRET, connect: true, livemode: false },
      { url: `${inboxServer.url}/connect`, secret: CONNECT_LIVE_WEBHOOK_SECRET, connect: true, livemode: true },
      { url: `${inboxServer.url}/preview`, secret: PREVIEW_WEBHOOK_SECRET, connect: false, livemode: false },
    ],
  });
  const stripeServer = await listen(stripe.app.fetch, { port: stripePort });
  servers.push(stripeServer);
  await createPlatformPrice(stripeServer.url);
  /** A fault proxy in front of `target`; it can start private siblings (POST /_fault/proxies) that close with the cloud. */
  const startFaultProxy = async (target: string, flavor: TargetFlavor): Promise<RunningServer> => {
    const server = await listen(createFaultProxy(target, { flavor, spawn: async () => (await startFaultProxy(target, flavor)).url }).fetch);
    servers.push(server);
    return server;
  };
  const faultProxy = await startFaultProxy(stripeServer.url, "stripe");
  const clerkFaultProxy = await startFaultProxy(`http://127.0.0.1:${clerkPort}`, "clerk");

  return {
    clerkApiUrl: `http://127.0.0.1:${clerkPort}`,
    dreamApiClerkSecret: clerk.instance("dream-api").secretKey,
    dreamApiJwtKey: clerk.instance("dream-api").jwtKeyPem,
    endUserClerkSecret: clerk.instance("end-user-api").secretKey,
    endUserJwtKey: clerk.instance("end-user-api").jwtKeyPem,
    stripeApiBase: stripeServer.url,
    stripeFaultyApiBase: faultProxy.url,
    clerkFaultyApiUrl: clerkFaultProxy.url,
    stripeSecretKey: LOCAL_STRIPE_SECRET_KEY,
    stripeLiveSecretKey: LOCAL_STRIPE_LIVE_SECRET_KEY,
    platformWebhookSecret: PLATFORM_WEBHOOK_SECRET,
    connectWebhookSecret: CONNECT_WEBHOOK_SECRET,
    connectLiveWebhookSecret: CONNECT_LIVE_WEBHOOK_SECRET,
    previewWebhookSecret: PREVIEW_WEBHOOK_SECRET,
    inboxUrl: inboxServer.url,
    async close() {
      stripe.close();
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

/**
 * The platform's $15/month product and price, found by its lookup key (the
 * same ensure the deploy runs on the real Stripe). Sent with stripe-node's
 * Node HTTP client, not its fetch client: in the tests' global setup
 * Miniflare has made undici 7 Node's fetch dispatcher, and undici 7 refuses
 * the numeric Content-Length the fetch client sets on a POST ("invalid
 * content-length header").
 */
export async function createPlatformPrice(stripeApiBase: string, secretKey = LOCAL_STRIPE_SECRET_KEY): Promise<string> {
  const base = new URL(stripeApiBase);
  const stripe = new Stripe(secretKey, { host: base.hostname, port: Number(base.port), protocol: "http", maxNetworkRetries: 2 });
  return (await ensurePlatformPrice(stripe)).id;
}
