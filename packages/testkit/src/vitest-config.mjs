/**
 * The vitest config of a worker's tests, written once: they run inside
 * workerd (vitest-pool-workers) from the worker's own entry point and
 * wrangler.jsonc, against real local D1 and KV (the worker's test/setup.ts
 * applies TEST_MIGRATIONS), and reach the Clerk and Stripe stand-ins started
 * by the global setup (global-setup.ts) through their bindings. A worker's
 * vitest.config.mts says only what is its own: which Clerk app signs its
 * sessions, its other bindings, its timeout and its projects.
 *
 * Plain JavaScript (typed with JSDoc): vitest loads config files with Node,
 * which runs no TypeScript from a package.
 */
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

/**
 * What the global setup hands to the workers' bindings (URLs and secrets of the local cloud).
 * @typedef {Omit<import("vitest").ProvidedContext, "testNow">} CloudValues
 */

/**
 * A Workers rate-limit binding as Miniflare takes it.
 * @typedef {{ namespace_id: string, simple: { limit: number, period: 10 | 60 } }} RateLimitBinding
 */

/**
 * @typedef {object} WorkerTestProject
 * @property {string} [name] The project's name (`vitest --project <name>`).
 * @property {string[]} include
 * @property {string[]} [exclude]
 * @property {Record<string, RateLimitBinding>} [ratelimits] Rate-limit bindings that replace wrangler.jsonc's for this project.
 */

/**
 * @typedef {object} WorkerTestOptions
 * @property {"dream-api" | "end-user-api"} clerkApp The Clerk app whose sessions the worker verifies with CLERK_SECRET_KEY / CLERK_JWT_KEY.
 * @property {(cloud: CloudValues) => Record<string, string>} [bindings] The worker's other bindings (CLERK_API_URL, STRIPE_API_BASE and the Stripe keys STRIPE_SECRET_KEY, STRIPE_SECRET_KEY_TEST and STRIPE_SECRET_KEY_LIVE are always set).
 * @property {number} testTimeout
 * @property {WorkerTestProject[]} [projects] Default: one project running test/**\/*.test.ts.
 */

/** @type {readonly (keyof CloudValues)[]} */
const CLOUD_KEYS = [
  "clerkApiUrl",
  "dreamApiClerkSecret",
  "dreamApiJwtKey",
  "endUserClerkSecret",
  "endUserJwtKey",
  "stripeApiBase",
  "stripeFaultyApiBase",
  "clerkFaultyApiUrl",
  "stripeSecretKey",
  "platformWebhookSecret",
  "connectWebhookSecret",
  "connectLiveWebhookSecret",
  "stripeLiveSecretKey",
  "previewWebhookSecret",
  "inboxUrl",
];

const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations", import.meta.url));
const GLOBAL_SETUP = fileURLToPath(new URL("./global-setup.ts", import.meta.url));

/**
 * The config of the worker whose folder vitest runs in (its vitest.config.mts: `export default workerTestConfig({...})`).
 * @param {WorkerTestOptions} options
 */
export async function workerTestConfig(options) {
  const migrations = await readD1Migrations(MIGRATIONS_DIR);
  /** @param {WorkerTestProject} settings */
  const project = (settings) => ({
    plugins: [
      cloudflareTest(({ inject }) => {
        const cloud = /** @type {CloudValues} */ (Object.fromEntries(CLOUD_KEYS.map((key) => [key, inject(key)])));
        const clerk = options.clerkApp === "dream-api" ? { secret: cloud.dreamApiClerkSecret, jwtKey: cloud.dreamApiJwtKey } : { secret: cloud.endUserClerkSecret, jwtKey: cloud.endUserJwtKey };
        return {
          main: "./src/index.ts",
          wrangler: { configPath: "./wrangler.jsonc" },
          miniflare: {
            bindings: {
              TEST_MIGRATIONS: migrations,
              CLERK_API_URL: cloud.clerkApiUrl,
              CLERK_SECRET_KEY: clerk.secret,
              CLERK_JWT_KEY: clerk.jwtKey,
              STRIPE_API_BASE: cloud.stripeApiBase,
              STRIPE_SECRET_KEY: cloud.stripeSecretKey,
              STRIPE_SECRET_KEY_TEST: cloud.stripeSecretKey,
              STRIPE_SECRET_KEY_LIVE: cloud.stripeLiveSecretKey,
              ...options.bindings?.(cloud),
            },
            // An empty database for tests that apply migrations themselves (a migration's data copy, from the schema before it).
            d1Databases: { MIGRATION_TEST_DB: "migration-test" },
            ...(settings.ratelimits ? { ratelimits: settings.ratelimits } : {}),
          },
        };
      }),
    ],
    test: {
      ...(settings.name ? { name: settings.name } : {}),
      include: settings.include,
      ...(settings.exclude ? { exclude: settings.exclude } : {}),
      setupFiles: ["./test/setup.ts"],
      onConsoleLog: keepConsoleLog,
      globalSetup: [GLOBAL_SETUP],
      testTimeout: options.testTimeout,
    },
  });
  const projects = options.projects ?? [{ include: ["test/**/*.test.ts"] }];
  const [only] = projects;
  if (projects.length === 1 && only && !only.name) return defineConfig(project(only));
  // A setting of the whole run, not of a project.
  return defineConfig({ test: { projects: projects.map(project), onConsoleLog: keepConsoleLog } });
}

/**
 * Every console line but the workers' request log lines, which would bury
 * the output (one per request; the request-log suite reads them itself).
 * @param {string} log
 */
function keepConsoleLog(log) {
  return !(log.startsWith('{"level":') && log.includes('"msg":"request"'));
}
