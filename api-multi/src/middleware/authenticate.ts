import { activeOrganizationOf, ApiError, type KeyMode, requestedMode, SECRET_KEY_PATTERN, secretKeyDisplayPrefix, verifySessionToken } from "@dream-api/shared";
import { resolveSecretKey } from "@dream-api/shared/caches";
import { findSessionTenant, getPlatformByDeveloper } from "@dream-api/shared/db";
import { clientIp, type Caller } from "@dream-api/shared/hono";
import type { MiddlewareHandler } from "hono";
import { createMiddleware } from "hono/factory";
import { config } from "../config";
import type { AppContext, AppEnv } from "../context";
import { verifyEndUserToken } from "../services/end-user-clerk";

const INVALID_KEY_MESSAGE = "The API key is invalid, revoked or expired. Use your secret key (sk_live_… or sk_test_…) as a Bearer token.";

const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * The middleware that authenticates an operation's callers (its definition's
 * `auth`): `Authorization: Bearer …` with a session JWT → an end-user's own
 * session (end-user-api app: the tenant its active organization is, the
 * end-user its `sub` is there) where end-user sessions may call, else a
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
    mode: resolved.mode,
    keyId: resolved.keyId,
    preview: resolved.preview,
    caller: secretKeyDisplayPrefix(secretKey),
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
  c.set("auth", { platformId: platform.platformId, mode, keyId: `developer:${claims.sub}`, preview: mode === "test" && platform.plan === "free", caller: "dashboard" });
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

/**
 * An end-user's own session (end-user-api app): the tenant is the session's
 * active organization — Clerk's claim, which only a membership our backend
 * made can set (services/customers/memberships.ts) — read back through
 * tenant_organizations, and the end-user is the person's customer there.
 * Nothing the end-user can edit (metadata, request data) takes part.
 */
async function authenticateEndUser(c: AppContext, token: string): Promise<void> {
  const claims = await verifyEndUserToken(c.env, token);
  if (!claims) throw new ApiError("invalid_token", "The end-user session token is invalid or expired.");
  const organizationId = activeOrganizationOf(claims);
  if (!organizationId) {
    throw new ApiError("invalid_token", "The end-user session has no active organization, so it names no developer: sign in on the developer's pricing page, which makes theirs active.");
  }
  const tenant = await findSessionTenant(c.env.DB, organizationId, claims.sub);
  if (!tenant) throw new ApiError("invalid_token", "The end-user session's active organization is not a dream-api platform.");
  if (tenant.mode === "live" && tenant.plan === "free") throw liveModeUnavailable();
  if (!tenant.userId) throw new ApiError("customer_not_found", "This account is not a customer of this app (any more). Sign in on its pricing page to join.");
  c.set("auth", {
    platformId: tenant.platformId,
    mode: tenant.mode,
    keyId: `organization:${organizationId}`,
    preview: tenant.mode === "test" && tenant.plan === "free",
    caller: "end-user session",
    endUserId: tenant.userId,
  });
}

/** How this request looks keys up: on its clock, with the configured cache TTL, from the caller's IP. */
function keyLookup(c: AppContext) {
  return { now: c.get("now"), ttlSeconds: config(c.env).KEY_CACHE_TTL_SECONDS, clientIp: clientIp(c) };
}
