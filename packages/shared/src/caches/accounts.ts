/**
 * The connected-account cache: where a platform's end-user payments go (its
 * connected Stripe account, or null when none is connected), in KV
 * (ACCOUNT_CACHE), D1 behind it. oauth-api rewrites the entry when the
 * developer connects or disconnects, api-multi when Stripe reports a
 * deauthorization (refreshAccountCache).
 */
import { getConnectedAccount, type ConnectedAccount } from "../db/stripe-accounts";

/** The KV cache entry: the account, or null when the platform has none connected. */
export type CachedAccount = ConnectedAccount | null;

/** Where KV keeps a platform's account (deployed data: the name never changes). */
export function accountCacheKvKey(platformId: string): string {
  return `account:${platformId}`;
}

/** KV TTL of a platform's cached account, whoever writes the entry. */
export const ACCOUNT_CACHE_KV_TTL_SECONDS = 3600;

/**
 * The platform's connected account: KV, else D1 (then written back to KV
 * after the response). A stored "none" reads like a miss, so a platform
 * without an account is looked up in D1 each time.
 */
export async function getCachedConnectedAccount(env: { DB: D1Database; ACCOUNT_CACHE: KVNamespace }, ctx: Pick<ExecutionContext, "waitUntil">, platformId: string): Promise<CachedAccount> {
  const kvKey = accountCacheKvKey(platformId);
  const cached = await env.ACCOUNT_CACHE.get<CachedAccount>(kvKey, { type: "json" });
  if (cached !== null) return cached;
  const account = await getConnectedAccount(env.DB, platformId);
  ctx.waitUntil(env.ACCOUNT_CACHE.put(kvKey, JSON.stringify(account), { expirationTtl: ACCOUNT_CACHE_KV_TTL_SECONDS }));
  return account;
}

/** Rewrites a platform's KV entry from D1 after its account was connected or disconnected. */
export async function refreshAccountCache(db: D1Database, kv: KVNamespace, platformId: string): Promise<void> {
  const account = await getConnectedAccount(db, platformId);
  await kv.put(accountCacheKvKey(platformId), JSON.stringify(account), { expirationTtl: ACCOUNT_CACHE_KV_TTL_SECONDS });
}
