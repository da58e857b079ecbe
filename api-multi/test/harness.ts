/**
 * Test harness: seeds a fresh tenant per test straight into local D1 and
 * sends requests through the worker's Hono app with the real bindings.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { issueKeyPair, newId, newPlatformId, type KeyMode, type Tier } from "@dream-api/shared";
import {
  emptyPlatformSettings,
  getTenantOrganization,
  insertApiKeyStatement,
  insertPlatformStatement,
  insertTierStatement,
  putPlatformSettingsStatement,
  type PlatformSettings,
} from "@dream-api/shared/db";
import { countTableRows, snapshotPlatformRows } from "@dream-api/testkit/arbitraries";
import { clerkJson, harnessClock, mintToken, standInStripe } from "@dream-api/testkit/in-worker";
import type { CallOptions as WorkerCallOptions, CallResult } from "@dream-api/testkit/worker-caller";
import { bindWorker, webhookDeliverer } from "@dream-api/testkit/worker-harness";
import { inject } from "vitest";
import { createApp } from "../src/app";

export * from "@dream-api/testkit/in-worker";
/** api-multi's operations, as the shared suites read them. */
export { OPERATIONS as operations } from "../src/routes";

export interface SeededPlatform {
  platformId: string;
  /** The mode of the seeded key pair (its tiers are in that mode too). */
  mode: KeyMode;
  publishableKey: string;
  secretKey: string;
  keyId: string;
}

export type TierSeed = Partial<Tier> & Pick<Tier, "name">;

export const DEFAULT_TIERS: TierSeed[] = [
  { name: "free", limit: 5, price: 0 },
  { name: "pro", limit: 1000, price: 1900 },
];

export function tier(seed: TierSeed, sortOrder = 0): Omit<Tier, "archived"> {
  return {
    displayName: seed.name.toUpperCase(),
    kind: "subscription",
    price: 0,
    currency: "usd",
    limit: null,
    features: [],
    popular: false,
    inventory: null,
    credits: null,
    creditValidityDays: null,
    imageUrl: null,
    description: null,
    priceId: null,
    productId: null,
    sortOrder,
    ...seed,
  };
}

export async function seedPlatform(options: { tiers?: TierSeed[]; mode?: KeyMode; plan?: "free" | "paid" } = {}): Promise<SeededPlatform> {
  const platformId = newPlatformId();
  const keyId = newId("apiKey");
  const pair = await issueKeyPair(options.mode ?? "test");
  const now = harnessClock().toISOString();
  await env.DB.batch([
    insertPlatformStatement(env.DB, { platformId, developerId: `user_${platformId}`, createdAt: now, plan: options.plan ?? "free" }),
    insertApiKeyStatement(env.DB, { keyId, platformId, pair, createdAt: now }),
    ...(options.tiers ?? DEFAULT_TIERS).map((seed, index) => insertTierStatement(env.DB, { platformId, mode: pair.mode }, tier(seed, index), now)),
  ]);
  return { platformId, mode: pair.mode, publishableKey: pair.publishableKey, secretKey: pair.secretKey, keyId };
}

/**
 * Saves one mode's developer settings, as front-auth-api's PATCH /settings
 * would (fields left out are empty): checkout and portal redirects are
 * checked against them in both modes.
 */
export async function saveSettings(platformId: string, settings: Partial<Omit<PlatformSettings, "updatedAt">> & Pick<PlatformSettings, "mode">): Promise<void> {
  await putPlatformSettingsStatement(env.DB, platformId, { ...emptyPlatformSettings(settings.mode), ...settings }, harnessClock().toISOString()).run();
}

/** The Clerk organization of a tenant in the end-user app (made when its first end-user joined or was created), or null. */
export function tenantOrganizationOf(tenant: { platformId: string; mode: KeyMode }): Promise<string | null> {
  return getTenantOrganization(env.DB, tenant);
}

/**
 * A person of the end-user app who joined `platform` on its pricing page
 * (POST /api/public/platforms/{id}/join), and a session with the
 * platform's organization active — as the hosted page leaves them. Pass
 * `clerkUserId` to have an existing person join another platform.
 */
export async function joinedEndUser(platform: { platformId: string; mode: KeyMode }, options: { clerkUserId?: string; azp?: string } = {}) {
  const clerkUserId =
    options.clerkUserId ??
    (await clerkJson<{ id: string }>("/v1/users", { method: "POST", app: "end-user-api", body: JSON.stringify({ email_address: [`person.${crypto.randomUUID().slice(0, 8)}@example.com`] }) })).id;
  const identity = await mintToken(clerkUserId, { instance: "end-user-api", organizationId: null, expiresInSeconds: 3600 });
  const joined = await call("POST", `/api/public/platforms/${platform.platformId}/join?mode=${platform.mode}`, { token: identity, body: {} });
  if (joined.status !== 200) throw new Error(`join: ${joined.status} ${JSON.stringify(joined.body)}`);
  const organizationId: string = joined.body.organizationId;
  const token = await mintToken(clerkUserId, { instance: "end-user-api", organizationId, azp: options.azp ?? "https://app.developer.example", expiresInSeconds: 3600 });
  return { clerkUserId, organizationId, userId: joined.body.userId as string, token };
}

export type CallOptions = WorkerCallOptions<Env>;
export type { CallResult };

/** `client(clock)`: a caller bound to a new app on that clock; `call`: one on the harness clock; `send`: request templates for the property suites. */
export const { client, call, send } = bindWorker({ createApp, env, createExecutionContext, waitOnExecutionContext, origin: "http://api.test", clock: harnessClock });

