import { ApiError, SECRET_KEY_PATTERN } from "@dream-api/shared";
import { createMiddleware } from "hono/factory";
import { config } from "../config";
import type { AppEnv } from "../context";
import { resolveSecretKey } from "../services/api-key-cache";

const INVALID_KEY_MESSAGE = "The API key is invalid, revoked or expired. Use your secret key (sk_live_… or sk_test_…) as a Bearer token.";

/**
 * `Authorization: Bearer sk_live_…|sk_test_…` → platformId. The platformId
 * set here is the only one tenant queries may use.
 */
export const authenticateSecretKey = createMiddleware<AppEnv>(async (c, next) => {
  const header = c.req.header("Authorization");
  if (!header) throw new ApiError("unauthorized", "Missing Authorization header. Send `Authorization: Bearer sk_…`.");
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const secretKey = match?.[1];
  if (!secretKey || !SECRET_KEY_PATTERN.test(secretKey)) throw new ApiError("invalid_api_key", INVALID_KEY_MESSAGE);
  const resolved = await resolveSecretKey(c.env, c.executionCtx, secretKey, {
    now: c.get("now"),
    ttlSeconds: config(c.env).KEY_CACHE_TTL_SECONDS,
  });
  if (!resolved) throw new ApiError("invalid_api_key", INVALID_KEY_MESSAGE);
  c.set("auth", {
    platformId: resolved.platformId,
    publishableKey: resolved.publishableKey,
    mode: resolved.mode,
    keyId: resolved.keyId,
    preview: resolved.preview,
  });
  await next();
});
