import { ApiError, PUBLISHABLE_KEY_PATTERN, SECRET_KEY_PATTERN, lowestTier, verifySessionToken } from "@dream-api/shared";
import { findEndUserOfClerkUser, getPlatformByDeveloper, insertEndUserStatement } from "@dream-api/shared/db";
import { clientIp } from "@dream-api/shared/hono";
import { createMiddleware } from "hono/factory";
import { config } from "../config";
import { serviceContext, type AppContext, type AppEnv } from "../context";
import { resolvePublishableKey, resolveSecretKey } from "../services/api-key-cache";
import { endUserCap, previewLimitReached } from "../services/preview";
import { getPlatformTiers } from "../services/tier-cache";

const INVALID_KEY_MESSAGE = "The API key is invalid, revoked or expired. Use your secret key (sk_live_… or sk_test_…) as a Bearer token.";

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** Read-only routes the developer's dashboard may call with the developer's own dream-api session JWT. */
const DEVELOPER_ROUTE = /^GET \/api\/(dashboard|tiers|customers(\/[^/]+)?)$/;

/** Routes an end-user may call for itself with its own end-user-api session JWT (from any origin). */
export const END_USER_PATHS = new Set(["/api/usage", "/api/checkout", "/api/portal"]);
const END_USER_ROUTES = new Set(["GET /api/usage", "POST /api/checkout", "POST /api/portal"]);

/**
 * `Authorization: Bearer sk_live_…|sk_test_…` (the developer's backend) →
 * platformId; or, on END_USER_ROUTES, a session JWT of the shared
 * end-user-api Clerk app → the platform its `publishableKey` claim names and
 * the end-user its `sub` is. The platformId set here is the only one tenant
 * queries may use.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization");
  if (!header) throw new ApiError("unauthorized", "Missing Authorization header. Send `Authorization: Bearer sk_…`.");
  const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  const route = `${c.req.method} ${c.req.path}`;
  const jwt = token !== undefined && JWT_SHAPE.test(token);
  if (jwt && END_USER_ROUTES.has(route)) {
    await authenticateEndUser(c, token);
  } else if (jwt && DEVELOPER_ROUTE.test(route)) {
    await authenticateDeveloperSession(c, token);
  } else {
    await authenticateSecretKey(c, token);
  }
  await next();
});

async function authenticateSecretKey(c: AppContext, secretKey: string | undefined): Promise<void> {
  if (!secretKey || !SECRET_KEY_PATTERN.test(secretKey)) throw new ApiError("invalid_api_key", INVALID_KEY_MESSAGE);
  const resolved = await resolveSecretKey(c.env, c.executionCtx, secretKey, keyLookup(c));
  if (!resolved) throw new ApiError("invalid_api_key", INVALID_KEY_MESSAGE);
  c.set("auth", {
    platformId: resolved.platformId,
    publishableKey: resolved.publishableKey,
    mode: resolved.mode,
    keyId: resolved.keyId,
    preview: resolved.preview,
  });
}

/** The developer's dashboard: tenant = the platform of the developer the dream-api session JWT names. */
async function authenticateDeveloperSession(c: AppContext, token: string): Promise<void> {
  const settings = config(c.env);
  // A Clerk outage while fetching the JWKS is 502 clerk_error (thrown by verifySessionToken), not a bad token.
  const claims = await verifySessionToken(token, {
    secretKey: settings.DEVELOPER_CLERK_SECRET_KEY,
    apiUrl: settings.CLERK_API_URL,
    jwtKey: settings.DEVELOPER_CLERK_JWT_KEY,
    authorizedParties: settings.DEVELOPER_AUTHORIZED_PARTIES,
  });
  if (!claims) throw new ApiError("invalid_token", "The session token is not a valid dream-api developer session.");
  const platform = await getPlatformByDeveloper(c.env.DB, claims.sub);
  if (!platform) throw new ApiError("not_found", "This developer has no platform yet. Open the dashboard's home page first.");
  const free = platform.plan === "free";
  c.set("auth", { platformId: platform.platformId, publishableKey: "", mode: free ? "test" : "live", keyId: `developer:${claims.sub}`, preview: free });
}

async function authenticateEndUser(c: AppContext, token: string): Promise<void> {
  const settings = config(c.env);
  const claims: { sub: string; publishableKey?: unknown } | null = await verifySessionToken(token, {
    secretKey: settings.CLERK_SECRET_KEY,
    apiUrl: settings.CLERK_API_URL,
    jwtKey: settings.CLERK_JWT_KEY,
  });
  if (!claims) throw new ApiError("invalid_token", "The end-user session token is invalid or expired.");
  const publishableKey = typeof claims.publishableKey === "string" ? claims.publishableKey : "";
  // Any pk the platform was issued names it here, retired ones included: end-users keep the one they signed up with.
  const key = PUBLISHABLE_KEY_PATTERN.test(publishableKey) ? await resolvePublishableKey(c.env, publishableKey, keyLookup(c)) : null;
  if (!key) throw new ApiError("invalid_token", "The end-user session token names no dream-api platform (publishableKey claim).");
  c.set("auth", { platformId: key.platformId, publishableKey: key.publishableKey, mode: key.mode, keyId: key.keyId, preview: key.preview });
  c.set("auth", { ...c.get("auth"), endUserId: await endUserIdFor(c, claims.sub) });
}

/** How this request looks keys up: on its clock, with the configured cache TTL, from the caller's IP. */
function keyLookup(c: AppContext) {
  return { now: c.get("now"), ttlSeconds: config(c.env).KEY_CACHE_TTL_SECONDS, clientIp: clientIp(c) };
}

/**
 * The platform's userId of the Clerk user `clerkUserId`: the end-user linked
 * to it, or the one the developer's backend registered under that id (now
 * linked: findEndUserOfClerkUser). An end-user who signed up through the
 * shared app but was never registered by the developer's backend is
 * registered now (D1 only, lowest tier, userId = the Clerk user id).
 */
async function endUserIdFor(c: AppContext, clerkUserId: string): Promise<string> {
  const db = c.env.DB;
  const { platformId } = c.get("auth");
  const existing = await findEndUserOfClerkUser(db, platformId, clerkUserId);
  if (existing) return existing;
  const ctx = serviceContext(c);
  const tier = lowestTier(await getPlatformTiers(c.env, c.executionCtx, platformId));
  if (!tier) throw new ApiError("no_tiers_configured", "This platform has no pricing tier yet.");
  const cap = endUserCap(ctx);
  await insertEndUserStatement(
    db,
    { platformId, userId: clerkUserId, clerkUserId, email: null, plan: tier.name, now: c.get("now").toISOString() },
    { maxEndUsers: cap },
  ).run();
  const registered = await findEndUserOfClerkUser(db, platformId, clerkUserId);
  if (registered) return registered;
  if (cap !== null) throw previewLimitReached(cap);
  // The userId is taken by a customer linked to another Clerk user.
  throw new ApiError("conflict", "This account cannot be linked to a customer of this platform: its id is already used by another customer.");
}
