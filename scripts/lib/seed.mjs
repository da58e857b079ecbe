/**
 * The demo tenant `pnpm dev` seeds on first run: a developer, a platform
 * with a key pair (the secret printed once, stored only as its hash), two
 * tiers, and a few end-users with usage made through the real API.
 * Later runs find .dev-state/demo.json and leave everything as it is.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { issueKeyPair, newId, newPlatformId } from "@dream-api/shared";
import { executeLocalSqlFile } from "./local-d1.mjs";
import Stripe from "stripe";
import { CLERK_PORT, SERVICES, STATE_DIR, STRIPE_PORT, url } from "./stack.mjs";

const DEMO_FILE = join(STATE_DIR, "demo.json");

/** @typedef {{ platformId: string, publishableKey: string, developerId: string, stripeAccountId: string | null, secretKey?: string }} Demo */
/** @typedef {ReturnType<typeof import("./stack.mjs").stackConfig>} StackConfig */

/** @returns {Demo | null} */
export function existingDemo() {
  return existsSync(DEMO_FILE) ? JSON.parse(readFileSync(DEMO_FILE, "utf8")) : null;
}

/** @param {string} value */
const sql = (value) => `'${value.replaceAll("'", "''")}'`;

/**
 * Phase 1, before the workers start: a connected Stripe account with the Pro
 * tier's and the credit pack's products and prices on it (stand-in only),
 * then rows written
 * straight into local D1.
 * @param {{ developerId: string }} developer
 * @param {StackConfig} config
 * @returns {Promise<Demo>}
 */
export async function seedDemoData(developer, config) {
  const existing = existingDemo();
  if (existing) return existing;
  const platformId = newPlatformId();
  const pair = await issueKeyPair("test");
  const now = new Date().toISOString();
  const stripe = config.localStripe ? await seedConnectedAccount(config) : null;
  const statements = [
    `INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at)
     VALUES (${sql(platformId)}, ${sql(developer.developerId)}, 'paid', ${sql(now)}, ${sql(now)});`,
    // Test mode: the dashboard's dev origin, and localhost on any port for a backend being built next to it.
    // Live mode is left for the developer to set in Settings (https origins only).
    `INSERT INTO platform_settings (platform_id, mode, allowed_origins, allow_localhost, updated_at)
     VALUES (${sql(platformId)}, 'test', '["http://127.0.0.1:5173","http://localhost:5173"]', 1, ${sql(now)});`,
    `INSERT INTO api_keys (key_id, platform_id, mode, publishable_key, secret_hash, secret_prefix, created_at)
     VALUES (${sql(newId("apiKey"))}, ${sql(platformId)}, 'test', ${sql(pair.publishableKey)}, ${sql(pair.secretHash)}, ${sql(pair.secretPrefix)}, ${sql(now)});`,
    `INSERT INTO tiers (platform_id, mode, name, display_name, kind, price, currency, monthly_limit, features, popular, sort_order, created_at, updated_at)
     VALUES (${sql(platformId)}, 'test', 'free', 'Free', 'subscription', 0, 'usd', 100, '["100 calls a month","Community support"]', 0, 0, ${sql(now)}, ${sql(now)}),
            (${sql(platformId)}, 'test', 'pro', 'Pro', 'subscription', 1900, 'usd', 10000, '["10,000 calls a month","Email support"]', 1, 1, ${sql(now)}, ${sql(now)});`,
    // A credit pack: buying it adds 100 calls beyond the month's allowance, valid a year.
    `INSERT INTO tiers (platform_id, mode, name, display_name, kind, price, currency, monthly_limit, features, popular, sort_order, credits, credit_validity_days, created_at, updated_at)
     VALUES (${sql(platformId)}, 'test', 'credits-100', '100 credits', 'one_off', 999, 'usd', NULL, '["100 extra calls, on top of any plan","Valid for a year"]', 0, 2, 100, 365, ${sql(now)}, ${sql(now)});`,
  ];
  if (stripe) {
    statements.push(
      `UPDATE tiers SET product_id = ${sql(stripe.productId)}, price_id = ${sql(stripe.priceId)} WHERE platform_id = ${sql(platformId)} AND mode = 'test' AND name = 'pro';`,
      `UPDATE tiers SET product_id = ${sql(stripe.creditsProductId)}, price_id = ${sql(stripe.creditsPriceId)} WHERE platform_id = ${sql(platformId)} AND mode = 'test' AND name = 'credits-100';`,
      `INSERT INTO stripe_accounts (platform_id, stripe_user_id, livemode, scope, connected_at, updated_at)
       VALUES (${sql(platformId)}, ${sql(stripe.accountId)}, 0, 'read_write', ${sql(now)}, ${sql(now)});`,
    );
  }
  const file = join(tmpdir(), `dream-api-seed-${process.pid}.sql`);
  writeFileSync(file, statements.join("\n"));
  executeLocalSqlFile(file);
  /** @type {Demo} */
  const demo = { platformId, publishableKey: pair.publishableKey, developerId: developer.developerId, stripeAccountId: stripe?.accountId ?? null };
  writeFileSync(DEMO_FILE, JSON.stringify(demo, null, 2));
  return { ...demo, secretKey: pair.secretKey };
}

