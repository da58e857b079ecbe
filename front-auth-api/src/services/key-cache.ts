import { refreshApiKeyCache } from "@dream-api/shared/db";

/** Rewrites api-multi's cached records of every key of a platform (after a rotation, revocation or plan change). */
export async function refreshKeyCache(env: Env, platformId: string): Promise<void> {
  await refreshApiKeyCache(env.DB, env.KEY_CACHE, platformId);
}
