/**
 * Test harness: seeds a fresh tenant per test straight into local D1 and
 * sends requests through the worker's Hono app with the real bindings.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { issueKeyPair, newId, newPlatformId, type Clock, type KeyMode, type Tier } from "@dream-api/shared";
import { insertApiKeyStatement, insertPlatformStatement, insertTierStatement } from "@dream-api/shared/db";
import { createApp } from "../src/app";

export interface SeededPlatform {
  platformId: string;
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
  const now = new Date().toISOString();
  await env.DB.batch([
    insertPlatformStatement(env.DB, { platformId, developerId: `user_${platformId}`, createdAt: now, plan: options.plan ?? "free" }),
    insertApiKeyStatement(env.DB, { keyId, platformId, pair, createdAt: now }),
    ...(options.tiers ?? DEFAULT_TIERS).map((seed, index) => insertTierStatement(env.DB, platformId, tier(seed, index), now)),
  ]);
  return { platformId, publishableKey: pair.publishableKey, secretKey: pair.secretKey, keyId };
}

export interface CallOptions {
  key?: string | null;
  body?: unknown;
  rawBody?: BodyInit;
  headers?: Record<string, string>;
  envOverrides?: Partial<Env>;
}

export interface CallResult<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

/** Builds a client bound to one app instance (and so one clock). */
export function client(clock?: Clock) {
  const app = createApp(clock ? { clock } : {});
  return async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<CallResult<T>> {
    const headers = new Headers(options.headers);
    if (options.key) headers.set("Authorization", `Bearer ${options.key}`);
    let body: BodyInit | undefined = options.rawBody;
    if (options.body !== undefined) {
      headers.set("Content-Type", "application/json");
      body = JSON.stringify(options.body);
    }
    const ctx = createExecutionContext();
    const bindings = options.envOverrides ? { ...env, ...options.envOverrides } : env;
    const response = await app.fetch(new Request(`http://api.test${path}`, { method, headers, body }), bindings, ctx);
    await waitOnExecutionContext(ctx);
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  };
}

export const call = client();

/** Row counts of every tenant table for one platform, to prove a rejected request wrote nothing. */
export async function tableCounts(platformId: string): Promise<Record<string, number>> {
  const tables = ["api_keys", "tiers", "end_users", "usage_counts", "subscriptions", "purchases", "events"];
  const queries = [
    ...tables.map((table) => ({ name: table, sql: `SELECT COUNT(*) AS n FROM ${table} WHERE platform_id = ?1` })),
    { name: "usage_total", sql: "SELECT COALESCE(SUM(usage_count), 0) AS n FROM usage_counts WHERE platform_id = ?1" },
  ];
  const results = await env.DB.batch(queries.map((query) => env.DB.prepare(query.sql).bind(platformId)));
  return Object.fromEntries(queries.map((query, index) => [query.name, (results[index]?.results[0] as { n: number }).n]));
}

export async function storedCount(platformId: string, userId: string): Promise<number | null> {
  const row = await env.DB.prepare("SELECT usage_count FROM usage_counts WHERE platform_id = ?1 AND user_id = ?2")
    .bind(platformId, userId)
    .first<{ usage_count: number }>();
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
