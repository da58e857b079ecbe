/**
 * `pnpm dev`: the whole platform on one machine, offline. Applies the D1
 * migrations to local state, starts the Stripe and Clerk stand-ins (unless
 * real keys are configured), the three workers on one shared local D1/KV,
 * and the dashboard; seeds a demo on first run; Ctrl-C stops everything and
 * a second run reuses the state in .dev-state/.
 */
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createPlatformPrice } from "@dream-api/testkit/local-cloud";
import { applyLocalMigrations } from "./lib/local-d1.mjs";
import { onStop, start, stopAll, stopOnSignals, waitForHealthy } from "./lib/processes.mjs";
import { startWorkers } from "./lib/workers-runtime.mjs";
import { ensureDemoDeveloper, seedDemoActivity, seedDemoData } from "./lib/seed.mjs";
import { CLERK_PORT, DASHBOARD_PORT, ROOT, SERVICES, STATE_DIR, STRIPE_PORT, WRANGLER_STATE, readDevVars, stackConfig, url } from "./lib/stack.mjs";

stopOnSignals();
mkdirSync(WRANGLER_STATE, { recursive: true });

// Local secrets: each worker's .dev.vars starts as a copy of its .example
// (stand-in values); variables added to the example later are appended.
for (const service of Object.values(SERVICES)) {
  const example = join(ROOT, service.dir, ".dev.vars.example");
  const target = join(ROOT, service.dir, ".dev.vars");
  if (!existsSync(example)) continue;
  if (!existsSync(target)) {
    copyFileSync(example, target);
    continue;
  }
  const present = readDevVars(service.dir);
  const missing = readFileSync(example, "utf8")
    .split("\n")
    .filter((line) => /^[A-Z0-9_]+=/.test(line) && !((line.split("=")[0] ?? "") in present));
  if (missing.length > 0) {
    appendFileSync(target, `\n# added by pnpm dev from .dev.vars.example\n${missing.join("\n")}\n`);
    console.log(`${service.dir}/.dev.vars: added ${missing.map((line) => line.split("=")[0]).join(", ")}`);
  }
}

console.log("Applying D1 migrations to local state…");
applyLocalMigrations();

const config = stackConfig();
const standIns = [config.localStripe && "stripe", config.localClerk && "clerk"].filter(Boolean).join(",");
if (standIns)
  start("stand-ins", process.execPath, ["--import", "tsx", "src/serve.ts"], {
    cwd: join(ROOT, "emulators"),
    env: {
      EMULATORS: standIns,
      EMULATOR_STATE_DIR: join(STATE_DIR, "emulators"),
      CLERK_EMULATOR_PORT: String(CLERK_PORT),
      STRIPE_EMULATOR_PORT: String(STRIPE_PORT),
      STRIPE_SECRET_KEYS: config.stripeSecretKeys.join(","),
      STRIPE_PLATFORM_WEBHOOK_URL: `${url(SERVICES.frontAuthApi.port)}/webhook/stripe`,
      STRIPE_PLATFORM_WEBHOOK_SECRET: config.platformWebhookSecret,
      STRIPE_CONNECT_WEBHOOK_URL: `${url(SERVICES.apiMulti.port)}/webhook/stripe`,
      STRIPE_CONNECT_WEBHOOK_SECRET_TEST: config.connectWebhookSecret,
      STRIPE_CONNECT_WEBHOOK_SECRET_LIVE: config.connectLiveWebhookSecret,
      STRIPE_PREVIEW_WEBHOOK_URL: `${url(SERVICES.apiMulti.port)}/webhook/stripe`,
      STRIPE_PREVIEW_WEBHOOK_SECRET: config.previewWebhookSecret,
    },
  });

try {
  await Promise.all([...(config.localClerk ? [waitForHealthy(`${url(CLERK_PORT)}/health`)] : []), ...(config.localStripe ? [waitForHealthy(`${url(STRIPE_PORT)}/health`)] : [])]);
  if (config.localStripe) await createPlatformPrice(url(STRIPE_PORT), config.stripeSecretKey);
  const demo = await seedDemoData(await ensureDemoDeveloper(config), config);
  // The three workers in one workerd process over one D1 (see lib/workers-runtime.mjs).
  // DREAM_RAISE_RATE_LIMITS=1 lifts every rate limit (load tests).
  const raised = { limit: 100_000_000, period: /** @type {const} */ (60) };
  const workers = await startWorkers({
    services: Object.values(SERVICES),
    watch: true,
    ...(process.env.DREAM_RAISE_RATE_LIMITS === "1"
      ? {
          ratelimits: Object.fromEntries(
            ["END_USER_RATE_LIMITER", "API_KEY_RATE_LIMITER", "END_USER_SESSIONS_RATE_LIMITER", "CLIENT_IP_RATE_LIMITER", "DEVELOPER_RATE_LIMITER"].map((name) => [name, raised]),
          ),
        }
      : {}),
  });
  onStop(() => workers.dispose());
  start("dashboard", join(ROOT, "frontend", "node_modules", ".bin", "vite"), ["--port", String(DASHBOARD_PORT), "--strictPort"], {
    cwd: join(ROOT, "frontend"),
    quiet: /^\s*$/,
  });
  await Promise.all([...Object.values(SERVICES).map((service) => waitForHealthy(`${url(service.port)}/health`)), waitForHealthy(url(DASHBOARD_PORT))]);
  await seedDemoActivity(demo);
  // api-multi's hourly cron, once at start: among other things it adds the
  // Clerk memberships local data from before organizations is waiting for.
  await workers.runCron(SERVICES.apiMulti, "17 * * * *");
  const rows = [
    ["dashboard", url(DASHBOARD_PORT)],
    ["front-auth-api", url(SERVICES.frontAuthApi.port)],
    ["api-multi", url(SERVICES.apiMulti.port)],
    ["oauth-api", url(SERVICES.oauthApi.port)],
    ["stripe stand-in", config.localStripe ? url(STRIPE_PORT) : "(real Stripe from .dev.vars)"],
    ["clerk stand-in", config.localClerk ? url(CLERK_PORT) : "(real Clerk from .dev.vars)"],
  ];
  console.log("\n  dream-api is running (Ctrl-C stops everything)\n");
  for (const [name, address] of rows) console.log(`  ${String(name).padEnd(16)} ${address}`);
  console.log(`\n  demo platform    ${demo.platformId}`);
  console.log(`  publishable key  ${demo.publishableKey}`);
  console.log(`  pricing page     ${url(DASHBOARD_PORT)}/p/${demo.platformId}/test`);
  if (demo.stripeAccountId) console.log(`  stripe account   ${demo.stripeAccountId} (connected)`);
  console.log(demo.secretKey ? `  secret key       ${demo.secretKey}   (shown once; it is stored only as a hash)` : "  secret key       shown on the first run only; delete .dev-state/ to reseed");
  console.log(`\n  try: curl -s -H "Authorization: Bearer <secret key>" -H "X-User-Id: demo-alice" ${url(SERVICES.apiMulti.port)}/api/usage\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll(1);
}
