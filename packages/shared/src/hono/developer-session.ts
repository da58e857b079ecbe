import type { Context, Env as HonoEnv, MiddlewareHandler } from "hono";
import { z } from "zod";
import { verifySessionToken } from "../clerk";
import { ApiError } from "../errors";
import { newPlatformId } from "../ids";
import { getPlatformByDeveloper, insertPlatformStatement, type PlatformPlan, type PlatformRecord } from "../db/platforms";
import { enforceRateLimit } from "./rate-limit";
import type { RequestIdVariables } from "./request-context";

/**
 * A required comma-separated list of exact origins, such as
 * "https://dashboard.example.com,http://localhost:5173": the `azp` values a
 * session token may carry. Required and non-empty: without it @clerk/backend
 * checks no `azp` at all, and a token minted for any site would pass.
 */
export const authorizedPartiesVar = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.url().refine(isOrigin, "must be an origin (scheme://host[:port], no path)")).min(1, "must list at least one origin (the dashboard's)"));

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}

/** The config fields of a worker that accepts dream-api developer sessions (spread into its zod env schema). */
export const developerSessionConfigFields = {
  CLERK_SECRET_KEY: z.string().min(1),
  CLERK_API_URL: z.url().optional(),
  CLERK_JWT_KEY: z.string().includes("BEGIN PUBLIC KEY").optional(),
  CLERK_AUTHORIZED_PARTIES: authorizedPartiesVar,
  /** Without CLERK_JWT_KEY: how long to wait for Clerk's JWKS before answering 502 clerk_error (default 10,000 ms). */
  CLERK_TIMEOUT_MS: z.coerce.number().int().min(1).max(120_000).optional(),
};

export interface DeveloperSessionConfig {
  CLERK_SECRET_KEY: string;
  CLERK_API_URL?: string | undefined;
  CLERK_JWT_KEY?: string | undefined;
  CLERK_AUTHORIZED_PARTIES: string[];
  CLERK_TIMEOUT_MS?: number | undefined;
}

export interface DeveloperVariables {
  /** The developer's Clerk user id ("dream-api" app), from the verified session JWT. */
  developerId: string;
  /** The developer's platform row (created on the first authenticated call). */
  platform: PlatformRecord;
  now: Date;
}

type DeveloperEnv = HonoEnv & { Bindings: { DB: D1Database; DEVELOPER_RATE_LIMITER: RateLimit }; Variables: DeveloperVariables };

/**
 * Verifies a session JWT of the "dream-api" Clerk app; 401 `unauthenticated`
 * when it is not one. Without CLERK_JWT_KEY the keys come from Clerk's JWKS:
 * when Clerk cannot serve them (5xx, network error, CLERK_TIMEOUT_MS) the
 * answer is 502 `clerk_error` — the token may be fine, signing in again
 * would not help.
 */
export async function verifyDeveloperToken(token: string, settings: DeveloperSessionConfig): Promise<{ sub: string; plan?: unknown }> {
  const claims = await verifySessionToken(token, {
    secretKey: settings.CLERK_SECRET_KEY,
    apiUrl: settings.CLERK_API_URL,
    jwtKey: settings.CLERK_JWT_KEY,
    authorizedParties: settings.CLERK_AUTHORIZED_PARTIES,
    timeoutMs: settings.CLERK_TIMEOUT_MS,
  });
  if (!claims) throw unauthenticated("The session token is invalid or expired. Sign in again.");
  return claims;
}

/**
 * `Authorization: Bearer <session JWT of the "dream-api" Clerk app>`,
 * verified by @clerk/backend: networkless with CLERK_JWT_KEY, else against
 * the app's JWKS; `azp` must be one of CLERK_AUTHORIZED_PARTIES. A token of
 * the other Clerk app fails the signature check. The developer's platform
 * row is created on first sight, starting from the JWT's `plan` claim; after
 * that the stored plan wins (JWTs lag behind webhooks).
 */
export function authenticateDeveloper<E extends DeveloperEnv>(readConfig: (env: E["Bindings"]) => DeveloperSessionConfig): MiddlewareHandler<E> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
    if (!match?.[1]) throw unauthenticated("Missing session token. Send `Authorization: Bearer <Clerk session JWT>`.");
    const claims = await verifyDeveloperToken(match[1], readConfig(c.env));
    const developerId = claims.sub;
    const claimedPlan: PlatformPlan = claims.plan === "paid" ? "paid" : "free";
    let platform = await getPlatformByDeveloper(c.env.DB, developerId);
    if (!platform) {
      await insertPlatformStatement(c.env.DB, {
        platformId: newPlatformId(),
        developerId,
        plan: claimedPlan,
        createdAt: c.get("now").toISOString(),
      }).run();
      platform = await getPlatformByDeveloper(c.env.DB, developerId);
      if (!platform) throw new ApiError("internal_error", "The developer account could not be created.");
    }
    c.set("developerId", developerId);
    c.set("platform", platform);
    await next();
  };
}

/**
 * What a developer-session operation runs before its handler: the session
 * check (authenticateDeveloper), then 100 requests/min per developer
 * (DEVELOPER_RATE_LIMITER, shared by front-auth-api and oauth-api).
 */
export function developerSessionChain<E extends DeveloperEnv>(readConfig: (env: E["Bindings"]) => DeveloperSessionConfig): MiddlewareHandler<E>[] {
  const limitPerDeveloper: MiddlewareHandler<E> = async (c, next) => {
    await enforceRateLimit(c.env.DEVELOPER_RATE_LIMITER, c.get("developerId"), "developer");
    await next();
  };
  return [authenticateDeveloper<E>(readConfig), limitPerDeveloper];
}

function unauthenticated(message: string): ApiError {
  return new ApiError("unauthenticated", message);
}

/** The Hono env of a worker the dashboard calls with developer sessions (front-auth-api, oauth-api). */
export interface DeveloperAppEnv<Bindings extends { DB: D1Database; DEVELOPER_RATE_LIMITER: RateLimit; CLIENT_IP_RATE_LIMITER: RateLimit }> {
  Bindings: Bindings;
  Variables: RequestIdVariables & DeveloperVariables;
}

/** What a developer worker's services get instead of the HTTP context. */
export interface DeveloperServiceContext<Bindings> {
  env: Bindings;
  waitUntil: (promise: Promise<unknown>) => void;
  developerId: string;
  platform: PlatformRecord;
  now: Date;
}

/** The service context of an authenticated developer request. */
export function developerServiceContext<E extends { Bindings: object; Variables: DeveloperVariables }>(c: Context<E>): DeveloperServiceContext<E["Bindings"]> {
  return {
    env: c.env,
    waitUntil: (promise) => c.executionCtx.waitUntil(promise),
    developerId: c.get("developerId"),
    platform: c.get("platform"),
    now: c.get("now"),
  };
}
