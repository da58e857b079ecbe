/**
 * The tier cache: a tenant's tiers (one platform in one mode, archived
 * included, as listTiers reads them) in KV (TIER_CACHE), D1 behind it.
 *
 * Limits are never enforced from this cache — the counting statement reads
 * them from D1 — so it only serves the tier lists and the starting tier of
 * new end-users. oauth-api rewrites the entry on every tier change
 * (refreshTierCache), so the next request sees it (no in-isolate layer here
 * on purpose).
 */
import { listTiers } from "../db/tiers";
import type { Tenant } from "../ids";
import type { Tier } from "../tiers";

/** Where KV keeps a tenant's tiers (deployed data: the name never changes). */
export function tierCacheKvKey(tenant: Tenant): string {
  return `tiers:${tenant.platformId}:${tenant.mode}`;
}

/** KV TTL of a platform's cached tiers, whoever writes the entry. */
export const TIER_CACHE_KV_TTL_SECONDS = 3600;

/** A tenant's tiers: KV, else D1 (then written back to KV after the response). */
export async function getPlatformTiers(env: { DB: D1Database; TIER_CACHE: KVNamespace }, ctx: Pick<ExecutionContext, "waitUntil">, tenant: Tenant): Promise<Tier[]> {
  const kvKey = tierCacheKvKey(tenant);
  const cached = await env.TIER_CACHE.get<Tier[]>(kvKey, { type: "json" });
  if (cached) return cached;
  const tiers = await listTiers(env.DB, tenant);
  ctx.waitUntil(env.TIER_CACHE.put(kvKey, JSON.stringify(tiers), { expirationTtl: TIER_CACHE_KV_TTL_SECONDS }));
  return tiers;
}

/** Rewrites a tenant's KV entry from D1 after a tier change; returns the tiers as stored now. */
export async function refreshTierCache(db: D1Database, kv: KVNamespace, tenant: Tenant): Promise<Tier[]> {
  const tiers = await listTiers(db, tenant);
  await kv.put(tierCacheKvKey(tenant), JSON.stringify(tiers), { expirationTtl: TIER_CACHE_KV_TTL_SECONDS });
  return tiers;
}
