/**
 * The deploy, step by step, after deploy.env has passed validation:
 *
 * 1. Cloudflare resources: the D1 database, the KV namespaces and the queues, found or created.
 * 2. Each worker's production configuration with their ids (production-config.ts).
 * 3. `migrations/` applied to the remote D1 — before any worker that needs them runs.
 * 4. Stripe and Clerk set up through their APIs (stripe-setup.ts, clerk-setup.ts).
 * 5. The three workers deployed, each with its secrets in the same version.
 * 6. The dashboard built with the production addresses and deployed as static assets.
 * 7. The addresses and a checklist of what was done, and what a person must do.
 *
 * The dry run does what runs offline: the production configurations, the
 * secrets' names, the queues the deploy makes sure of, the bundles, the dashboard's build and bundle, and the provider setup twice
 * against fresh local stand-ins of Stripe and Clerk (which speak the same
 * APIs), the second time checking that it creates nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createClerkClient } from "@clerk/backend";
import { listen, type RunningServer } from "@dream-api/emulators";
import { createClerkEmulator } from "@dream-api/emulators/clerk";
import { createStripeEmulator } from "@dream-api/emulators/stripe";
import { stripeClient } from "@dream-api/shared/stripe";
import { setUpClerk } from "./clerk-setup";
import { applyMigrations, type Done, deployWorker, ensureQueues, ensureResources, secretNames, type Wrangler, withConfigFile } from "./cloudflare";
import { buildDashboard } from "./dashboard";
import {
  ADDRESS_SETTING,
  DASHBOARD_WORKER,
  dashboardWorkerConfig,
  dryRunResources,
  type ProductionResources,
  productionConfig,
  queueNames,
  readWranglerConfig,
  type Worker,
  WORKERS,
  type WranglerConfig,
} from "./production-config";
import { generatedSecrets, mergeSecrets, secretsFromSettings } from "./secrets";
import type { DeploySettings } from "./settings";
import { type StripeMode, setUpStripe } from "./stripe-setup";

export interface DeployContext {
  root: string;
  settings: DeploySettings;
  wrangler: Wrangler;
  log: (line: string) => void;
}

export type ProviderClients = {
  stripe: Record<StripeMode, ReturnType<typeof stripeClient>>;
  clerk: { developer: ReturnType<typeof createClerkClient>; endUser: ReturnType<typeof createClerkClient> };
};

function configsFor(context: DeployContext, resources: ProductionResources): Record<Worker, WranglerConfig> {
  const bases = WORKERS.map((worker) => readWranglerConfig(context.root, worker));
  return Object.fromEntries(
    WORKERS.map((worker, index) => [worker, productionConfig({ root: context.root, worker, base: bases[index] as WranglerConfig, settings: context.settings, resources })]),
  ) as Record<Worker, WranglerConfig>;
}

const kvBindings = (context: DeployContext): string[] => [
  ...new Set(WORKERS.flatMap((worker) => (readWranglerConfig(context.root, worker).kv_namespaces ?? []).map((namespace) => namespace.binding))),
];

/** Every queue a worker's wrangler.jsonc names, once (the config is the one place a queue is named). */
const queuesOf = (context: DeployContext): string[] => [...new Set(WORKERS.flatMap((worker) => queueNames(readWranglerConfig(context.root, worker))))];

/** The provider setup: Stripe, then Clerk. `existingSecrets` are the names each worker already has. */
export async function setUpProviders(clients: ProviderClients, settings: DeploySettings, existingSecrets: Record<Worker, ReadonlySet<string>>) {
  const stripe = await setUpStripe({ stripe: clients.stripe, settings, existingSecrets });
  const clerk = await setUpClerk({ ...clients.clerk, settings });
  return { done: [...stripe.done, ...clerk], webhookSecrets: stripe.secrets };
}

function printChecklist(log: (line: string) => void, done: Done[]): void {
  for (const step of done.filter((entry) => entry.action !== "manual")) log(`  ✓ ${step.action.padEnd(8)} ${step.what}`);
  const manual = done.filter((entry) => entry.action === "manual");
  if (manual.length > 0) {
    log("Left for you (no API does these):");
    for (const step of manual) log(`  ☐ ${step.what}`);
  }
}

function printAddresses(log: (line: string) => void, settings: DeploySettings): void {
  log("Addresses:");
  log(`  dashboard        ${settings.DASHBOARD_URL}`);
  log(`  pricing pages    ${settings.DASHBOARD_URL}/p/<platformId>`);
  for (const worker of WORKERS) log(`  ${worker.padEnd(16)} ${settings[ADDRESS_SETTING[worker]]}`);
}

