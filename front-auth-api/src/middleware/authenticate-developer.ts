import { verifyToken } from "@clerk/backend";
import { ApiError, newPlatformId } from "@dream-api/shared";
import { getPlatformByDeveloper, insertPlatformStatement, type PlatformPlan } from "@dream-api/shared/db";
import { createMiddleware } from "hono/factory";
import { config } from "../config";
import type { AppEnv } from "../context";

/**
 * `Authorization: Bearer <session JWT of the "dream-api" Clerk app>`,
 * verified by @clerk/backend: networkless with CLERK_JWT_KEY, else against
 * the app's JWKS; `azp` must be one of CLERK_AUTHORIZED_PARTIES. A token of
 * the other Clerk app fails the signature check. The developer's platform
 * row is created on first sight, starting from the JWT's `plan` claim; after
 * that the stored plan wins (JWTs lag behind webhooks).
 */
export const authenticateDeveloper = createMiddleware<AppEnv>(async (c, next) => {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "");
  if (!match?.[1]) throw unauthenticated("Missing session token. Send `Authorization: Bearer <Clerk session JWT>`.");
  const settings = config(c.env);
  let claims: { sub: string; plan?: unknown };
  try {
    claims = await verifyToken(match[1], {
      secretKey: settings.CLERK_SECRET_KEY,
      ...(settings.CLERK_API_URL ? { apiUrl: settings.CLERK_API_URL } : {}),
      ...(settings.CLERK_JWT_KEY ? { jwtKey: settings.CLERK_JWT_KEY } : {}),
      ...(settings.CLERK_AUTHORIZED_PARTIES.length ? { authorizedParties: settings.CLERK_AUTHORIZED_PARTIES } : {}),
    });
  } catch {
    throw unauthenticated("The session token is invalid or expired. Sign in again.");
  }
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
});

function unauthenticated(message: string): ApiError {
  return new ApiError("unauthenticated", message);
}
