/**
 * The tenants the SDK tests run against, written straight into local D1
 * before api-multi starts (as bench/run.mjs and scripts/lib/seed.mjs do):
 *
 * - a paid developer's platform with a test key pair, a connected Stripe
 *   account (stand-in) and tiers `free` (5 calls/month), `pro` (10,000,
 *   $19/month with a Stripe price) and `lifetime` (one-off, sold out), plus
 *   an end-user who has already paid (a Stripe customer, so the portal opens);
 * - a free developer's platform whose test key runs in preview mode.
 */
import { issueKeyPair, newId, newPlatformId } from "@dream-api/shared";

export interface StripeSeed {
  accountId: string;
  productId: string;
  priceId: string;
  customerId: string;
}

export interface Seed {
  sql: string;
  secretKey: string;
  publishableKey: string;
  previewSecretKey: string;
  paidUserId: string;
}

export const PAID_USER_ID = "sdk-paid-user";

async function stripeForm(base: string, secretKey: string, path: string, params: Record<string, string>, account?: string): Promise<{ id: string }> {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${secretKey}`,
      "Content-Type": "application/x-www-form-urlencoded",
      ...(account ? { "Stripe-Account": account } : {}),
    },
    body: new URLSearchParams(params),
  });
  if (!response.ok) throw new Error(`seeding Stripe ${path}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

/** A connected account (the stand-in's control route stands in for OAuth) with Pro's product and price, and a paying customer. */
export async function seedStripe(stripeApiBase: string, stripeSecretKey: string): Promise<StripeSeed> {
  const account = await fetch(`${stripeApiBase}/_emulator/accounts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "SDK Test Co", email: "sdk-developer@example.com" }),
  });
  if (!account.ok) throw new Error(`creating the connected account: HTTP ${account.status}`);
  const accountId = ((await account.json()) as { id: string }).id;
  const product = await stripeForm(stripeApiBase, stripeSecretKey, "/v1/products", { name: "Pro", "metadata[tier]": "pro" }, accountId);
  const price = await stripeForm(
    stripeApiBase,
    stripeSecretKey,
    "/v1/prices",
    { product: product.id, unit_amount: "1900", currency: "usd", "recurring[interval]": "month", "metadata[tier]": "pro" },
    accountId,
  );
  const customer = await stripeForm(stripeApiBase, stripeSecretKey, "/v1/customers", { email: "paid@example.com" }, accountId);
  return { accountId, productId: product.id, priceId: price.id, customerId: customer.id };
}

const q = (value: string | null) => (value === null ? "NULL" : `'${value.replaceAll("'", "''")}'`);

export async function seedSql(stripe: StripeSeed): Promise<Seed> {
  const now = new Date().toISOString();
  const platformId = newPlatformId();
  const previewPlatformId = newPlatformId();
  const pair = await issueKeyPair("test");
  const previewPair = await issueKeyPair("test");
  const key = (platform: string, p: typeof pair) =>
    `INSERT INTO api_keys (key_id, platform_id, mode, publishable_key, secret_hash, secret_prefix, created_at)
     VALUES (${q(newId("apiKey"))}, ${q(platform)}, 'test', ${q(p.publishableKey)}, ${q(p.secretHash)}, ${q(p.secretPrefix)}, ${q(now)});`;
  const statements = [
    `INSERT INTO platforms (platform_id, developer_id, plan, created_at, updated_at)
     VALUES (${q(platformId)}, 'user_sdk_paid_developer', 'paid', ${q(now)}, ${q(now)}),
            (${q(previewPlatformId)}, 'user_sdk_free_developer', 'free', ${q(now)}, ${q(now)});`,
    `INSERT INTO platform_settings (platform_id, mode, allowed_origins, updated_at)
     VALUES (${q(platformId)}, 'test', '["http://127.0.0.1:5173","https://app.example.com"]', ${q(now)}), (${q(platformId)}, 'live', '["http://127.0.0.1:5173"]', ${q(now)});`,
    key(platformId, pair),
    key(previewPlatformId, previewPair),
    `INSERT INTO tiers (platform_id, mode, name, display_name, kind, price, currency, monthly_limit, price_id, product_id, features, popular, inventory, sort_order, created_at, updated_at)
     VALUES (${q(platformId)}, 'test', 'free', 'Free', 'subscription', 0, 'usd', 5, NULL, NULL, '["5 calls a month"]', 0, NULL, 0, ${q(now)}, ${q(now)}),
            (${q(platformId)}, 'test', 'pro', 'Pro', 'subscription', 1900, 'usd', 10000, ${q(stripe.priceId)}, ${q(stripe.productId)}, '["10,000 calls a month"]', 1, NULL, 1, ${q(now)}, ${q(now)}),
            (${q(platformId)}, 'test', 'lifetime', 'Lifetime', 'one_off', 9900, 'usd', NULL, NULL, NULL, '[]', 0, 0, 2, ${q(now)}, ${q(now)}),
            (${q(previewPlatformId)}, 'test', 'free', 'Free', 'subscription', 0, 'usd', 100, NULL, NULL, '[]', 0, NULL, 0, ${q(now)}, ${q(now)});`,
    `INSERT INTO stripe_accounts (platform_id, stripe_user_id, livemode, scope, connected_at, updated_at)
     VALUES (${q(platformId)}, ${q(stripe.accountId)}, 0, 'read_write', ${q(now)}, ${q(now)});`,
    `INSERT INTO end_users (platform_id, mode, user_id, clerk_user_id, email, plan, stripe_customer_id, stripe_customer_account, created_at, updated_at)
     VALUES (${q(platformId)}, 'test', ${q(PAID_USER_ID)}, NULL, 'paid@example.com', 'pro', ${q(stripe.customerId)}, ${q(stripe.accountId)}, ${q(now)}, ${q(now)});`,
  ];
  return {
    sql: statements.join("\n"),
    secretKey: pair.secretKey,
    publishableKey: pair.publishableKey,
    previewSecretKey: previewPair.secretKey,
    paidUserId: PAID_USER_ID,
  };
}