/** Deploys for real. Every step is idempotent: a second run finds what the first made. */
export async function deploy(context: DeployContext): Promise<void> {
  const { settings, wrangler, log } = context;
  const done: Done[] = [];
  log("1/6 Cloudflare resources");
  const ensured = await ensureResources(wrangler, kvBindings(context));
  done.push(...ensured.done);
  done.push(...(await ensureQueues(wrangler, queuesOf(context))));
  const configs = configsFor(context, ensured.resources);

  const existingSecrets = {} as Record<Worker, ReadonlySet<string>>;
  await withConfigFile(configs["api-multi"], async (path) => {
    log("2/6 D1 migrations (remote)");
    done.push(await applyMigrations(wrangler, path));
  });
  for (const worker of WORKERS) existingSecrets[worker] = await withConfigFile(configs[worker], (path) => secretNames(wrangler, path));

  log("3/6 Stripe and Clerk");
  const clients: ProviderClients = {
    stripe: { test: stripeClient({ secretKey: settings.STRIPE_SECRET_KEY_TEST }), live: stripeClient({ secretKey: settings.STRIPE_SECRET_KEY_LIVE }) },
    clerk: { developer: createClerkClient({ secretKey: settings.CLERK_DEVELOPER_SECRET_KEY }), endUser: createClerkClient({ secretKey: settings.CLERK_END_USER_SECRET_KEY }) },
  };
  const providers = await setUpProviders(clients, settings, existingSecrets);
  done.push(...providers.done);

  log("4/6 Workers");
  const secrets = mergeSecrets(secretsFromSettings(settings), generatedSecrets(existingSecrets), providers.webhookSecrets);
  for (const worker of WORKERS) {
    done.push(await withConfigFile(configs[worker], (configPath) => deployWorker(wrangler, { name: configs[worker].name, configPath }, secrets[worker])));
  }

  log("5/6 Dashboard");
  const outDir = mkdtempSync(join(tmpdir(), "dream-dashboard-"));
  try {
    const built = await buildDashboard(context.root, settings, outDir);
    done.push({ action: "created", what: `dashboard build: ${built.files} files, ${(built.bytes / 1024).toFixed(0)} KiB` });
    const config = dashboardWorkerConfig({ assetsDirectory: outDir, compatibilityDate: compatibilityDate(context), settings });
    done.push(await withConfigFile(config, (configPath) => deployWorker(wrangler, { name: DASHBOARD_WORKER, configPath }, {})));
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  log("6/6 Done");
  printChecklist(log, done);
  printAddresses(log, settings);
}

const compatibilityDate = (context: DeployContext): string => String(readWranglerConfig(context.root, "api-multi")["compatibility_date"]);

/** What `wrangler deploy --dry-run` prints as the upload size. */
async function dryRunBundle(wrangler: Wrangler, config: WranglerConfig): Promise<string> {
  return withConfigFile(config, async (configPath) => {
    const outdir = mkdtempSync(join(tmpdir(), "dream-bundle-"));
    try {
      const output = await wrangler(["deploy", "--dry-run", "--config", configPath, "--outdir", outdir]);
      const sizes = /Total Upload: ([\d.]+ KiB) \/ gzip: ([\d.]+ KiB)/.exec(output);
      if (!sizes) throw new Error(`wrangler printed no bundle size for ${config.name}`);
      return `${sizes[1]} (gzip ${sizes[2]})`;
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
  });
}

/** Local stand-ins of Stripe and Clerk that accept deploy.env's keys, on free loopback ports. */
export async function startStandIns(settings: DeploySettings): Promise<{ clients: ProviderClients; close: () => Promise<void> }> {
  const servers: RunningServer[] = [];
  const stripe = createStripeEmulator({ publicUrl: "http://127.0.0.1", secretKeys: [settings.STRIPE_SECRET_KEY_TEST, settings.STRIPE_SECRET_KEY_LIVE] });
  const stripeServer = await listen(stripe.app.fetch);
  servers.push(stripeServer);
  const clerk = await createClerkEmulator({
    publicUrl: "http://127.0.0.1",
    instances: [
      { name: "dream-api", secretKey: settings.CLERK_DEVELOPER_SECRET_KEY, publishableKey: settings.CLERK_DEVELOPER_PUBLISHABLE_KEY },
      { name: "end-user-api", secretKey: settings.CLERK_END_USER_SECRET_KEY, publishableKey: settings.CLERK_END_USER_PUBLISHABLE_KEY },
    ],
  });
  const clerkServer = await listen(clerk.app.fetch);
  servers.push(clerkServer);
  const stripeFor = (secretKey: string) => stripeClient({ secretKey, apiBase: stripeServer.url });
  return {
    clients: {
      stripe: { test: stripeFor(settings.STRIPE_SECRET_KEY_TEST), live: stripeFor(settings.STRIPE_SECRET_KEY_LIVE) },
      clerk: {
        developer: createClerkClient({ secretKey: settings.CLERK_DEVELOPER_SECRET_KEY, apiUrl: clerkServer.url }),
        endUser: createClerkClient({ secretKey: settings.CLERK_END_USER_SECRET_KEY, apiUrl: clerkServer.url }),
      },
    },
    async close() {
      stripe.close();
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

const CHANGES: ReadonlySet<Done["action"]> = new Set(["created", "updated", "replaced"]);

/**
 * Runs the provider setup twice against fresh stand-ins, as two deploys in
 * a row would: the first creates everything, the second must change
 * nothing. Returns the second run's changes (none when idempotent).
 */
export async function rehearseProviderSetup(settings: DeploySettings, log: (line: string) => void): Promise<Done[]> {
  const standIns = await startStandIns(settings);
  try {
    const none = { "front-auth-api": new Set<string>(), "api-multi": new Set<string>(), "oauth-api": new Set<string>() };
    const first = await setUpProviders(standIns.clients, settings, none);
    printChecklist(log, first.done);
    // The workers now hold what the first run uploaded, as after a real deploy.
    const secrets = mergeSecrets(secretsFromSettings(settings), generatedSecrets(none), first.webhookSecrets);
    const after: Record<Worker, ReadonlySet<string>> = {
      "front-auth-api": new Set(Object.keys(secrets["front-auth-api"])),
      "api-multi": new Set(Object.keys(secrets["api-multi"])),
      "oauth-api": new Set(Object.keys(secrets["oauth-api"])),
    };
    const second = await setUpProviders(standIns.clients, settings, after);
    return second.done.filter((step) => CHANGES.has(step.action));
  } finally {
    await standIns.close();
  }
}

/** Everything that can run offline; fails when the provider setup is not idempotent. */
export async function dryRun(context: DeployContext): Promise<void> {
  const { settings, wrangler, log } = context;
  const bases = WORKERS.map((worker) => readWranglerConfig(context.root, worker));
  const configs = configsFor(context, dryRunResources(bases));
  log("Production configurations (vars; secrets are not vars):");
  for (const worker of WORKERS)
    log(
      `  ${worker.padEnd(16)} ${Object.entries(configs[worker].vars ?? {})
        .map(([name, value]) => `${name}=${value}`)
        .join(" ")}`,
    );
  const secrets = mergeSecrets(secretsFromSettings(settings), generatedSecrets({ "front-auth-api": new Set(), "api-multi": new Set(), "oauth-api": new Set() }));
  log("Secrets each worker gets (names only; webhook signing secrets come from the Stripe setup):");
  for (const worker of WORKERS) log(`  ${worker.padEnd(16)} ${Object.keys(secrets[worker]).sort().join(", ")}`);
  log("Queues (the deploy lists the account's and creates the missing ones before the workers; the dry run asks Cloudflare nothing):");
  for (const step of await ensureQueues(wrangler, queuesOf(context), { dryRun: true })) log(`  ${step.action.padEnd(8)} ${step.what}`);

  log("Bundles (wrangler deploy --dry-run with the production configuration):");
  for (const worker of WORKERS) log(`  ${worker.padEnd(16)} ${await dryRunBundle(wrangler, configs[worker])}`);

  const outDir = mkdtempSync(join(tmpdir(), "dream-dashboard-"));
  try {
    const built = await buildDashboard(context.root, settings, outDir);
    const config = dashboardWorkerConfig({ assetsDirectory: outDir, compatibilityDate: compatibilityDate(context), settings });
    // wrangler's dry run sizes the worker script only; the dashboard is all assets, so its size is the build's.
    await dryRunBundle(wrangler, config);
    log(`  ${"dashboard".padEnd(16)} ${(built.bytes / 1024).toFixed(2)} KiB of static assets in ${built.files} files (production build)`);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }

  log("Provider setup against local stand-ins of Stripe and Clerk (first run):");
  const changes = await rehearseProviderSetup(settings, log);
  if (changes.length > 0) throw new Error(`The provider setup is not idempotent: a second run changed\n${changes.map((step) => `  - ${step.action} ${step.what}`).join("\n")}`);
  log("Provider setup, second run: nothing created or changed.");
  printAddresses(log, settings);
  log("Dry run done: nothing was created on Cloudflare, Stripe or Clerk.");
}
