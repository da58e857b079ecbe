/**
 * Runs the local Stripe and Clerk stand-ins over HTTP for `pnpm dev` (and
 * the stack test). Configuration comes from the environment; state is kept
 * in JSON files so a second run continues where the first stopped.
 *
 *   CLERK_EMULATOR_PORT (12112)   STRIPE_EMULATOR_PORT (12111)
 *   EMULATOR_STATE_DIR (.dev-state/emulators)
 *   STRIPE_SECRET_KEYS            the only API keys the Stripe stand-in accepts, comma-separated (required)
 *   STRIPE_PLATFORM_WEBHOOK_URL / STRIPE_PLATFORM_WEBHOOK_SECRET  → front-auth-api
 *   STRIPE_CONNECT_WEBHOOK_URL  / STRIPE_CONNECT_WEBHOOK_SECRET_TEST, _LIVE → api-multi (connected accounts, one endpoint per mode)
 *   STRIPE_PREVIEW_WEBHOOK_URL  / STRIPE_PREVIEW_WEBHOOK_SECRET   → api-multi (platform account, test mode: preview checkouts)
 *   EMULATORS=clerk,stripe (which to run)
 */
import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { createClerkEmulator } from "./clerk/index.js";
import { listen, type RunningServer } from "./http-server.js";
import { createStripeEmulator, type WebhookEndpointConfig } from "./stripe/index.js";

const env = process.env;
const which = new Set((env["EMULATORS"] ?? "clerk,stripe").split(",").map((name) => name.trim()));
const stateDir = resolve(env["EMULATOR_STATE_DIR"] ?? ".dev-state/emulators");
mkdirSync(stateDir, { recursive: true });

const servers: RunningServer[] = [];
const closers: (() => void)[] = [];

if (which.has("clerk")) {
  const port = Number(env["CLERK_EMULATOR_PORT"] ?? 12112);
  const publicUrl = `http://127.0.0.1:${port}`;
  const clerk = await createClerkEmulator({ publicUrl, stateFile: join(stateDir, "clerk.json") });
  servers.push(await listen(clerk.app.fetch, { port }));
  console.log(`clerk stand-in  ${publicUrl}`);
}

if (which.has("stripe")) {
  const port = Number(env["STRIPE_EMULATOR_PORT"] ?? 12111);
  const publicUrl = `http://127.0.0.1:${port}`;
  const webhookEndpoints: WebhookEndpointConfig[] = [];
  const endpoint = (url: string | undefined, secret: string | undefined, connect: boolean, livemode?: boolean) => {
    if (url && secret) webhookEndpoints.push({ url, secret, connect, ...(livemode === undefined ? {} : { livemode }) });
  };
  endpoint(env["STRIPE_PLATFORM_WEBHOOK_URL"], env["STRIPE_PLATFORM_WEBHOOK_SECRET"], false);
  endpoint(env["STRIPE_CONNECT_WEBHOOK_URL"], env["STRIPE_CONNECT_WEBHOOK_SECRET_TEST"], true, false);
  endpoint(env["STRIPE_CONNECT_WEBHOOK_URL"], env["STRIPE_CONNECT_WEBHOOK_SECRET_LIVE"], true, true);
  endpoint(env["STRIPE_PREVIEW_WEBHOOK_URL"], env["STRIPE_PREVIEW_WEBHOOK_SECRET"], false, false);
  const secretKeys = (env["STRIPE_SECRET_KEYS"] ?? "")
    .split(",")
    .map((key) => key.trim())
    .filter(Boolean);
  if (secretKeys.length === 0) {
    console.error("STRIPE_SECRET_KEYS is not set: list the Stripe keys the workers use (pnpm dev takes them from the workers' .dev.vars).");
    process.exit(1);
  }
  const stripe = createStripeEmulator({ publicUrl, secretKeys, webhookEndpoints, stateFile: join(stateDir, "stripe.json") });
  closers.push(() => stripe.close());
  servers.push(await listen(stripe.app.fetch, { port }));
  console.log(`stripe stand-in ${publicUrl} (${webhookEndpoints.length} webhook endpoints)`);
}

async function shutdown(): Promise<void> {
  for (const close of closers) close();
  await Promise.all(servers.map((server) => server.close()));
  process.exit(0);
}
process.once("SIGINT", () => void shutdown());
process.once("SIGTERM", () => void shutdown());
