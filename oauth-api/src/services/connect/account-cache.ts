import { accountCacheKvKey, getConnectedAccount } from "@dream-api/shared/db";

/** Rewrites api-multi's KV entry for the platform's connected account from D1. */
export async function refreshAccountCache(env: Env, platformId: string): Promise<void> {
  const account = await getConnectedAccount(env.DB, platformId);
  await env.ACCOUNT_CACHE.put(accountCacheKvKey(platformId), JSON.stringify(account));
}
