/**
 * A platform's tiers: KV, then D1. Limits are never enforced from this
 * cache — the counting statement reads them from D1 — so it only serves
 * GET /api/tiers and the default plan of new end-users. oauth-api rewrites
 * the KV entry on every tier change, so the next request sees it (no
 * in-isolate layer here on purpose).
 */
import type { Tier } from "@dream-api/shared";
import { listTiers, tierCacheKvKey } from "@dream-api/shared/db";

const KV_TTL_SECONDS = 3600;

export async function getPlatformTiers(env: Env, ctx: Pick<ExecutionContext, "waitUntil">, platformId: string): Promise<Tier[]> {
  const kvKey = tierCacheKvKey(platformId);
  const cached = await env.TIER_CACHE.get<Tier[]>(kvKey, { type: "json" });
  if (cached) return cached;
  const tiers = await listTiers(env.DB, platformId);
  ctx.waitUntil(env.TIER_CACHE.put(kvKey, JSON.stringify(tiers), { expirationTtl: KV_TTL_SECONDS }));
  return tiers;
}
