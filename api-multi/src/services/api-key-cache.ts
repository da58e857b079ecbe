/**
 * Resolves a secret key to its platform: in-isolate cache (TTL from config),
 * then KV, then D1 by SHA-256 hash. A warm request does no storage I/O for
 * its key. Cached records carry the key's grace expiry, so a rotated key
 * stops working on time even while cached; an explicit revocation is seen
 * within the isolate TTL plus KV's propagation delay (see README).
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

export type ResolvedApiKey = CachedApiKey;

/** Unknown keys are remembered briefly in memory only (never in KV). */
const NEGATIVE_TTL_MS = 5_000;

let isolateCache: IsolateCache<ResolvedApiKey | null> | null = null;

function cacheFor(ttlSeconds: number): IsolateCache<ResolvedApiKey | null> {
  isolateCache ??= new IsolateCache(ttlSeconds * 1000);
  return isolateCache;
}

export async function resolveSecretKey(
  env: Env,
  ctx: Pick<ExecutionContext, "waitUntil">,
  secretKey: string,
  options: { now: Date; ttlSeconds: number },
): Promise<ResolvedApiKey | null> {
  const secretHash = await sha256Hex(secretKey);
  const cache = cacheFor(options.ttlSeconds);
  let resolved = cache.get(secretHash);
  if (resolved === undefined) {
    resolved = await loadFromStorage(env, ctx, secretHash);
    if (resolved) cache.set(secretHash, resolved, options.ttlSeconds * 1000);
    else cache.set(secretHash, null, NEGATIVE_TTL_MS);
  }
  return resolved && isKeyActive(resolved, options.now) ? resolved : null;
}

async function loadFromStorage(
  env: Env,
  ctx: Pick<ExecutionContext, "waitUntil">,
  secretHash: string,
): Promise<ResolvedApiKey | null> {
  const kvKey = keyCacheKvKey(secretHash);
  const cached = await env.KEY_CACHE.get<ResolvedApiKey>(kvKey, { type: "json" });
  if (cached) return cached;
  const resolved = await loadCachedApiKey(env.DB, secretHash);
  if (!resolved) return null;
  ctx.waitUntil(env.KEY_CACHE.put(kvKey, JSON.stringify(resolved), { expirationTtl: KEY_CACHE_KV_TTL_SECONDS }));
  return resolved;
}

const publishableKeys = new IsolateCache<ResolvedApiKey | null>(30_000);

/**
 * The tenant a publishable key names (end-user JWTs and public pricing
 * pages). Any pk the platform was ever issued still names it: a pk is an
 * identifier, not a credential, and end-users keep the one they signed up with.
 */
export async function resolvePublishableKey(env: Env, publishableKey: string): Promise<ResolvedApiKey | null> {
  let resolved = publishableKeys.get(publishableKey);
  if (resolved === undefined) {
    resolved = await loadCachedApiKeyByPublishableKey(env.DB, publishableKey);
    publishableKeys.set(publishableKey, resolved, resolved ? 30_000 : NEGATIVE_TTL_MS);
  }
  return resolved;
}

/** Test seam: forget what this isolate has cached. */
export function clearApiKeyIsolateCache(): void {
  isolateCache?.clear();
  publishableKeys.clear();
}
