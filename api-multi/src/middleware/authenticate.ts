import { ApiError, type KeyMode, PUBLISHABLE_KEY_PATTERN, requestedMode, SECRET_KEY_PATTERN, verifySessionToken } from "@dream-api/shared";
import { resolvePublishableKey, resolveSecretKey } from "@dream-api/shared/caches";
import { getPlatformByDeveloper } from "@dream-api/shared/db";
import { clientIp, type Caller } from "@dream-api/shared/hono";
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { config } from "../config";
import { serviceContext, type AppContext, type AppEnv } from "../context";
import { endUserOfSession } from "../services/customers/register";

const INVALID_KEY_MESSAGE = "The API key is invalid, revoked or expired. Use your secret key (sk_live_… or sk_test_…) as a Bearer token.";

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * The middleware that authenticates an operation's callers (its definition's
 * `auth`): `Authorization: Bearer …` with a session JWT → an end-user's own
 * session (end-user-api app: the platform its `publishableKey` claim names,
 * the end-user its `sub` is) where end-user sessions may call, else a
 * developer's dashboard session where those may; anything else is taken as
 * a secret key (sk_live_…|sk_test_… → platformId). The platformId and mode
 * set here are the only ones tenant queries may use: a key's or session's
 * mode, or — for a developer's session — the `mode` query parameter it must
 * send. A `mode` parameter that contradicts a key is refused.
 */
export function authenticateFor(callers: readonly Caller[]): MiddlewareHandler<AppEnv> {
  const endUsers = callers.includes("endUserSession");
  const developers = callers.includes("developerSession");
  const secretKeys = callers.includes("secretKey");
  return createMiddleware<AppEnv>(async (c, next) => {
    const header = c.req.header("Authorization");
    if (!header) throw new ApiError("unauthorized", "Missing Authorization header. Send `Authorization: Bearer sk_…`.");
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const jwt = token !== undefined && JWT_SHAPE.test(token);
    if (jwt && endUsers) await authenticateEndUser(c, token);
    else if (jwt && developers) await authenticateDeveloperSession(c, token);
    else if (secretKeys) await authenticateSecretKey(c, token);
    else throw new ApiError("invalid_token", "This route takes a session token.");
    const named = requestedMode(c.req.query("mode"));
    const { mode } = c.get("auth");
    if (named !== undefined && named !== mode) {
      throw new ApiError("invalid_request", `mode=${named} does not match this credential, which is for ${mode} mode. Use your ${named} key, or leave mode out.`, { param: "mode" });
    }
    await next();
  });
}

async function authenticateSecretKey(c: AppContext, secretKey: string | undefined): Promise<void> {
  if (!secretKey || !SECRET_KEY_PATTERN.test(secretKey)) throw new ApiError("invalid_api_key", INVALID_KEY_MESSAGE);
  const resolved = await resolveSecretKey(c.env, c.executionCtx, secretKey, keyLookup(c));
  if (!resolved) throw new ApiError("invalid_api_key", INVALID_KEY_MESSAGE);
  if (resolved.liveWithoutPlan) throw liveModeUnavailable();
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
  const mode = developerMode(c);
  c.set("auth", { platformId: platform.platformId, publishableKey: "", mode, keyId: `developer:${claims.sub}`, preview: mode === "test" && platform.plan === "free" });
}

/** The mode a dashboard session names (`?mode=test|live`): required, as the dashboard shows one mode at a time. */
function developerMode(c: AppContext): KeyMode {
  const mode = requestedMode(c.req.query("mode"));
  if (!mode) throw new ApiError("invalid_request", "mode is required with a dashboard session: add ?mode=test or ?mode=live.", { param: "mode" });
  return mode;
}

function liveModeUnavailable(): ApiError {
  return new ApiError(
    "live_mode_unavailable",
    "Live mode needs the paid plan ($15/month) and a connected Stripe account; this platform is on the free plan. Subscribe in the dashboard to use live keys again — test keys keep working.",
  );
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
  if (key.liveWithoutPlan) throw liveModeUnavailable();
  c.set("auth", { platformId: key.platformId, publishableKey: key.publishableKey, mode: key.mode, keyId: key.keyId, preview: key.preview });
  c.set("auth", { ...c.get("auth"), endUserId: await endUserOfSession({ ctx: serviceContext(c), input: { clerkUserId: claims.sub } }) });
}

/** How this request looks keys up: on its clock, with the configured cache TTL, from the caller's IP. */
function keyLookup(c: AppContext) {
  return { now: c.get("now"), ttlSeconds: config(c.env).KEY_CACHE_TTL_SECONDS, clientIp: clientIp(c) };
}