const DEMO_USERS = [
  { userId: "demo-alice", email: "alice@demo.dream-api.dev", plan: "pro", calls: 42 },
  { userId: "demo-bob", email: "bob@demo.dream-api.dev", plan: "free", calls: 87 },
  { userId: "demo-carol", email: "carol@demo.dream-api.dev", plan: "free", calls: 12 },
];

/**
 * Phase 2, once api-multi is up: end-users and usage through the real API
 * (so they exist in the Clerk stand-in too). Needs the secret key, so it
 * runs only on the seeding run.
 * @param {Demo} demo
 */
export async function seedDemoActivity(demo) {
  if (!demo.secretKey) return;
  const base = url(SERVICES.apiMulti.port);
  const headers = { Authorization: `Bearer ${demo.secretKey}`, "Content-Type": "application/json" };
  for (const user of DEMO_USERS) {
    const created = await fetch(`${base}/api/customers`, {
      method: "POST",
      headers,
      body: JSON.stringify({ userId: user.userId, email: user.email, plan: user.plan }),
    });
    if (created.status !== 201 && created.status !== 409) throw new Error(`seeding ${user.userId}: HTTP ${created.status} ${await created.text()}`);
    let left = user.calls;
    while (left > 0) {
      const amount = Math.min(left, 1000);
      const tracked = await fetch(`${base}/api/usage/track`, { method: "POST", headers, body: JSON.stringify({ userId: user.userId, amount }) });
      if (!tracked.ok) throw new Error(`seeding usage of ${user.userId}: HTTP ${tracked.status} ${await tracked.text()}`);
      left -= amount;
    }
  }
}

/**
 * The demo developer: a user of the "dream-api" Clerk app (the stand-in's,
 * created through its Backend API) with plan "paid".
 * @param {StackConfig} config
 * @returns {Promise<{ developerId: string }>}
 */
export async function ensureDemoDeveloper(config) {
  const existing = existingDemo();
  if (existing) return { developerId: existing.developerId };
  if (!config.localClerk) return { developerId: "user_demo_developer" };
  const api = `${url(CLERK_PORT)}/v1/users`;
  const headers = { Authorization: `Bearer ${config.dreamApiClerkSecret}`, "Content-Type": "application/json" };
  const email = "demo-developer@dream-api.dev";
  const found = await fetch(`${api}?email_address=${encodeURIComponent(email)}`, { headers });
  const users = /** @type {{ id: string }[]} */ (await found.json());
  if (users[0]) return { developerId: users[0].id };
  const created = await fetch(api, {
    method: "POST",
    headers,
    body: JSON.stringify({ email_address: [email], first_name: "Demo", public_metadata: { plan: "paid" } }),
  });
  if (!created.ok) throw new Error(`creating the demo developer in the Clerk stand-in: HTTP ${created.status}`);
  return { developerId: /** @type {{ id: string }} */ (await created.json()).id };
}

/**
 * A connected account in the Stripe stand-in (its control endpoint stands in
 * for the OAuth dance), the Pro tier's product + monthly price and the
 * credit pack's product + one-off price on it,
 * created with the official client and the Stripe-Account header.
 * @param {StackConfig} config
 */
async function seedConnectedAccount(config) {
  const response = await fetch(`${url(STRIPE_PORT)}/_emulator/accounts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Demo Co", email: "demo-developer@dream-api.dev" }),
  });
  if (!response.ok) throw new Error(`creating the demo connected account: HTTP ${response.status}`);
  const accountId = /** @type {{ id: string }} */ (await response.json()).id;
  const stripe = new Stripe(config.stripeSecretKey, {
    host: "127.0.0.1",
    port: STRIPE_PORT,
    protocol: "http",
    httpClient: Stripe.createFetchHttpClient(),
  });
  const product = await stripe.products.create({ name: "Pro", metadata: { tier: "pro" } }, { stripeAccount: accountId });
  const price = await stripe.prices.create({ product: product.id, unit_amount: 1900, currency: "usd", recurring: { interval: "month" }, metadata: { tier: "pro" } }, { stripeAccount: accountId });
  const credits = await stripe.products.create({ name: "100 credits", metadata: { tier: "credits-100" } }, { stripeAccount: accountId });
  const creditsPrice = await stripe.prices.create({ product: credits.id, unit_amount: 999, currency: "usd", metadata: { tier: "credits-100" } }, { stripeAccount: accountId });
  return { accountId, productId: product.id, priceId: price.id, creditsProductId: credits.id, creditsPriceId: creditsPrice.id };
}
