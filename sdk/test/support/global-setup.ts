/**
 * The real local stack for the SDK's tests, started once per run: the Clerk
 * and Stripe stand-ins, a temporary D1/KV state with the migrations applied
 * and a seeded tenant, and api-multi in workerd (Miniflare) on a free port;
 * the local cloud's webhook inbox receives the webhook endpoints' deliveries.
 * Values reach the tests through provide/inject (see ./stack.ts).
 */
import { mkdtempSync, readdirSync, rmSync, rmdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { startLocalCloud } from "@dream-api/testkit/local-cloud";
import type { TestProject } from "vitest/node";
import { applyLocalMigrations, executeLocalSqlFile } from "../../../scripts/lib/local-d1.mjs";
import { startWorkers } from "../../../scripts/lib/workers-runtime.mjs";
import { freePort } from "./net.js";
import "./provided-context.js";
import { seedSql, seedStripe, type Seed } from "./seed.js";

export default async function setup(project: TestProject) {
  const started = Date.now();
  if (process.env["DREAM_TEST_NOW"]) {
    // api-multi runs from its real entry point here (createApp() on the system clock): there is no clock to pin.
    console.warn("sdk tests: DREAM_TEST_NOW is ignored; api-multi and the stand-ins run on the system clock.");
  }
  const cleanups: (() => Promise<void> | void)[] = [];
  const teardown = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  };
  try {
    // The migrations run (synchronously, through wrangler) before any server
    // of this process starts: a long event-loop block while a keep-alive
    // socket idles makes its next reuse race the server's idle timeout (ECONNRESET).
    const state = mkdtempSync(join(tmpdir(), "dream-api-sdk-test-"));
    cleanups.push(() => rmSync(state, { recursive: true, force: true }));
    applyLocalMigrations(state);

    const cloud = await startLocalCloud();
    cleanups.push(() => cloud.close());
    const stripe = await seedStripe(cloud.stripeApiBase, cloud.stripeSecretKey);
    const seed: Seed = await seedSql(stripe);
    const seedFile = join(state, "seed.sql");
    writeFileSync(seedFile, seed.sql);
    executeLocalSqlFile(seedFile, state);

    const port = await freePort();
    // workerd refuses module paths outside its working directory (vitest runs in sdk/ or an
    // example's folder), so the bundle goes to <cwd>/.dev-state/ (git-ignored like the root's).
    const bundleDir = join(process.cwd(), ".dev-state", `sdk-test-bundles-${process.pid}`);
    cleanups.push(() => {
      rmSync(bundleDir, { recursive: true, force: true });
      if (readdirSync(dirname(bundleDir)).length === 0) rmdirSync(dirname(bundleDir));
    });
    const workers = await startWorkers({
      services: [{ name: "api-multi", dir: "api-multi", port }],
      persistTo: state,
      bundleDir,
      bindings: {
        "api-multi": {
          CLERK_API_URL: cloud.clerkApiUrl,
          CLERK_SECRET_KEY: cloud.endUserClerkSecret,
          CLERK_JWT_KEY: cloud.endUserJwtKey,
          DEVELOPER_CLERK_SECRET_KEY: cloud.dreamApiClerkSecret,
          DEVELOPER_CLERK_JWT_KEY: cloud.dreamApiJwtKey,
          STRIPE_API_BASE: cloud.stripeApiBase,
          STRIPE_SECRET_KEY_TEST: cloud.stripeSecretKey,
          STRIPE_SECRET_KEY_LIVE: cloud.stripeLiveSecretKey,
          STRIPE_CONNECT_WEBHOOK_SECRET_TEST: cloud.connectWebhookSecret,
          STRIPE_CONNECT_WEBHOOK_SECRET_LIVE: cloud.connectLiveWebhookSecret,
          STRIPE_PREVIEW_WEBHOOK_SECRET: cloud.previewWebhookSecret,
          WEBHOOK_SECRET_ENCRYPTION_KEY: Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64"),
        },
      },
    });
    cleanups.push(() => workers.dispose());

    const apiUrl = `http://127.0.0.1:${port}`;
    const health = await fetch(`${apiUrl}/health`);
    if (!health.ok) throw new Error(`api-multi is not healthy: HTTP ${health.status}`);

    project.provide("sdkApiUrl", apiUrl);
    project.provide("sdkSecretKey", seed.secretKey);
    project.provide("sdkPublishableKey", seed.publishableKey);
    project.provide("sdkPreviewSecretKey", seed.previewSecretKey);
    project.provide("sdkPaidUserId", seed.paidUserId);
    project.provide("sdkClerkApiUrl", cloud.clerkApiUrl);
    project.provide("sdkInboxUrl", cloud.inboxUrl);
    console.log(`sdk tests: api-multi at ${apiUrl} (stack up in ${Date.now() - started} ms)`);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}
