import { KEY_CACHE_KV_TTL_SECONDS, keyCacheKvKey, listCachedApiKeys } from "@dream-api/shared/db";

/**
 * Rewrites api-multi's KV entries for every key of a platform from D1, after
 * a rotation or a plan change (which flips preview mode). api-multi sees the
 * change once its isolate entry expires (KEY_CACHE_TTL_SECONDS) and KV has
 * propagated (up to 60 s).
 */
export async function refreshKeyCache(env: Env, platformId: string): Promise<void> {
  const keys = await listCachedApiKeys(env.DB, platformId);
  await Promise.all(
    keys.map(({ secretHash, key }) =>
      env.KEY_CACHE.put(keyCacheKvKey(secretHash), JSON.stringify(key), { expirationTtl: KEY_CACHE_KV_TTL_SECONDS }),
    ),
  );
}
