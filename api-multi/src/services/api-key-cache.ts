/**
 * Resolves a secret key to its platform: in-isolate cache (KEY_CACHE_TTL_SECONDS),
 * then KV, then D1 by SHA-256 hash. A warm request does no storage I/O for
 * its key. Cached records carry the key's grace expiry and revocation as
 * they were when cached; front-auth-api rewrites the KV entry at every
 * rotation or revocation, so an isolate learns of one within its cache TTL
 * (plus KV's propagation, up to 60 s): that is the revocation bound, and a
 * grace period longer than it ends exactly (see README, "Keys").
 *
 * A key this isolate has not seen costs a KV and a D1 read, so those cold
 * lookups count against the caller's per-IP bucket first, and a key found
 * nowhere is remembered as unknown for a while (in memory only: writing
 * made-up keys to KV would let anyone fill it).
 */
import { IsolateCache, sha256Hex } from "@dream-api/shared";
import {
  KEY_CACHE_KV_TTL_SECONDS,
  isKeyActive,
  keyCacheKvKey,
  loadCachedApiKey,
  loadCachedApiKeyByPublishableKey,
  type CachedApiKey,
} from "@dream-api/shared/db";
import { enforceClientIpLimit } from "@dream-api/shared/hono";

export type ResolvedApiKey = CachedApiKey;

/** How long a key found nowhere is remembered as unknown (no key is ever issued with the hash of one presented before). */
const NEGATIVE_TTL_MS = 60_000;

export interface KeyLookup {
  /** The request's clock reading: key expiry and this cache's TTLs are judged on it. */
  now: Date;
  ttlSeconds: number;
  /** CF-Connecting-IP (null: no per-IP bucket applies). */
  clientIp: string | null;
}

let isolateCache: IsolateCache<ResolvedApiKey | null> | null = null;

function cacheFor(ttlSeconds: number): IsolateCache<ResolvedApiKey | null> {
  isolateCache ??= new IsolateCache(ttlSeconds * 1000);
  return isolateCache;
}

export async function resolveSecretKey(env: Env, ctx: Pick<ExecutionContext, "waitUntil">, secretKey: string, lookup: KeyLookup): Promise<ResolvedApiKey | null> {
  const secretHash = await sha256Hex(secretKey);
  const cache = cacheFor(lookup.ttlSeconds);
  const nowMs = lookup.now.getTime();
  let resolved = cache.get(secretHash, nowMs);
  if (resolved === undefined) {
    await enforceClientIpLimit(env.CLIENT_IP_RATE_LIMITER, lookup.clientIp);
    resolved = await loadFromStorage(env, ctx, secretHash);
    cache.set(secretHash, resolved, resolved ? lookup.ttlSeconds * 1000 : NEGATIVE_TTL_MS, nowMs);
  }
  return resolved && isKeyActive(resolved, lookup.now) ? resolved : null;
}

async function loadFromStorage(env: Env, ctx: Pick<ExecutionContext, "waitUntil">, secretHash: string): Promise<ResolvedApiKey | null> {
  const kvKey = keyCacheKvKey(secretHash);
  const cached = await env.KEY_CACHE.get<ResolvedApiKey>(kvKey, { type: "json" });
  if (cached) return cached;
  const resolved = await loadCachedApiKey(env.DB, secretHash);
  if (!resolved) return null;
  ctx.waitUntil(env.KEY_CACHE.put(kvKey, JSON.stringify(resolved), { expirationTtl: KEY_CACHE_KV_TTL_SECONDS }));
  return resolved;
}

let publishableKeys: IsolateCache<ResolvedApiKey | null> | null = null;

/**
 * The key pair a publishable key belongs to, active or not (the caller
 * decides: public pricing refuses a retired pk; an end-user session names
 * its tenant by the pk it signed up with, which outlives rotations). Cached
 * like secret keys, from D1.
 */
export async function resolvePublishableKey(env: Env, publishableKey: string, lookup: KeyLookup): Promise<ResolvedApiKey | null> {
  publishableKeys ??= new IsolateCache(lookup.ttlSeconds * 1000);
  const nowMs = lookup.now.getTime();
  let resolved = publishableKeys.get(publishableKey, nowMs);
  if (resolved === undefined) {
    await enforceClientIpLimit(env.CLIENT_IP_RATE_LIMITER, lookup.clientIp);
    resolved = await loadCachedApiKeyByPublishableKey(env.DB, publishableKey);
    publishableKeys.set(publishableKey, resolved, resolved ? lookup.ttlSeconds * 1000 : NEGATIVE_TTL_MS, nowMs);
  }
  return resolved;
}

/** Test seam: forget what this isolate has cached. */
export function clearApiKeyIsolateCache(): void {
  isolateCache?.clear();
  publishableKeys?.clear();
}
