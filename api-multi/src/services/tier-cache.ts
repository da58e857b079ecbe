/**
 * A platform's tiers: in-isolate cache, then KV, then D1. Limits are never
 * enforced from this cache — the counting statement reads them from D1 — so
 * a stale entry can only delay what GET /api/tiers shows, by at most the TTL.
 * oauth-api rewrites the KV entry whenever tiers change.
 */
import { IsolateCache, type Tier } from "@dream-api/shared";
import { listTiers } from "@dream-api/shared/db";

const ISOLATE_TTL_MS = 10_000;
const KV_TTL_SECONDS = 3600;
const isolateCache = new IsolateCache<Tier[]>(ISOLATE_TTL_MS);

export function kvKeyForTiers(platformId: string): string {
  return `tiers:${platformId}`;
}

export async function getPlatformTiers(env: Env, ctx: Pick<ExecutionContext, "waitUntil">, platformId: string): Promise<Tier[]> {
  const inMemory = isolateCache.get(platformId);
  if (inMemory) return inMemory;
  const kvKey = kvKeyForTiers(platformId);
  let tiers = await env.TIER_CACHE.get<Tier[]>(kvKey, { type: "json" });
  if (!tiers) {
    tiers = await listTiers(env.DB, platformId);
    ctx.waitUntil(env.TIER_CACHE.put(kvKey, JSON.stringify(tiers), { expirationTtl: KV_TTL_SECONDS }));
  }
  isolateCache.set(platformId, tiers);
  return tiers;
}

/** Test seam and invalidation hook. */
export function forgetPlatformTiers(platformId?: string): void {
  if (platformId) isolateCache.delete(platformId);
  else isolateCache.clear();
}
