/**
 * The API-key cache: what api-multi knows of a key without asking D1 (a
 * CachedApiKey), kept in the isolate and in KV (KEY_CACHE).
 *
 * Read (api-multi): in-isolate cache (KEY_CACHE_TTL_SECONDS, passed in
 * `KeyLookup.ttlSeconds`), then KV, then D1 by SHA-256 hash. A warm request
 * does no storage I/O for its key. Cached records carry the key's grace
 * expiry and revocation as they were when cached; front-auth-api rewrites
 * the KV entries at every rotation, revocation or plan change
 * (refreshApiKeyCache), so an isolate learns of one within its cache TTL
 * (plus KV's propagation, up to 60 s): that is the revocation bound, and a
 * grace period longer than it ends exactly (see README, "Keys").
 *
 * A key this isolate has not seen costs a KV and a D1 read, so those cold
 * lookups count against the caller's per-IP bucket first, and a key found
 * nowhere is remembered as unknown for a while (in memory only: writing
 * made-up keys to KV would let anyone fill it).
 */
import { loadCachedApiKey, loadCachedApiKeyByPublishableKey, isKeyActive, listCachedApiKeys, type CachedApiKey } from "../db/api-keys";
import { enforceClientIpLimit } from "../hono/rate-limit";
import { IsolateCache } from "../isolate-cache";
import { sha256Hex } from "../keys";

/** Where KV keeps a secret key's entry (deployed data: the name never changes). */
export function keyCacheKvKey(secretHash: string): string {
  return `sk:${secretHash}`;
}

/** KV TTL of cached keys; the isolate TTL sits in front of it. */
export const KEY_CACHE_KV_TTL_SECONDS = 300;

/** How long a key found nowhere is remembered as unknown (no key is ever issued with the hash of one presented before). */
const NEGATIVE_TTL_MS = 60_000;

/** The bindings the key cache reads and writes. */
export interface ApiKeyCacheBindings {
  DB: D1Database;
  KEY_CACHE: KVNamespace;
  CLIENT_IP_RATE_LIMITER: RateLimit;
}

export type ResolvedApiKey = CachedApiKey;

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

/** The working key a secret key is, or null (unknown, revoked, or its grace period over at `lookup.now`). */
export async function resolveSecretKey(env: ApiKeyCacheBindings, ctx: Pick<ExecutionContext, "waitUntil">, secretKey: string, lookup: KeyLookup): Promise<ResolvedApiKey | null> {
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

async function loadFromStorage(env: ApiKeyCacheBindings, ctx: Pick<ExecutionContext, "waitUntil">, secretHash: string): Promise<ResolvedApiKey | null> {
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
export async function resolvePublishableKey(env: ApiKeyCacheBindings, publishableKey: string, lookup: KeyLookup): Promise<ResolvedApiKey | null> {
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

/**
 * Rewrites the KV entries (KEY_CACHE) of every key of a platform from D1 —
 * after a rotation, a revocation or a plan change (which flips preview
 * mode). api-multi's isolates see the change once their own cached copy
 * expires (KEY_CACHE_TTL_SECONDS) and KV has propagated (up to 60 s): the
 * revocation bound.
 */
export async function refreshApiKeyCache(db: D1Database, kv: KVNamespace, platformId: string): Promise<void> {
  const keys = await listCachedApiKeys(db, platformId);
  await Promise.all(keys.map(({ secretHash, key }) => kv.put(keyCacheKvKey(secretHash), JSON.stringify(key), { expirationTtl: KEY_CACHE_KV_TTL_SECONDS })));
}