const TENANT_TABLES = ["platforms", "platform_settings", "api_keys", "stripe_accounts", "tiers", "end_users", "usage_counts", "usage_daily", "subscriptions", "purchases", "events", "oauth_states"];

/** Every tenant table's rows of one platform (full rows, not only counts, so updates show too). */
export function tenantRows(platformId: string): Promise<Record<string, unknown[]>> {
  return snapshotPlatformRows(env.DB, TENANT_TABLES, platformId);
}

/** Rows of every table (for the webhook, whose rejected events would carry no platform). */
export function globalCounts(): Promise<Record<string, number>> {
  return countTableRows(env.DB, ["platforms", "api_keys", "stripe_accounts", "tiers", "end_users", "usage_counts", "subscriptions", "purchases", "events"]);
}

/** Row counts of every tenant table for one platform, to prove a rejected request wrote nothing. */
export async function tableCounts(platformId: string): Promise<Record<string, number>> {
  const tables = ["api_keys", "tiers", "end_users", "usage_counts", "subscriptions", "purchases", "events"];
  const queries = [
    ...tables.map((table) => ({ name: table, sql: `SELECT COUNT(*) AS n FROM ${table} WHERE platform_id = ?1` })),
    { name: "usage_total", sql: "SELECT COALESCE(SUM(usage_count), 0) AS n FROM usage_counts WHERE platform_id = ?1" },
  ];
  const results = await env.DB.batch(queries.map((query) => env.DB.prepare(query.sql).bind(platformId)));
  return Object.fromEntries(queries.map((query, index) => [query.name, (results[index]!.results[0] as { n: number }).n]));
}

export async function storedCount(platformId: string, userId: string): Promise<number | null> {
  const row = await env.DB.prepare("SELECT usage_count FROM usage_counts WHERE platform_id = ?1 AND user_id = ?2").bind(platformId, userId).first<{ usage_count: number }>();
  return row?.usage_count ?? null;
}

export function expectErrorShape(result: CallResult, status: number, code: string): void {
  if (result.status !== status || result.body?.error?.code !== code) {
    throw new Error(`expected ${status} ${code}, got ${result.status} ${JSON.stringify(result.body)}`);
  }
  if (typeof result.body.error.message !== "string" || !result.body.error.message) throw new Error("error.message missing");
  if (typeof result.body.requestId !== "string" || result.headers.get("X-Request-Id") !== result.body.requestId) {
    throw new Error("requestId missing or not matching X-Request-Id");
  }
}

// ---- billing ------------------------------------------------------------------------------------

export const stripe = standInStripe();

export interface ConnectedPlatform extends SeededPlatform {
  account: string;
  proPriceId: string;
  ebookPriceId: string;
}

/**
 * A platform connected to a fresh Stripe stand-in account, with tiers free
 * (5 calls), pro ($19/month, 1,000 calls) and ebook (one-off $5, inventory 2)
 * whose products and prices live on that account.
 */
export async function seedConnectedPlatform(options: { mode?: KeyMode; plan?: "free" | "paid" } = {}): Promise<ConnectedPlatform> {
  const response = await fetch(`${inject("stripeApiBase")}/_emulator/accounts`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Developer Co" }),
  });
  const account = ((await response.json()) as { id: string }).id;
  const onAccount = { stripeAccount: account };
  // The tiers' Stripe objects live in the key's mode, as oauth-api makes them.
  const stripe = standInStripe(options.mode ?? "test");
  const pro = await stripe.products.create({ name: "Pro" }, onAccount);
  const proPrice = await stripe.prices.create({ product: pro.id, unit_amount: 1900, currency: "usd", recurring: { interval: "month" } }, onAccount);
  const ebook = await stripe.products.create({ name: "E-book" }, onAccount);
  const ebookPrice = await stripe.prices.create({ product: ebook.id, unit_amount: 500, currency: "usd" }, onAccount);
  const platform = await seedPlatform({
    mode: options.mode ?? "test",
    plan: options.plan ?? "paid",
    tiers: [
      { name: "free", limit: 5, price: 0 },
      { name: "pro", limit: 1000, price: 1900, priceId: proPrice.id, productId: pro.id },
      { name: "ebook", kind: "one_off", price: 500, inventory: 2, priceId: ebookPrice.id, productId: ebook.id },
    ],
  });
  const now = harnessClock().toISOString();
  await env.DB.prepare("INSERT INTO stripe_accounts (platform_id, stripe_user_id, livemode, scope, connected_at, updated_at) VALUES (?1, ?2, 0, 'read_write', ?3, ?3)")
    .bind(platform.platformId, account, now)
    .run();
  return { ...platform, account, proPriceId: proPrice.id, ebookPriceId: ebookPrice.id };
}

/** Stripe's signed deliveries, handed to the worker exactly as Stripe sent them. */
export const { deliver, deliverAll } = webhookDeliverer(call, "/webhook/stripe");

/** A D1 binding whose next `failures` batches fail, as a D1 outage would. */
export function failingBatches(db: D1Database, failures = 1): D1Database {
  let left = failures;
  return new Proxy(db, {
    get(target, property) {
      if (property === "batch" && left > 0) {
        return async () => {
          left -= 1;
          throw new Error("D1_ERROR: injected failure");
        };
      }
      const value = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export async function countRows(table: string, where: string, ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...params)
    .first<{ n: number }>();
  return row?.n ?? 0;
}
